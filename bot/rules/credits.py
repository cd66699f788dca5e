"""Credits earned, and progress towards the exemption a complete set of microcredentials gives."""

from __future__ import annotations

from typing import Dict, Iterable, Mapping, Sequence, Tuple

from bot.rules.fees import is_credit_bearing
from bot.rules.model import Course, Enrolment, ExemptionPosition, NotCovered, Outcome, SetProgress
from bot.rules.policy import Policy


def counts_for_credit(policy: Policy, enrolment: Enrolment) -> bool:
    """True when the final assessment is passed and the credit fee is fully paid.

    Page: "To have your 5-credits acknowledged by the University, you will need to pay a £150
    top-up fee."
    """
    return enrolment.outcome == Outcome.PASS and is_credit_bearing(policy, enrolment)


def credited_courses(policy: Policy, enrolments: Iterable[Enrolment]) -> Tuple[Course, ...]:
    """The distinct courses passed with the credit fee paid, in set and position order.

    Page: "To have your 5-credits acknowledged by the University, you will need to pay a £150
    top-up fee."
    """
    credited = {e.course.code: e.course for e in enrolments if counts_for_credit(policy, e)}
    return tuple(sorted(credited.values(), key=_course_order))


def credits_earned(policy: Policy, enrolments: Iterable[Enrolment]) -> int:
    """Credits acknowledged: a fixed number per distinct course passed with the credit fee paid.

    Page: "To have your 5-credits acknowledged by the University, you will need to pay a £150
    top-up fee."
    """
    return credits_for_courses(policy, len(credited_courses(policy, enrolments)))


def credits_for_courses(policy: Policy, credit_bearing: int) -> int:
    """Credits that this many distinct microcredentials would earn, each passed with the credit fee paid.

    Page: "To have your 5-credits acknowledged by the University, you will need to pay a £150
    top-up fee."
    """
    if credit_bearing < 0:
        raise ValueError(f"the number of courses cannot be negative (got {credit_bearing})")
    return policy.credits_per_microcredential * credit_bearing


def exemption_progress(
    policy: Policy, enrolments: Iterable[Enrolment], catalogue: Sequence[Course]
) -> Tuple[SetProgress, ...]:
    """Progress towards completing each set, catalogue sets first, in catalogue order.

    Page: "if you intend to use them towards an IBERS Distance Learning qualification, you must
    successfully complete four courses from the same set (e.g., Plant Breeding 1, 2, 3, and 4)."
    """
    credited = credited_courses(policy, enrolments)
    names = _set_names((*catalogue, *credited))
    return tuple(_set_progress(policy, code, name, credited, catalogue) for code, name in names.items())


def best_exemption(policy: Policy, enrolments: Iterable[Enrolment], catalogue: Sequence[Course]) -> ExemptionPosition:
    """The learner's position towards the exemption: credits from one complete set at most.

    Page: "the recognition of microcredential learning towards these awards is limited to a
    maximum of 20 credits and only on the specified schemes outlined (above), which must be
    drawn from one set of microcredentials."
    """
    progress = exemption_progress(policy, enrolments, catalogue)
    complete = tuple(p for p in progress if p.eligible)
    closest = max(progress, key=lambda p: p.count, default=None)
    return ExemptionPosition(
        eligible=bool(complete),
        recognised_credits=min(policy.exemption_credits, policy.max_recognised_credits) if complete else 0,
        counted_set=complete[0] if len(complete) == 1 else None,
        complete_sets=complete,
        closest=closest if closest is not None and closest.count else None,
        progress=progress,
        eligible_programmes=policy.eligible_programmes,
        note=_which_set(policy, complete) if len(complete) > 1 else None,
    )


def _which_set(policy: Policy, complete: Sequence[SetProgress]) -> NotCovered:
    """Two or more complete sets: the page does not say which one is recognised."""
    names = " and ".join(p.set_name for p in complete)
    return NotCovered(
        question=f"You have completed more than one set ({names}): which set's credits are recognised?",
        reason=(
            f"The page limits recognition to {policy.max_recognised_credits} credits drawn from one set, "
            "applied for as a specific set once you meet the admissions requirements and the relevant "
            "academic department approves; it does not say which set is chosen."
        ),
        advice="The choice of set is for the admissions process and the academic department: "
        "please ask the enquiry team.",
    )


def _set_progress(
    policy: Policy, set_code: str, set_name: str, credited: Sequence[Course], catalogue: Sequence[Course]
) -> SetProgress:
    """Progress on one set: what is passed, what is still missing from the catalogue."""
    passed = tuple(c for c in credited if c.set_code == set_code)
    done = {c.code for c in passed}
    missing = tuple(sorted((c for c in catalogue if c.set_code == set_code and c.code not in done), key=_course_order))
    return SetProgress(
        set_code=set_code,
        set_name=set_name,
        passed=passed,
        count=len(passed),
        needed=max(0, policy.set_size - len(passed)),
        missing=missing,
        eligible=len(passed) >= policy.set_size,
    )


def _set_names(courses: Iterable[Course]) -> Mapping[str, str]:
    """Set code to set name, in order of first appearance."""
    names: Dict[str, str] = {}
    for course in courses:
        names.setdefault(course.set_code, course.set_name)
    return names


def _course_order(course: Course) -> Tuple[str, int, str]:
    """Sort key: set, then position in the set."""
    return (course.set_code, course.position, course.code)
