"""The anonymous calculator: from numbers of courses (or a spend) to the deduction, the top-up or a quote, arithmetic shown.

The words are in texts/calculator.yaml, in English and Welsh; the arithmetic ("2 × £250 + 1 × £100 = £600") reads the
same in both.
"""

from __future__ import annotations

from typing import Any, List, Tuple

from bot.answers.reply import Button, Reply, join_names
from bot.answers.texts import ENGLISH, Texts
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

T = Texts("calculator")


def _deduction_buttons(language: Any = ENGLISH) -> Tuple[Button, ...]:
    """The rule and the team, after a deduction."""
    return (
        Button(T("button_how_upgrading_works", language), "/ask_upgrade"),
        Button(T("button_talk_to_the_team", language), "/ask_enquire"),
    )


def _quote_buttons(language: Any = ENGLISH) -> Tuple[Button, ...]:
    """Credits and the upgrade calculator, after a quote."""
    return (
        Button(T("button_about_credits", language), "/ask_credits"),
        Button(T("button_upgrade_calculator", language), "/calc_deduction"),
    )


def _plural(count: int, language: Any = ENGLISH) -> str:
    """ "1 course", "2 courses"; "1 cwrs", "2 o gyrsiau"."""
    return T("courses_one" if count == 1 else "courses_many", language, count=count)


def deduction_reply(policy: Policy, with_credits: int, learning_only: int, language: Any = ENGLISH) -> Reply:
    """What would come off the first module for these numbers of courses."""
    spent = calculator_spend(policy, learning_only=learning_only, with_credits=with_credits)
    deduction = deduction_for_spend(policy, spent)
    parts = (
        ("with_credits_times", with_credits, policy.credit_fee),
        ("learning_only_times", learning_only, policy.learning_fee),
    )
    steps = [
        T(key, language, courses=_plural(count, language), fee=format_money(fee)) for key, count, fee in parts if count
    ]
    if steps:
        spent_text = " + ".join(steps) + " = " + T("spent", language, amount=format_money(spent))
    else:
        spent_text = T("nothing_spent", language)
    return Reply(f"{spent_text}; {_deduction_tail(policy, deduction, language)}", _deduction_buttons(language))


def top_up_reply(policy: Policy, learning_only: int, language: Any = ENGLISH) -> Reply:
    """The top-up to add credits to this many learning-only courses."""
    total = top_up_for_courses(policy, learning_only)
    if learning_only == 0:
        text = T("no_top_up", language)
    else:
        text = T(
            "top_up",
            language,
            courses=_plural(learning_only, language),
            fee=format_money(policy.top_up),
            total=format_money(total),
            credits=policy.credits_per_microcredential,
        )
    buttons = (
        Button(T("button_about_the_top_up", language), "/ask_topup"),
        Button(T("button_how_assessed", language), "/ask_assessment"),
    )
    return Reply(text, buttons)


def spend_deduction_reply(policy: Policy, spent: int, language: Any = ENGLISH) -> Reply:
    """What would come off the first module for a total the learner says they spent."""
    deduction = deduction_for_spend(policy, spent)
    text = T("spent", language, amount=format_money(spent))
    if policy.deduction_counts_top_ups:
        text += f" {T('top_ups_count_too', language)}"
    return Reply(f"{text}; {_deduction_tail(policy, deduction, language)}", _deduction_buttons(language))


def _deduction_tail(policy: Policy, deduction: Deduction, language: Any = ENGLISH) -> str:
    """The cap and what comes off, e.g. "the deduction is capped at one 20-credit module, £1,100, so £500 ..."."""
    return T(
        "deduction_tail",
        language,
        description=cap_description(policy, language),
        cap=format_money(deduction.cap),
        sample=f" {T('sample_module_fee', language)}" if deduction.cap_is_sample else "",
        amount=format_money(deduction.amount),
        credits=policy.module_credits,
        most=f", {T('the_most_deducted', language)}" if deduction.capped else "",
    )


# --- quotes: what a number of courses would cost or earn --------------------------------------------


