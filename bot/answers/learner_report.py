"""The staff report on one learner (`python -m bot show-learner`): record, credits, exemption, deduction, registration.

Plain text lines for a terminal, computed by the rule module; the deduction's arithmetic is worded by
bot.answers.upgrade, the same lines the assistant gives in the chat.
"""

from __future__ import annotations

from datetime import date
from typing import List, Sequence

from bot.answers.upgrade import deduction_lines
from bot.rules import (
    best_exemption,
    counts_for_credit,
    credits_earned,
    exemption_progress,
    exemption_with_deduction,
    is_credit_bearing,
    reported_outcome,
    reregistration,
    top_up_due,
    upgrade_deduction,
)
from bot.rules.model import Course, Enrolment, ExemptionPosition, Learner, SetProgress
from bot.rules.money import format_money
from bot.rules.policy import Policy

_NO_CREDIT_YET = {"none": "not yet assessed", "pending": "result pending", "fail": "failed: no credits"}


def describe_learner(learner: Learner, catalogue: Sequence[Course], policy: Policy, today: date) -> List[str]:
    """The full text of show-learner: record, credits, exemption, deduction and registration."""
    return [
        learner_heading(learner),
        "",
        *_enrolment_lines(learner.enrolments, policy),
        "",
        f"Credits earned: {credits_earned(policy, learner.enrolments)}",
        "",
        *_exemption_lines(learner.enrolments, catalogue, policy),
        "",
        *_deduction_lines(learner.enrolments, catalogue, policy),
        "",
        *_registration_lines(learner.enrolments, policy, today),
    ]


def learner_heading(learner: Learner) -> str:
    """ "Learner L0006: Jane Doe <jane@example.org>"."""
    return f"Learner {learner.learner_id}: {learner.name} <{learner.email}>"


def learner_summary(learner: Learner, policy: Policy) -> str:
    """One line of list-learners: id, name, email, how many enrolments and the credits earned."""
    credits = credits_earned(policy, learner.enrolments)
    return (
        f"{learner.learner_id}  {learner.name} <{learner.email}>  "
        f"{len(learner.enrolments)} enrolment(s), {credits} credits"
    )


def _enrolment_lines(enrolments: Sequence[Enrolment], policy: Policy) -> List[str]:
    """One line per enrolment: course, date, what was paid, outcome, credit status."""
    if not enrolments:
        return ["Enrolments: none"]
    lines = [f"Enrolments ({len(enrolments)}):"]
    for enrolment in enrolments:
        course = enrolment.course
        lines.append(
            f"  {course.code} {course.title}: registered {enrolment.registered_on.isoformat()}; "
            f"paid {_paid_text(enrolment)}; outcome {reported_outcome(enrolment.outcome)}; "
            f"{_credit_status(enrolment, policy)}"
        )
    return lines


def _paid_text(enrolment: Enrolment) -> str:
    """What was paid, by kind: "<fee> learning fee + <fee> top-up = <total>", amounts from the record.

    Unlike bot.answers.upgrade.spend_line (what counts towards the deduction) this is everything paid.
    """
    payments = enrolment.payments
    parts = [
        f"{format_money(amount)} {label}"
        for amount, label in (
            (payments.learning_fee, "learning fee"),
            (payments.top_up, "top-up"),
            (payments.credit_fee, "credit fee"),
        )
        if amount
    ]
    if not parts:
        return "nothing"
    return " + ".join(parts) + (f" = {format_money(payments.total)}" if len(parts) > 1 else "")


def _credit_status(enrolment: Enrolment, policy: Policy) -> str:
    """Whether the enrolment earns credits, and what is missing if not."""
    if counts_for_credit(policy, enrolment):
        return f"{policy.credits_per_microcredential} credits"
    if not is_credit_bearing(policy, enrolment):
        return f"learning only (top-up {format_money(top_up_due(policy, enrolment))} for credits)"
    return f"credit-bearing, {_NO_CREDIT_YET.get(enrolment.outcome.value, 'no credits yet')}"


def _exemption_lines(enrolments: Sequence[Enrolment], catalogue: Sequence[Course], policy: Policy) -> List[str]:
    """Progress per set and the best exemption position."""
    progress = exemption_progress(policy, enrolments, catalogue)
    lines = [f"Exemption progress ({policy.set_size} courses of one set, passed with credits):"]
    lines.extend(f"  {_set_line(item)}" for item in progress)
    lines.extend(_best_exemption_lines(best_exemption(policy, enrolments, catalogue)))
    return lines


def _set_line(progress: SetProgress) -> str:
    """One set's progress, e.g. "Plant Breeding (PB): 3 of 4, 1 more needed (PB4)"."""
    total = progress.count + progress.needed
    head = f"{progress.set_name} ({progress.set_code}): {progress.count} of {total}"
    if progress.eligible:
        return f"{head}, complete"
    still = ", ".join(course.code for course in progress.missing) or "courses not yet in the catalogue"
    return f"{head}, {progress.needed} more needed ({still})"


def _best_exemption_lines(position: ExemptionPosition) -> List[str]:
    """The best exemption position, with any case the page does not decide."""
    programmes = " or ".join(position.eligible_programmes)
    if position.eligible:
        sets_text = " and ".join(p.set_name for p in position.complete_sets)
        lines = [f"Best exemption: eligible: {position.recognised_credits} credits from {sets_text}, on {programmes}"]
    elif position.closest is not None:
        closest = position.closest
        lines = [f"Best exemption: not yet; closest is {closest.set_name} with {closest.needed} more needed"]
    else:
        lines = ["Best exemption: not yet; no course passed with credits"]
    if position.note is not None:
        lines.append(f"  Not covered: {position.note.question} {position.note.advice}")
    return lines


def _deduction_lines(enrolments: Sequence[Enrolment], catalogue: Sequence[Course], policy: Policy) -> List[str]:
    """The upgrade deduction with its arithmetic, flagging SAMPLE values and undecided combinations."""
    deduction = upgrade_deduction(policy, enrolments)
    lines = ["Upgrade deduction (if upgrading to a full programme now):"]
    lines.extend(f"  {line}" for line in deduction_lines(policy, deduction))
    if deduction.cap_is_sample:
        lines.append("  Note: the module fee used for the cap is a SAMPLE value in bot/policy.yaml")
    if deduction.amount and best_exemption(policy, enrolments, catalogue).eligible:
        lines.append(f"  Not covered: {exemption_with_deduction(policy).question}")
    return lines


def _registration_lines(enrolments: Sequence[Enrolment], policy: Policy, today: date) -> List[str]:
    """Registration end and re-registration for each enrolment, as of today."""
    lines = [f"Registration (as of {today.isoformat()}):"]
    if not enrolments:
        return lines + ["  no registrations"]
    for enrolment in enrolments:
        lines.append(f"  {enrolment.course.code}: {_reregistration_text(policy, enrolment, today)}")
    return lines


def _reregistration_text(policy: Policy, enrolment: Enrolment, today: date) -> str:
    """One registration: its end, and when re-registration falls."""
    position = reregistration(policy, enrolment.registered_on, today)
    text = f"registered {position.registered_on.isoformat()}, ends {position.ends.isoformat()}"
    if position.expired:
        text += " (ended)"
    if position.needed and position.reregister_on is not None:
        when = "was due" if position.already_past else "due"
        text += f"; spans an academic year: re-registration {when} {position.reregister_on.isoformat()}"
    else:
        text += "; within one academic year: no re-registration"
    return text
