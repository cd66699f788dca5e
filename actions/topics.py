"""Which answerer answers which intent: the one table behind several questions in a message and follow-ups."""

from __future__ import annotations

from typing import Dict

from actions.answering import Answerer
from actions.catalogue import (
    answer_bookable,
    answer_course_info,
    answer_courses,
    answer_pass_mark,
    answer_release_date,
)
from actions.contact import answer_downloads
from actions.faq import FAQ_PREFIX, FAQ_TOPICS, answer_faq
from actions.not_covered import answer_not_covered

ANSWERERS: Dict[str, Answerer] = {
    **{FAQ_PREFIX + topic: answer_faq for topic in sorted(FAQ_TOPICS)},
    "ask_pass_mark": answer_pass_mark,
    "ask_courses": answer_courses,
    "ask_bookable": answer_bookable,
    "ask_release_date": answer_release_date,
    "ask_course_info": answer_course_info,
    "ask_downloads": answer_downloads,
    "ask_not_covered": answer_not_covered,
}


def answers(intent: str) -> bool:
    """Whether an intent is a question the assistant answers from the page or the catalogue."""
    return intent in ANSWERERS


def answerer_for(intent: str) -> Answerer:
    """The answerer of an intent (KeyError for one that is not a question: check with `answers` first)."""
    return ANSWERERS[intent]
