"""The upgrade deduction in words: each course's spend, the total, the cap and what comes off (from the rules' figures)."""

from __future__ import annotations

from typing import Tuple

from bot.rules.model import Deduction, SpendItem
from bot.rules.money import format_money
from bot.rules.policy import Policy

_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def cap_description(policy: Policy) -> str:
    """The cap in words, e.g. "one 20-credit module"."""
    count = policy.deduction_cap_modules
    word = _NUMBER_WORDS[count] if count < len(_NUMBER_WORDS) else str(count)
    return f"{word} {policy.module_credits}-credit module{'' if count == 1 else 's'}"


def spend_line(item: SpendItem) -> str:
    """One course's spend, e.g. "Plant Breeding 1: £100 learning fee + £150 top-up = £250"."""
    kinds = ((item.learning_fee, "learning fee"), (item.top_up, "top-up"), (item.credit_fee, "credit fee"))
    parts = [f"{format_money(amount)} {label}" for amount, label in kinds if amount]
    total = "" if len(parts) == 1 else f" = {format_money(item.counted)}"
    return f"{item.course.title}: {' + '.join(parts)}{total}"


def total_line(deduction: Deduction) -> str:
    """ "Total spent £350"."""
    return f"Total spent {format_money(deduction.spent)}"


def cap_line(policy: Policy, deduction: Deduction) -> str:
    """ "Cap: one 20-credit module = £1,100"."""
    return f"Cap: {cap_description(policy)} = {format_money(deduction.cap)}"


def deducted_line(policy: Policy, deduction: Deduction, possessive: str = "your") -> str:
    """ "Deducted from your first 20-credit module: £350", with "(the cap)" when capped."""
    text = f"Deducted from {possessive} first {policy.module_credits}-credit module: {format_money(deduction.amount)}"
    return text + (" (the cap)" if deduction.capped else "")


def deduction_lines(policy: Policy, deduction: Deduction) -> Tuple[str, ...]:
    """The whole arithmetic, one step per line."""
    return (
        *(spend_line(item) for item in deduction.items),
        total_line(deduction),
        cap_line(policy, deduction),
        deducted_line(policy, deduction),
    )
