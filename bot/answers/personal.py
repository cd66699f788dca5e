"""Personal answers for a verified learner (or staff asking about one), computed by the rule module."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable, Sequence

from bot.answers.catalogue import availability
from bot.answers.reply import Button, Reply, format_date, join_names
from bot.answers.upgrade import cap_line, deducted_line, spend_line, total_line
from bot.rules import (
    assessment_for,
    best_exemption,
    credited_courses,
    credits_earned,
    exemption_with_deduction,
    is_credit_bearing,
    reported_outcome,
    reregistration,
    top_up_due,
    upgrade_deduction,
)
from bot.rules.model import Course, Enrolment, Learner, SetProgress
from bot.rules.money import format_money
from bot.rules.policy import Policy

CONTACT = Button("Contact the team", "/ask_enquire")

WHICH_LEARNER = Reply("Which learner? Give their learner id (for example L0003) or email address.")
NO_SUCH_LEARNER = Reply("I couldn't find a learner with that id or email address.")
NO_OWN_RECORD = Reply(
    "I couldn't find a learner record for your account. Please contact the team so they can check it."
)


def not_found(is_staff: bool) -> Reply:
    """What to say when there is no matching record (staff named an unknown learner, or a learner has none)."""
    return NO_SUCH_LEARNER if is_staff else NO_OWN_RECORD


@dataclass(frozen=True)
class Voice:
    """Who the answer is about: "you" for the learner, the learner's name for staff."""

    subject: str
    have: str
    need: str
    possessive: str
    prefix: str = ""

    @property
    def subject_mid(self) -> str:
        """The subject in the middle of a sentence ("you", or the learner's name)."""
        return "you" if self.subject == "You" else self.subject

    @classmethod
    def for_learner(cls) -> "Voice":
        """Speaking to the learner."""
        return cls("You", "have", "need", "your")

    @classmethod
    def for_staff(cls, learner: Learner) -> "Voice":
        """Speaking to staff about a learner."""
        return cls(learner.name, "has", "needs", f"{learner.name}'s", prefix=f"{learner.name} ({learner.learner_id}): ")

    def reply(self, text: str, buttons: Iterable[Button] = ()) -> Reply:
        """A reply with the staff prefix where needed."""
        return Reply(self.prefix + text, tuple(buttons))


def _status(policy: Policy, enrolment: Enrolment) -> str:
    """ "with credits, result: pass" or "learning only"."""
    if not is_credit_bearing(policy, enrolment):
        return "learning only"
    return f"with credits, result: {reported_outcome(enrolment.outcome)}"


def enrolments(policy: Policy, learner: Learner, voice: Voice) -> Reply:
    """What the learner is enrolled on, and each enrolment's status."""
    if not learner.enrolments:
        return voice.reply(
            f"{voice.subject} {voice.have} no microcredential enrolments yet.",
            (Button("Courses on offer", "/ask_courses"),),
        )
    items = [f"{e.course.title} ({_status(policy, e)})" for e in learner.enrolments]
    return voice.reply(
        f"Enrolments: {'; '.join(items)}.",
        (Button("Credits so far", "/ask_credits"), Button("Progress to the exemption", "/ask_qualification")),
    )


def credits(policy: Policy, learner: Learner, voice: Voice) -> Reply:
    """Credits earned so far and where they come from."""
    earned = credits_earned(policy, learner.enrolments)
    courses = credited_courses(policy, learner.enrolments)
    if not earned:
        pending = [
            e.course.title for e in learner.enrolments if is_credit_bearing(policy, e) and e.outcome.value == "pending"
        ]
        text = f"{voice.subject} {voice.have} not earned any credits yet."
        if pending:
            text += f" Results are still pending for {join_names(pending)}."
        text += f" Credits come from passing the final assessment of a course paid for with credits ({policy.credits_per_microcredential} each)."
        return voice.reply(text, (Button("Top-up due", "/ask_topup"),))
    titles = join_names([course.title for course in courses])
    return voice.reply(
        f"{voice.subject} {voice.have} earned {earned} credits: {policy.credits_per_microcredential} each for {titles}.",
        (Button("Progress to the exemption", "/ask_qualification"), Button("Upgrade deduction", "/ask_upgrade")),
    )


def _missing_text(progress: SetProgress, today: date) -> str:
    """ "Plant Breeding 4, due for release on 1 September 2026"."""
    return join_names([f"{course.title} ({availability(course, today)})" for course in progress.missing])


