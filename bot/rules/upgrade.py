"""What comes off the first module when a learner upgrades to a full postgraduate programme."""

from __future__ import annotations

from typing import Iterable, Optional, Tuple

from bot.rules.model import Deduction, Enrolment, NotCovered, Payments
from bot.rules.money import format_money
from bot.rules.policy import Policy


_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def upgrade_deduction(policy: Policy, enrolments: Iterable[Enrolment]) -> Deduction:
    """The deduction from the first module for everything a learner has spent, with the arithmetic.

    Page: "Should you decide to upgrade to a full postgraduate programme, we will deduct the
    amount you spent on our microcredentials (including top-up fees) from the total cost of your
    first 20-credit module, up to the equivalent value of one 20-credit module."
    """
    enrolments = tuple(enrolments)
    lines = tuple(line for e in enrolments if (line := _spend_line(policy, e)) is not None)
    spent = sum(counted_spend(policy, e.payments) for e in enrolments)
    return _deduction(policy, spent, lines)


def deduction_for_spend(policy: Policy, spent: int) -> Deduction:
    """The deduction for a total spend in pence (the anonymous calculator).

    Page: "we will deduct the amount you spent on our microcredentials (including top-up fees)
    from the total cost of your first 20-credit module, up to the equivalent value of one
    20-credit module."
    """
    if spent < 0:
        raise ValueError(f"the amount spent cannot be negative (got {spent})")
    return _deduction(policy, spent, ())


def calculator_spend(policy: Policy, learning_only: int = 0, with_credits: int = 0, topped_up: int = 0) -> int:
    """Pence spent that counts towards the deduction, from numbers of courses of each kind.

    `topped_up` counts learning-only courses later topped up (learning fee plus top-up each).

    Page: "we will deduct the amount you spent on our microcredentials (including top-up fees)"
    """
    counts = {"learning_only": learning_only, "with_credits": with_credits, "topped_up": topped_up}
    for name, count in counts.items():
        if count < 0:
            raise ValueError(f"{name} cannot be negative (got {count})")
    later = Payments(learning_fee=policy.learning_fee, top_up=policy.top_up)
    return (
        learning_only * policy.learning_fee
        + with_credits * policy.credit_fee
        + topped_up * counted_spend(policy, later)
    )


def counted_spend(policy: Policy, payments: Payments) -> int:
    """Pence of one enrolment's payments that count towards the deduction.

    Page: "we will deduct the amount you spent on our microcredentials (including top-up fees)"
    """
    return payments.total if policy.deduction_counts_top_ups else payments.total - payments.top_up


def exemption_with_deduction(policy: Policy) -> NotCovered:
    """Whether the same microcredentials give both the exemption and the deduction is not covered.

    Page: "we will deduct the amount you spent on our microcredentials (including top-up fees)
    from the total cost of your first 20-credit module"
    """
    return NotCovered(
        question=(
            f"Can the same microcredentials give both the {policy.exemption_credits}-credit exemption "
            "and the deduction from the first module's fee?"
        ),
        reason="The page describes the exemption for a complete set and the deduction on upgrading "
        "separately, and does not say whether both apply to the same microcredentials.",
    )


def cap_description(policy: Policy) -> str:
    """The cap in words, e.g. "one 20-credit module".

    Page: "up to the equivalent value of one 20-credit module."
    """
    count = policy.deduction_cap_modules
    return f"{_number_word(count)} {policy.module_credits}-credit module{_plural(count)}"


def _deduction(policy: Policy, spent: int, item_lines: Tuple[str, ...]) -> Deduction:
    """Apply the cap and write out the arithmetic."""
    cap = policy.deduction_cap
    amount = min(spent, cap)
    capped = spent > cap
    module = f"{policy.module_credits}-credit module"
    lines = (
        *item_lines,
        f"Total spent {format_money(spent)}",
        f"Cap: {cap_description(policy)} = {format_money(cap)}",
        f"Deducted from your first {module}: {format_money(amount)}" + (" (the cap)" if capped else ""),
    )
    return Deduction(spent, cap, amount, capped, lines, cap_is_sample=policy.is_sample("module_fee"))


def _spend_line(policy: Policy, enrolment: Enrolment) -> Optional[str]:
    """One course's spend, e.g. "Plant Breeding 1: £... learning fee + £... top-up = £..."."""
    payments = enrolment.payments
    kinds = (
        (payments.learning_fee, "learning fee"),
        (payments.top_up if policy.deduction_counts_top_ups else 0, "top-up"),
        (payments.credit_fee, "credit fee"),
    )
    parts = [f"{format_money(amount)} {label}" for amount, label in kinds if amount]
    if not parts:
        return None
    total = "" if len(parts) == 1 else f" = {format_money(counted_spend(policy, payments))}"
    return f"{enrolment.course.title}: {' + '.join(parts)}{total}"


def _number_word(number: int) -> str:
    """Small counts in words ("one"), larger ones in digits."""
    return _NUMBER_WORDS[number] if number < len(_NUMBER_WORDS) else str(number)


def _plural(number: int) -> str:
    """The plural ending for a count."""
    return "" if number == 1 else "s"
