"""One kind of final assessment: its name, its pass mark and the courses assessed that way (texts/assessment.yaml)."""

from __future__ import annotations

from typing import Any, Sequence

from bot.answers.contact import courses_button
from bot.answers.reply import Button, Reply, join_names
from bot.answers.texts import ENGLISH, Texts, reply_language
from bot.rules.assessment import assessment_rule
from bot.rules.model import AssessmentType, Course
from bot.rules.policy import AssessmentRule, Policy

T = Texts("assessment")


def assessment_label(rule: AssessmentRule, language: Any = ENGLISH) -> str:
    """The kind of assessment as the reply names it: the policy's label ("1500-word report") or its Welsh form.

    The Welsh form is kind_<kind> of texts/assessment.yaml, with the policy's word count.
    """
    if reply_language(language) == ENGLISH:
        return rule.label
    return T(f"kind_{rule.kind.value}", language, words=rule.words)


def grades_button(language: Any = ENGLISH) -> Button:
    """The button that asks whether results come with a grade."""
    return Button(T("button_grades", language), "/ask_grades")


def kind_pass_mark(kind: AssessmentType, courses: Sequence[Course], policy: Policy, language: Any = ENGLISH) -> Reply:
    """ "The data set analysis needs a pass mark of 50%; courses assessed that way: ..." """
    rule = assessment_rule(policy, kind)
    parts = [T("kind_pass_mark", language, label=assessment_label(rule, language), pass_mark=rule.pass_mark)]
    titles = [course.title for course in courses if course.assessment == kind]
    if titles:
        parts.append(T("assessed_this_way", language, titles=join_names(titles, "and", language)))
    return Reply(" ".join(parts), (grades_button(language), courses_button(language)))
