"""One kind of final assessment: its pass mark and the courses assessed that way."""

from __future__ import annotations

from typing import Sequence

from bot.answers.reply import Button, Reply, join_names
from bot.rules.assessment import assessment_rule
from bot.rules.model import AssessmentType, Course
from bot.rules.policy import Policy


def kind_pass_mark(kind: AssessmentType, courses: Sequence[Course], policy: Policy) -> Reply:
    """ "The data set analysis needs a pass mark of 50%; courses assessed that way: ..." """
    rule = assessment_rule(policy, kind)
    titles = [course.title for course in courses if course.assessment == kind]
    which = f" Courses assessed this way: {join_names(titles)}." if titles else ""
    return Reply(
        f"The {rule.label} needs a pass mark of {rule.pass_mark}%, and the result is recorded as pass or fail.{which}",
        (Button("Will I get a grade?", "/ask_grades"), Button("Courses on offer", "/ask_courses")),
    )
