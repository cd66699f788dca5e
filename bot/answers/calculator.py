"""The anonymous calculator: from numbers of courses to the upgrade deduction or the top-up, arithmetic shown."""

from __future__ import annotations

from bot.answers.reply import Button, Reply
from bot.answers.upgrade import cap_description
from bot.rules import calculator_spend, deduction_for_spend, top_up_for_courses
from bot.rules.money import format_money
from bot.rules.policy import Policy


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
    cap_text = f"capped at {cap_description(policy)}, {format_money(deduction.cap)}"
    if deduction.cap_is_sample:
        cap_text += " (an example figure: the team will confirm the current module fee)"
    verdict = f"so {format_money(deduction.amount)} would come off your first {policy.module_credits}-credit module"
    if deduction.capped:
        verdict += ", the most that can be deducted"
    return Reply(
        f"{spent_text}; the deduction is {cap_text}, {verdict}. This is an estimate: the team confirms it when you apply.",
        (Button("How upgrading works", "/ask_upgrade"), Button("Talk to the team", "/ask_enquire")),
    )


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
