"""What comes off the first module when a learner upgrades to a full postgraduate programme."""

from __future__ import annotations

from typing import Iterable, Optional, Tuple

from bot.rules.fees import fee_for
from bot.rules.model import Deduction, Enrolment, NotCovered, Payments, SpendItem
from bot.rules.policy import Policy


def upgrade_deduction(policy: Policy, enrolments: Iterable[Enrolment]) -> Deduction:
    """The deduction from the first module for everything a learner has spent, with the arithmetic.

    Page: "Should you decide to upgrade to a full postgraduate programme, we will deduct the
    amount you spent on our microcredentials (including top-up fees) from the total cost of your
    first 20-credit module, up to the equivalent value of one 20-credit module."
    """
    enrolments = tuple(enrolments)
    items = tuple(item for e in enrolments if (item := _spend_item(policy, e)) is not None)
    spent = sum(counted_spend(policy, e.payments) for e in enrolments)
    return _deduction(policy, spent, items)


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
        learning_only * fee_for(policy, with_credits=False)
        + with_credits * fee_for(policy, with_credits=True)
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


def _deduction(policy: Policy, spent: int, items: Tuple[SpendItem, ...]) -> Deduction:
    """Apply the cap."""
    cap = policy.deduction_cap
    return Deduction(spent, cap, min(spent, cap), spent > cap, items, cap_is_sample=policy.is_sample("module_fee"))


def _spend_item(policy: Policy, enrolment: Enrolment) -> Optional[SpendItem]:
    """One enrolment's payments that count, by kind; None when nothing counted was paid."""
    payments = enrolment.payments
    top_up = payments.top_up if policy.deduction_counts_top_ups else 0
    if not (payments.learning_fee or top_up or payments.credit_fee):
        return None
    counted = counted_spend(policy, payments)
    return SpendItem(enrolment.course, payments.learning_fee, top_up, payments.credit_fee, counted)
