"""The upgrade deduction in words: each course's spend, the total, the cap and what comes off (from the rules' figures).

The sentences are in texts/upgrade.yaml, in English and Welsh; the arithmetic reads the same in both.
"""

from __future__ import annotations

from typing import Any, Tuple

from bot.answers.texts import ENGLISH, WELSH, Texts, reply_language
from bot.rules.model import Deduction, SpendItem
from bot.rules.money import format_money
from bot.rules.policy import Policy

T = Texts("upgrade")
YOUR = "your"


def cap_description(policy: Policy, language: Any = ENGLISH) -> str:
    """The cap in words, e.g. "one 20-credit module", "un modiwl 20 credyd", "dau fodiwl 20 credyd"."""
    count = policy.deduction_cap_modules
    words = T("number_words", language).split()
    word = words[count] if count < len(words) else str(count)
    key = "cap_one" if count == 1 else "cap_two" if count == 2 else "cap_many"
    return T(key, language, word=word, credits=policy.module_credits)


def spend_line(item: SpendItem, language: Any = ENGLISH) -> str:
    """One course's spend, e.g. "Plant Breeding 1: £100 learning fee + £150 top-up = £250"."""
    kinds = ((item.learning_fee, "learning_fee"), (item.top_up, "top_up"), (item.credit_fee, "credit_fee"))
    parts = [T(key, language, amount=format_money(amount)) for amount, key in kinds if amount]
    total = "" if len(parts) == 1 else f" = {format_money(item.counted)}"
    return f"{item.course.title}: {' + '.join(parts)}{total}"


def total_line(deduction: Deduction, language: Any = ENGLISH) -> str:
    """ "Total spent £350"."""
    return T("total_line", language, amount=format_money(deduction.spent))


def cap_line(policy: Policy, deduction: Deduction, language: Any = ENGLISH) -> str:
    """ "Cap: one 20-credit module = £1,100"."""
    return T("cap_line", language, description=cap_description(policy, language), cap=format_money(deduction.cap))


def deducted_line(policy: Policy, deduction: Deduction, possessive: str = YOUR, language: Any = ENGLISH) -> str:
    """ "Deducted from your first 20-credit module: £350", with "(the cap)" when capped.

    `possessive` is whose module: "your" for the learner's own (in Welsh "o'ch modiwl ..."), otherwise the owner as
    it reads before the noun in English ("Alex's"). Welsh puts the owner after the noun ("modiwl ... cyntaf Alex"),
    so an English "'s" is dropped there.
    """
    amounts = {"credits": policy.module_credits, "amount": format_money(deduction.amount)}
    if possessive == YOUR:
        text = T("deducted_yours", language, **amounts)
    else:
        owner = possessive
        if reply_language(language) == WELSH and owner.endswith(("'s", "’s")):
            owner = owner[:-2]
        text = T("deducted_owner", language, owner=owner, **amounts)
    return text + (f" {T('the_cap', language)}" if deduction.capped else "")


def deduction_lines(policy: Policy, deduction: Deduction, language: Any = ENGLISH) -> Tuple[str, ...]:
    """The whole arithmetic, one step per line."""
    return (
        *(spend_line(item, language) for item in deduction.items),
        total_line(deduction, language),
        cap_line(policy, deduction, language),
        deducted_line(policy, deduction, YOUR, language),
    )
