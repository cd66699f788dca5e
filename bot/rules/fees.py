"""What a microcredential costs, and when an enrolment counts as credit-bearing."""

from __future__ import annotations

from bot.rules.model import Enrolment, NotCovered
from bot.rules.policy import Policy


def fee_for(policy: Policy, with_credits: bool) -> int:
    """The fee in pence for one microcredential, with or without university credits.

    Page: "£100 for learning purposes only" / "£250 to obtain university credits"
    """
    return policy.credit_fee if with_credits else policy.learning_fee


def is_credit_bearing(policy: Policy, enrolment: Enrolment) -> bool:
    """True once the credit fee is fully paid, up front or as the learning fee plus the top-up.

    Page: "£250 to obtain university credits – you can pay this as a £150 top-up fee when you
    decide that you’d like your assignments to count towards credits"
    """
    return enrolment.payments.total >= policy.credit_fee


def top_up_due(policy: Policy, enrolment: Enrolment) -> int:
    """Pence still to pay for the enrolment to count towards credits (0 once credit-bearing).

    Page: "To have your 5-credits acknowledged by the University, you will need to pay a £150
    top-up fee."
    """
    return max(0, policy.credit_fee - enrolment.payments.total)


def top_up_for_courses(policy: Policy, courses: int) -> int:
    """The top-up in pence to convert this many learning-only microcredentials to credits.

    Page: "you can pay this as a £150 top-up fee when you decide that you’d like your
    assignments to count towards credits"
    """
    if courses < 0:
        raise ValueError(f"the number of courses cannot be negative (got {courses})")
    return courses * policy.top_up


def cost_of_courses(policy: Policy, learning_only: int = 0, with_credits: int = 0, topped_up: int = 0) -> int:
    """What this many microcredentials of each kind cost in pence; `topped_up` ones pay the learning fee and the top-up.

    Page: "£100 for learning purposes only" / "£250 to obtain university credits – you can pay this as a £150
    top-up fee when you decide that you’d like your assignments to count towards credits"
    """
    counts = {"learning_only": learning_only, "with_credits": with_credits, "topped_up": topped_up}
    for name, count in counts.items():
        if count < 0:
            raise ValueError(f"{name} cannot be negative (got {count})")
    return (
        learning_only * fee_for(policy, with_credits=False)
        + with_credits * fee_for(policy, with_credits=True)
        + topped_up * fee_for(policy, with_credits=False)
        + top_up_for_courses(policy, topped_up)
    )


def top_up_deadline() -> NotCovered:
    """The page gives no deadline for the top-up: refer the question.

    Page: "you can pay this as a £150 top-up fee when you decide that you’d like your
    assignments to count towards credits"
    """
    return NotCovered(
        question="Is there a deadline for paying the top-up fee?",
        reason="The page says the top-up can be paid when you decide you would like your "
        "assignments to count towards credits, but gives no deadline.",
    )
