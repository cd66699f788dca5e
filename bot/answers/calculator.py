"""The anonymous calculator: from numbers of courses (or a spend) to the deduction, the top-up or a quote, arithmetic shown."""

from __future__ import annotations

from typing import List, Tuple

from bot.answers.reply import Button, Reply, join_names
from bot.answers.upgrade import cap_description
from bot.rules import (
    calculator_spend,
    cost_of_courses,
    credits_for_courses,
    deduction_for_spend,
    fee_for,
    top_up_for_courses,
)
from bot.rules.model import Deduction
from bot.rules.money import format_money
from bot.rules.policy import Policy

_DEDUCTION_BUTTONS = (Button("How upgrading works", "/ask_upgrade"), Button("Talk to the team", "/ask_enquire"))
_QUOTE_BUTTONS = (Button("About credits", "/ask_credits"), Button("Upgrade calculator", "/calc_deduction"))


def _plural(count: int, word: str = "course") -> str:
    """ "1 course", "2 courses"."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def deduction_reply(policy: Policy, with_credits: int, learning_only: int) -> Reply:
    """What would come off the first module for these numbers of courses."""
    spent = calculator_spend(policy, learning_only=learning_only, with_credits=with_credits)
    deduction = deduction_for_spend(policy, spent)
    steps = []
    if with_credits:
        steps.append(f"{_plural(with_credits)} with credits × {format_money(policy.credit_fee)}")
    if learning_only:
        steps.append(f"{_plural(learning_only)} learning only × {format_money(policy.learning_fee)}")
    spent_text = (" + ".join(steps) + f" = {format_money(spent)} spent") if steps else "Nothing spent yet"
    return Reply(f"{spent_text}; {_deduction_tail(policy, deduction)}", _DEDUCTION_BUTTONS)


def top_up_reply(policy: Policy, learning_only: int) -> Reply:
    """The top-up to add credits to this many learning-only courses."""
    total = top_up_for_courses(policy, learning_only)
    if learning_only == 0:
        text = "With no learning-only courses there's no top-up to pay."
    else:
        text = (
            f"{_plural(learning_only)} × {format_money(policy.top_up)} top-up = {format_money(total)}. "
            f"Each then counts for {policy.credits_per_microcredential} credits once you pass its final assessment."
        )
    return Reply(text, (Button("About the top-up", "/ask_topup"), Button("How are they assessed?", "/ask_assessment")))


def spend_deduction_reply(policy: Policy, spent: int) -> Reply:
    """What would come off the first module for a total the learner says they spent."""
    deduction = deduction_for_spend(policy, spent)
    counted = " (top-up fees count too)" if policy.deduction_counts_top_ups else ""
    return Reply(f"{format_money(spent)} spent{counted}; {_deduction_tail(policy, deduction)}", _DEDUCTION_BUTTONS)


def _deduction_tail(policy: Policy, deduction: Deduction) -> str:
    """The cap and what comes off, e.g. "the deduction is capped at one 20-credit module, £1,100, so £500 ..."."""
    cap_text = f"capped at {cap_description(policy)}, {format_money(deduction.cap)}"
    if deduction.cap_is_sample:
        cap_text += " (an example figure: the team will confirm the current module fee)"
    verdict = f"so {format_money(deduction.amount)} would come off your first {policy.module_credits}-credit module"
    if deduction.capped:
        verdict += ", the most that can be deducted"
    return f"the deduction is {cap_text}, {verdict}. This is an estimate: the team confirms it when you apply."


# --- quotes: what a number of courses would cost or earn --------------------------------------------


def _cost_steps(policy: Policy, learning_only: int, with_credits: int, topped_up: int) -> Tuple[List[str], int]:
    """Each kind's multiplication, and the total in pence (from the rule module)."""
    learning_fee, credit_fee = fee_for(policy, with_credits=False), fee_for(policy, with_credits=True)
    steps = []
    if learning_only:
        steps.append(f"{learning_only} learning only × {format_money(learning_fee)}")
    if with_credits:
        steps.append(f"{with_credits} with credits × {format_money(credit_fee)}")
    if topped_up:
        steps.append(f"{topped_up} topped up × ({format_money(learning_fee)} + {format_money(policy.top_up)} top-up)")
    return steps, cost_of_courses(policy, learning_only, with_credits, topped_up)


def _credits_text(policy: Policy, credit_bearing: int, learning_only: int, kind: str = " with credits") -> str:
    """Credits earned by this many credit-bearing courses, and how that stands against a set."""
    per_course = policy.credits_per_microcredential
    text = (
        f"{_plural(credit_bearing)}{kind} × {per_course} credits = {credits_for_courses(policy, credit_bearing)} credits, "
        "once you pass each one's final assessment."
    )
    if learning_only:
        text += " Learning-only courses earn no credits unless you pay the top-up."
    if credit_bearing >= policy.set_size:
        text += (
            f" If {policy.set_size} of them are from the same set, that completes "
            f"a set: it can exempt you from a relevant {policy.exemption_credits}-credit module of the "
            f"{join_names(list(policy.eligible_programmes), 'or')}, limited to {policy.max_recognised_credits} "
            "credits drawn from one set."
        )
    elif credit_bearing:
        text += (
            f" The {policy.exemption_credits}-credit exemption needs {policy.set_size} from the same set, "
            f"so {policy.set_size - credit_bearing} more from that set would complete one."
        )
    return text


def quote_reply(
    policy: Policy, learning_only: int, with_credits: int, topped_up: int, cost: bool = True, credits: bool = False
) -> Reply:
    """What these courses would cost and/or earn in credits, the arithmetic shown."""
    parts = []
    if cost:
        steps, total = _cost_steps(policy, learning_only, with_credits, topped_up)
        parts.append(" + ".join(steps) + f" = {format_money(total)}.")
    if credits:
        parts.append(_credits_text(policy, with_credits + topped_up, learning_only))
    return Reply(" ".join(parts), _QUOTE_BUTTONS)


def either_way_reply(policy: Policy, courses: int, cost: bool = True, credits: bool = False) -> Reply:
    """A number of courses without saying which kind: both prices, and the credits if taken with credits."""
    parts = []
    if cost:
        learning, credit = fee_for(policy, with_credits=False), fee_for(policy, with_credits=True)
        parts.append(
            f"{_plural(courses)}: {courses} × {format_money(learning)} = "
            f"{format_money(cost_of_courses(policy, learning_only=courses))} for learning only, or {courses} × "
            f"{format_money(credit)} = {format_money(cost_of_courses(policy, with_credits=courses))} with credits."
        )
    if credits:
        parts.append("Taken with credits, " + _credits_text(policy, courses, 0, kind=""))
    return Reply(" ".join(parts), _QUOTE_BUTTONS)


def quote_how_to_ask(policy: Policy) -> Reply:
    """No number in a quote question: the per-course figures and how to ask for a total."""
    return Reply(
        f"Each microcredential costs {format_money(policy.learning_fee)} for learning only or "
        f"{format_money(policy.credit_fee)} with credits, and each one passed with credits counts for "
        f"{policy.credits_per_microcredential} credits. Tell me how many and I'll work it out, for example "
        "'how much would 3 with credits cost?' or 'how many credits for a whole set?'",
        (Button("What does it cost?", "/ask_cost"), Button("About credits", "/ask_credits")),
    )
