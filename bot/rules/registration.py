"""Registration periods, completion time and re-registration at the start of an academic year."""

from __future__ import annotations

from datetime import date, timedelta

from bot.rules.model import ReRegistration
from bot.rules.policy import Policy


def registration_end(policy: Policy, registered_on: date) -> date:
    """The last day of a registration (the day before its anniversary; 29 Feb rolls to 1 Mar).

    Page: "When you sign up for a microcredential we will register you for a year"
    """
    return _add_months(registered_on, policy.registration_months) - timedelta(days=1)


def reregistration(policy: Policy, registered_on: date, today: date) -> ReRegistration:
    """Whether a registration spans an academic year, and so when to re-register.

    Page: "Please note: If your registration spans an academic year, you will need to re-register
    in September."
    """
    ends = registration_end(policy, registered_on)
    next_start = _next_academic_year_start(policy, registered_on)
    reregister_on = next_start if next_start <= ends else None
    return ReRegistration(
        registered_on=registered_on,
        ends=ends,
        needed=reregister_on is not None,
        reregister_on=reregister_on,
        already_past=reregister_on is not None and reregister_on < today,
        expired=ends < today,
    )


def academic_year_of(policy: Policy, day: date) -> int:
    """The calendar year in which the academic year containing `day` starts.

    Page: "If your registration spans an academic year, you will need to re-register in September."
    """
    return day.year if day.month >= policy.academic_year_start_month else day.year - 1


def _next_academic_year_start(policy: Policy, after: date) -> date:
    """The first start of an academic year strictly after a date."""
    return date(academic_year_of(policy, after) + 1, policy.academic_year_start_month, 1)


def _add_months(start: date, months: int) -> date:
    """The same day some months later; a day the month lacks rolls to the 1st of the next month."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    try:
        return start.replace(year=year, month=month)
    except ValueError:
        return date(year + month // 12, month % 12 + 1, 1)