def _cost_steps(
    policy: Policy, learning_only: int, with_credits: int, topped_up: int, language: Any = ENGLISH
) -> Tuple[List[str], int]:
    """Each kind's multiplication, and the total in pence (from the rule module)."""
    learning_fee, credit_fee = fee_for(policy, with_credits=False), fee_for(policy, with_credits=True)
    steps = []
    if learning_only:
        steps.append(T("learning_only_times", language, courses=learning_only, fee=format_money(learning_fee)))
    if with_credits:
        steps.append(T("with_credits_times", language, courses=with_credits, fee=format_money(credit_fee)))
    if topped_up:
        steps.append(
            T(
                "topped_up_times",
                language,
                courses=topped_up,
                learning=format_money(learning_fee),
                top_up=format_money(policy.top_up),
            )
        )
    return steps, cost_of_courses(policy, learning_only, with_credits, topped_up)


def _credits_text(
    policy: Policy, credit_bearing: int, learning_only: int, name_the_kind: bool = True, language: Any = ENGLISH
) -> str:
    """Credits earned by this many credit-bearing courses, and how that stands against a set."""
    text = T(
        "credits_sum_with_credits" if name_the_kind else "credits_sum",
        language,
        courses=_plural(credit_bearing, language),
        per_course=policy.credits_per_microcredential,
        total=credits_for_courses(policy, credit_bearing),
    )
    if learning_only:
        text += f" {T('learning_only_earns_none', language)}"
    if credit_bearing >= policy.set_size:
        complete = T(
            "set_complete",
            language,
            set_size=policy.set_size,
            exemption_credits=policy.exemption_credits,
            programmes=join_names(list(policy.eligible_programmes), "or", language),
            max_credits=policy.max_recognised_credits,
        )
        text += f" {complete}"
    elif credit_bearing:
        more = T(
            "set_needs_more",
            language,
            exemption_credits=policy.exemption_credits,
            set_size=policy.set_size,
            more=policy.set_size - credit_bearing,
        )
        text += f" {more}"
    return text


def quote_reply(
    policy: Policy,
    learning_only: int,
    with_credits: int,
    topped_up: int,
    cost: bool = True,
    credits: bool = False,
    language: Any = ENGLISH,
) -> Reply:
    """What these courses would cost and/or earn in credits, the arithmetic shown."""
    parts = []
    if cost:
        steps, total = _cost_steps(policy, learning_only, with_credits, topped_up, language)
        parts.append(" + ".join(steps) + f" = {format_money(total)}.")
    if credits:
        parts.append(_credits_text(policy, with_credits + topped_up, learning_only, language=language))
    return Reply(" ".join(parts), _quote_buttons(language))


def either_way_reply(
    policy: Policy, courses: int, cost: bool = True, credits: bool = False, language: Any = ENGLISH
) -> Reply:
    """A number of courses without saying which kind: both prices, and the credits if taken with credits."""
    parts = []
    if cost:
        learning, credit = fee_for(policy, with_credits=False), fee_for(policy, with_credits=True)
        parts.append(
            T(
                "either_way",
                language,
                courses=_plural(courses, language),
                count=courses,
                learning=format_money(learning),
                learning_total=format_money(cost_of_courses(policy, learning_only=courses)),
                credit=format_money(credit),
                credit_total=format_money(cost_of_courses(policy, with_credits=courses)),
            )
        )
    if credits:
        text = _credits_text(policy, courses, 0, name_the_kind=False, language=language)
        parts.append(T("taken_with_credits", language, text=text))
    return Reply(" ".join(parts), _quote_buttons(language))


def quote_how_to_ask(policy: Policy, language: Any = ENGLISH) -> Reply:
    """No number in a quote question: the per-course figures and how to ask for a total."""
    text = T(
        "how_to_ask",
        language,
        learning=format_money(policy.learning_fee),
        credit=format_money(policy.credit_fee),
        credits=policy.credits_per_microcredential,
    )
    buttons = (
        Button(T("button_what_does_it_cost", language), "/ask_cost"),
        Button(T("button_about_credits", language), "/ask_credits"),
    )
    return Reply(text, buttons)