def exemption(policy: Policy, learner: Learner, catalogue: Sequence[Course], voice: Voice, today: date) -> Reply:
    """Progress towards the 20-credit exemption, set by set; only one set counts."""
    position = best_exemption(policy, learner.enrolments, catalogue)
    programmes = join_names(list(position.eligible_programmes), "or")
    if position.note is not None:
        sets_done = join_names([p.set_name for p in position.complete_sets])
        return voice.reply(
            f"{voice.subject} {voice.have} completed {sets_done}, but recognition is limited to {position.recognised_credits} "
            f"credits from one set. {position.note.question} {position.note.advice}",
            (CONTACT,),
        )
    if position.counted_set is not None:
        return voice.reply(
            f"{voice.subject} {voice.have} completed the {position.counted_set.set_name} set, so {position.recognised_credits} credits "
            f"can be recognised towards the {programmes}, once admitted as a postgraduate student. It's worth talking to the team first.",
            (CONTACT,),
        )
    if position.closest is None:
        return voice.reply(
            f"{voice.subject} {voice.have} not passed any courses with credits yet. The exemption needs all "
            f"{policy.set_size} courses of one set passed with credits.",
            (Button("Courses on offer", "/ask_courses"),),
        )
    closest = position.closest
    return voice.reply(
        f"{closest.count} of {policy.set_size} in {closest.set_name}: {voice.subject_mid} still {voice.need} {_missing_text(closest, today)}.",
        (Button("What can I book now?", "/ask_bookable"),),
    )


def deduction(policy: Policy, learner: Learner, catalogue: Sequence[Course], voice: Voice) -> Reply:
    """What would come off the first module on upgrading now, with the arithmetic and the cap."""
    result = upgrade_deduction(policy, learner.enrolments)
    if not result.spent:
        return voice.reply(
            f"{voice.subject} {voice.have} not paid for any microcredentials yet, so there is nothing to deduct."
        )
    steps = [spend_line(item) for item in result.items]
    steps += [total_line(result), cap_line(policy, result), deducted_line(policy, result, voice.possessive)]
    text = "; ".join(steps) + "."
    if result.cap_is_sample:
        text += " The module fee here is an example figure: the team will confirm it."
    if best_exemption(policy, learner.enrolments, catalogue).eligible:
        note = exemption_with_deduction(policy)
        text += f" {note.question} {note.advice}"
    return voice.reply(text, (Button("How upgrading works", "/ask_upgrade"), CONTACT))


def top_up(policy: Policy, learner: Learner, voice: Voice) -> Reply:
    """The top-up still due on each learning-only enrolment."""
    due = [(e.course.title, top_up_due(policy, e)) for e in learner.enrolments if top_up_due(policy, e)]
    if not due:
        return voice.reply(
            f"There's no top-up to pay: {voice.possessive} enrolments already include credits, or there are none."
        )
    items = [f"{title}: {format_money(amount)}" for title, amount in due]
    return voice.reply(
        f"Top-up to have the assignments count towards credits: {'; '.join(items)}. Pay it whenever you decide you'd like the credits.",
        (Button("About the top-up", "/ask_topup"),),
    )


def registration(policy: Policy, learner: Learner, voice: Voice, today: date) -> Reply:
    """When each registration ends and whether it needs re-registering in September."""
    if not learner.enrolments:
        return voice.reply(f"{voice.subject} {voice.have} no registrations yet.")
    items = [_registration_item(policy, enrolment, today) for enrolment in learner.enrolments]
    return voice.reply("; ".join(items) + ".", (Button("About re-registering", "/ask_reregistration"),))


def _registration_item(policy: Policy, enrolment: Enrolment, today: date) -> str:
    """One enrolment's registration: when it ends, and the re-registration date if it spans September."""
    reg = reregistration(policy, enrolment.registered_on, today)
    item = f"{enrolment.course.title}: registered until {format_date(reg.ends)}"
    if reg.expired:
        return item + " (ended)"
    if reg.reregister_on is None:  # the registration does not span a new academic year
        return item
    if not reg.already_past:
        return item + f"; re-register on {format_date(reg.reregister_on)}, when the new academic year starts"
    return (
        item
        + f"; it spans the academic year that began on {format_date(reg.reregister_on)}, so re-registration was due then"
    )


def assessments(policy: Policy, learner: Learner, voice: Voice) -> Reply:
    """Each enrolment's final assessment, pass mark and result."""
    if not learner.enrolments:
        return voice.reply(f"{voice.subject} {voice.have} no enrolments, so no assessments yet.")
    items = []
    for enrolment in learner.enrolments:
        rule = assessment_for(policy, enrolment.course)
        items.append(
            f"{enrolment.course.title}: {rule.label}, pass mark {rule.pass_mark}%, result: {reported_outcome(enrolment.outcome)}"
        )
    return voice.reply(
        "; ".join(items) + ". Results are recorded as pass or fail only.",
        (Button("Will I get a grade?", "/ask_grades"),),
    )
