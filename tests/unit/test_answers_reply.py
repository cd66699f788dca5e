"""A reply is text plus optional buttons; dates are British long dates; names are joined in plain English."""

from __future__ import annotations

from datetime import date

import pytest

from bot.answers.reply import Button, Reply, format_date, join_names


def test_a_reply_without_buttons_is_just_text():
    assert Reply("Hello").as_message() == {"text": "Hello"}


def test_buttons_become_title_and_payload_dicts_in_order():
    reply = Reply("Pick one", (Button("Cost", "/ask_cost"), Button("Courses", "/ask_courses")))
    assert reply.as_message() == {
        "text": "Pick one",
        "buttons": [{"title": "Cost", "payload": "/ask_cost"}, {"title": "Courses", "payload": "/ask_courses"}],
    }


@pytest.mark.parametrize(
    "day, text",
    [
        (date(2025, 1, 3), "3 January 2025"),
        (date(2026, 9, 1), "1 September 2026"),
        (date(2027, 12, 31), "31 December 2027"),
    ],
)
def test_dates_are_british_long_dates_without_a_leading_zero(day, text):
    assert format_date(day) == text


@pytest.mark.parametrize(
    "names, text", [([], ""), (["A"], "A"), (["A", "B"], "A and B"), (["A", "B", "C"], "A, B and C")]
)
def test_names_are_joined_with_commas_and_a_final_and(names, text):
    assert join_names(names) == text
