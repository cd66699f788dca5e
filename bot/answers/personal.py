"""Personal answers for a verified learner (or staff asking about one), computed by the rule module.

The sentences are in texts/personal.yaml, in English and Welsh. A `Voice` says whether the answer speaks to the
learner ("You have earned...", "Rydych chi wedi ennill...") or to staff about a named learner ("Alex has
earned...", "Mae Alex wedi ennill..."): those sentences have a `_you` and a `_staff` form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable, Sequence

from bot.answers.assessment import assessment_label
from bot.answers.catalogue import availability
from bot.answers.contact import contact_button, courses_button
from bot.answers.reply import Button, Reply, format_date, join_names
from bot.answers.texts import ENGLISH, Texts, reply_language
from bot.answers.upgrade import YOUR, cap_line, deducted_line, spend_line, total_line
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
from bot.rules.model import Course, Enrolment, Learner, NotCovered, Outcome, SetProgress
from bot.rules.money import format_money
from bot.rules.policy import Policy

T = Texts("personal")


def which_learner(language: Any = ENGLISH) -> Reply:
    """Staff asked about "the learner" without naming one."""
    return Reply(T("which_learner", language))


def not_found(is_staff: bool, language: Any = ENGLISH) -> Reply:
    """What to say when there is no matching record (staff named an unknown learner, or a learner has none)."""
    return Reply(T("no_such_learner" if is_staff else "no_own_record", language))


@dataclass(frozen=True)
class Voice:
    """Who the answer is about: the learner being spoken to (no name), or a learner named to staff."""

    name: str = ""
    learner_id: str = ""

    @classmethod
    def for_learner(cls) -> "Voice":
        """Speaking to the learner."""
        return cls()

    @classmethod
    def for_staff(cls, learner: Learner) -> "Voice":
        """Speaking to staff about a learner."""
        return cls(learner.name, learner.learner_id)

    @property
    def to_learner(self) -> bool:
        """True when the answer speaks to the learner themself."""
        return not self.name

    @property
    def person(self) -> str:
        """ "you" or "staff": the ending of the keys whose sentence depends on who is spoken to."""
        return "you" if self.to_learner else "staff"

    @property
    def possessive(self) -> str:
        """Whose, as it reads before the noun in English: "your", or "Alex's" (upgrade's deducted_line)."""
        return YOUR if self.to_learner else f"{self.name}'s"

    @property
    def prefix(self) -> str:
        """ "Alex Jones (L0003): " before every answer to staff, nothing for the learner."""
        return "" if self.to_learner else f"{self.name} ({self.learner_id}): "

    def say(self, key: str, language: Any = ENGLISH, **fields: Any) -> str:
        """The `key_you` or `key_staff` text, with the learner's name as {name}."""
        return T(f"{key}_{self.person}", language, name=self.name, **fields)

    def reply(self, text: str, buttons: Iterable[Button] = ()) -> Reply:
        """A reply with the staff prefix where needed."""
        return Reply(self.prefix + text, tuple(buttons))


def _english(language: Any) -> bool:
    return reply_language(language) == ENGLISH


def _outcome(outcome: Outcome, language: Any) -> str:
    """ "pass", "fail", "pending", "not attempted" (bot.rules' words), or their Welsh forms."""
    if _english(language):
        return reported_outcome(outcome)
    return T(f"outcome_{Outcome(outcome).value}", language)


def _open_question(note: NotCovered, language: Any, question: str, advice: str) -> str:
    """A question the page leaves open, and who to ask: in English the rules' own words, in Welsh the texts given."""
    if _english(language):
        return f"{note.question} {note.advice}"
    return f"{question} {advice}"


def _button(key: str, payload: str, language: Any) -> Button:
    return Button(T(f"button_{key}", language), payload)


def _status(policy: Policy, enrolment: Enrolment, language: Any = ENGLISH) -> str:
    """ "with credits, result: pass" or "learning only"."""
    if not is_credit_bearing(policy, enrolment):
        return T("learning_only", language)
    return T("with_credits", language, result=_outcome(enrolment.outcome, language))


def enrolments(policy: Policy, learner: Learner, voice: Voice, language: Any = ENGLISH) -> Reply:
    """What the learner is enrolled on, and each enrolment's status."""
    if not learner.enrolments:
        return voice.reply(voice.say("no_enrolments", language), (courses_button(language),))
    items = [f"{e.course.title} ({_status(policy, e, language)})" for e in learner.enrolments]
    return voice.reply(
        T("enrolments", language, items="; ".join(items)),
        (_button("credits", "/ask_credits", language), _button("exemption", "/ask_qualification", language)),
    )


def credits(policy: Policy, learner: Learner, voice: Voice, language: Any = ENGLISH) -> Reply:
    """Credits earned so far and where they come from."""
    earned = credits_earned(policy, learner.enrolments)
    courses = credited_courses(policy, learner.enrolments)
    each = policy.credits_per_microcredential
    if not earned:
        pending = [
            e.course.title for e in learner.enrolments if is_credit_bearing(policy, e) and e.outcome.value == "pending"
        ]
        parts = [voice.say("no_credits", language)]
        if pending:
            parts.append(T("results_pending", language, titles=join_names(pending, "and", language)))
        parts.append(T("credits_come_from", language, each=each))
        return voice.reply(" ".join(parts), (_button("top_up_due", "/ask_topup", language),))
    titles = join_names([course.title for course in courses], "and", language)
    return voice.reply(
        voice.say("earned", language, earned=earned, each=each, titles=titles),
        (_button("exemption", "/ask_qualification", language), _button("deduction", "/ask_upgrade", language)),
    )


def _missing_text(progress: SetProgress, today: date, language: Any = ENGLISH) -> str:
    """ "Plant Breeding 4, due for release on 1 September 2026"."""
    missing = [f"{course.title} ({availability(course, today, language)})" for course in progress.missing]
    return join_names(missing, "and", language)


def exemption(
    policy: Policy, learner: Learner, catalogue: Sequence[Course], voice: Voice, today: date, language: Any = ENGLISH
) -> Reply:
    """Progress towards the 20-credit exemption, set by set; only one set counts."""
    position = best_exemption(policy, learner.enrolments, catalogue)
    programmes = join_names(list(position.eligible_programmes), "or", language)
    if position.note is not None:
        sets_done = join_names([p.set_name for p in position.complete_sets], "and", language)
        text = voice.say("two_sets", language, sets=sets_done, credits=position.recognised_credits)
        question = voice.say("two_sets_question", language, sets=sets_done)
        note = _open_question(position.note, language, question, T("two_sets_advice", language))
        return voice.reply(f"{text} {note}", (contact_button(language),))
    if position.counted_set is not None:
        text = voice.say(
            "counted_set",
            language,
            set=position.counted_set.set_name,
            credits=position.recognised_credits,
            programmes=programmes,
        )
        return voice.reply(text, (contact_button(language),))
    if position.closest is None:
        return voice.reply(voice.say("no_passes", language, size=policy.set_size), (courses_button(language),))
    closest = position.closest
    text = voice.say(
        "closest",
        language,
        count=closest.count,
        size=policy.set_size,
        set=closest.set_name,
        missing=_missing_text(closest, today, language),
    )
    return voice.reply(text, (_button("bookable", "/ask_bookable", language),))


def deduction(
    policy: Policy, learner: Learner, catalogue: Sequence[Course], voice: Voice, language: Any = ENGLISH
) -> Reply:
    """What would come off the first module on upgrading now, with the arithmetic and the cap."""
    result = upgrade_deduction(policy, learner.enrolments)
    if not result.spent:
        return voice.reply(voice.say("nothing_paid", language))
    steps = [spend_line(item, language) for item in result.items]
    steps += [
        total_line(result, language),
        cap_line(policy, result, language),
        deducted_line(policy, result, voice.possessive, language),
    ]
    parts = ["; ".join(steps) + "."]
    if result.cap_is_sample:
        parts.append(T("sample_module_fee", language))
    if best_exemption(policy, learner.enrolments, catalogue).eligible:
        question = T("both_reliefs_question", language, credits=policy.exemption_credits)
        advice = T("not_covered_advice", language)
        parts.append(_open_question(exemption_with_deduction(policy), language, question, advice))
    return voice.reply(" ".join(parts), (_button("upgrading", "/ask_upgrade", language), contact_button(language)))


def top_up(policy: Policy, learner: Learner, voice: Voice, language: Any = ENGLISH) -> Reply:
    """The top-up still due on each learning-only enrolment."""
    due = [(e.course.title, top_up_due(policy, e)) for e in learner.enrolments if top_up_due(policy, e)]
    if not due:
        return voice.reply(voice.say("no_top_up", language))
    items = [f"{title}: {format_money(amount)}" for title, amount in due]
    return voice.reply(
        voice.say("top_up_due", language, items="; ".join(items)), (_button("top_up", "/ask_topup", language),)
    )


def registration(policy: Policy, learner: Learner, voice: Voice, today: date, language: Any = ENGLISH) -> Reply:
    """When each registration ends and whether it needs re-registering in September."""
    if not learner.enrolments:
        return voice.reply(voice.say("no_registrations", language))
    items = [_registration_item(policy, enrolment, today, language) for enrolment in learner.enrolments]
    return voice.reply("; ".join(items) + ".", (_button("reregistering", "/ask_reregistration", language),))


def _registration_item(policy: Policy, enrolment: Enrolment, today: date, language: Any = ENGLISH) -> str:
    """One enrolment's registration: when it ends, and the re-registration date if it spans September."""
    reg = reregistration(policy, enrolment.registered_on, today)
    item = T("registered_until", language, title=enrolment.course.title, date=format_date(reg.ends, language))
    if reg.expired:
        return item + " " + T("registration_ended", language)
    if reg.reregister_on is None:  # the registration does not span a new academic year
        return item
    key = "reregistration_was_due" if reg.already_past else "reregister_on"
    return item + "; " + T(key, language, date=format_date(reg.reregister_on, language))


def assessments(policy: Policy, learner: Learner, voice: Voice, language: Any = ENGLISH) -> Reply:
    """Each enrolment's final assessment, pass mark and result."""
    if not learner.enrolments:
        return voice.reply(voice.say("no_assessments", language))
    items = []
    for enrolment in learner.enrolments:
        rule = assessment_for(policy, enrolment.course)
        items.append(
            T(
                "assessment_item",
                language,
                title=enrolment.course.title,
                label=assessment_label(rule, language),
                pass_mark=rule.pass_mark,
                result=_outcome(enrolment.outcome, language),
            )
        )
    text = "; ".join(items) + ". " + T("pass_or_fail_only", language)
    return voice.reply(text, (_button("grades", "/ask_grades", language),))
