"""How long do they take? — registration, completion and re-registration in September."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from bot.rules import academic_year_of, registration_end, reregistration

# "When you sign up for a microcredential we will register you for a year"


@pytest.mark.parametrize(
    ("registered_on", "ends"),
    [
        (date(2025, 3, 10), date(2026, 3, 9)),
        (date(2025, 1, 1), date(2025, 12, 31)),
        (date(2024, 2, 29), date(2025, 2, 28)),  # leap day: the anniversary is 1 March
        (date(2023, 3, 1), date(2024, 2, 29)),
    ],
)
def test_registration_lasts_one_year(policy, registered_on, ends):
    assert registration_end(policy, registered_on) == ends


def test_registration_of_a_month_ending_day_rolls_to_the_next_month(policy):
    one_month = replace(policy, registration_months=1)
    assert registration_end(one_month, date(2025, 1, 31)) == date(2025, 2, 28)
    assert registration_end(one_month, date(2025, 12, 31)) == date(2026, 1, 30)


# "however each microcredential can be completed in 8-weeks."


# "Please note: If your registration spans an academic year, you will need to re-register in September."


def test_registration_spanning_september_needs_reregistration(policy):
    answer = reregistration(policy, date(2025, 3, 10), today=date(2025, 4, 1))
    assert answer.needed
    assert answer.reregister_on == date(2025, policy.academic_year_start_month, 1)
    assert answer.ends == date(2026, 3, 9)
    assert not answer.already_past and not answer.expired


def test_registration_starting_on_1_september_lies_within_one_academic_year(policy):
    answer = reregistration(policy, date(2025, policy.academic_year_start_month, 1), today=date(2025, 9, 1))
    assert not answer.needed
    assert answer.reregister_on is None
    assert not answer.already_past


def test_registration_starting_on_31_august_needs_reregistration_next_day(policy):
    answer = reregistration(policy, date(2025, 8, 31), today=date(2025, 8, 31))
    assert answer.reregister_on == date(2025, 9, 1)


def test_reregistration_date_already_past(policy):
    answer = reregistration(policy, date(2025, 3, 10), today=date(2025, 10, 1))
    assert answer.needed and answer.already_past and not answer.expired


def test_reregistration_on_the_day_is_not_past(policy):
    answer = reregistration(policy, date(2025, 3, 10), today=date(2025, 9, 1))
    assert not answer.already_past


def test_registration_over_is_expired(policy):
    answer = reregistration(policy, date(2024, 3, 10), today=date(2025, 3, 10))
    assert answer.expired


def test_academic_year_starts_in_september(policy):
    assert academic_year_of(policy, date(2025, 8, 31)) == 2024
    assert academic_year_of(policy, date(2025, 9, 1)) == 2025
