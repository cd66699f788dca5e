"""The enquiry team's inbox in the chat: only a verified staff token opens it, re-checked every turn."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from actions.staff import ActionStaffEnquiries, ActionStaffEnquiry, ActionStaffMarkHandled
from bot.answers import enquiries as answers
from bot.store import EnquiryStatus

STAFF_ACTIONS = [ActionStaffEnquiries, ActionStaffEnquiry, ActionStaffMarkHandled]
START = datetime(2026, 7, 1, 9, 30, tzinfo=timezone.utc)


def add(records, number: int, **fields) -> int:
    values = {
        "name": f"Visitor {number}",
        "email": f"visitor{number}@example.org",
        "question": f"Question number {number} about microcredentials",
        "consent": True,
        "now": START + timedelta(hours=number),
    }
    values.update(fields)
    return records.add_enquiry(**values)


@pytest.mark.parametrize("action_class", STAFF_ACTIONS, ids=lambda cls: cls().name())
async def test_anonymous_visitor_cannot_use_staff_inbox(action_class, ask, records):
    enquiry_id = add(records, 1)
    turn = await ask(action_class(), "staff_show_enquiries", auth=None, text=f"mark enquiry {enquiry_id} handled")
    assert turn.text == answers.STAFF_ONLY.text
    assert records.enquiry(enquiry_id).status is EnquiryStatus.NEW


@pytest.mark.parametrize("action_class", STAFF_ACTIONS, ids=lambda cls: cls().name())
async def test_learner_token_cannot_use_staff_inbox(action_class, ask, records):
    enquiry_id = add(records, 1)
    turn = await ask(
        action_class(),
        "staff_show_enquiries",
        auth={"sub": "L0006", "role": "learner"},
        text=f"mark enquiry {enquiry_id} handled",
    )
    assert turn.text == answers.STAFF_ONLY.text
    assert "Visitor 1" not in turn.text
    assert records.enquiry(enquiry_id).status is EnquiryStatus.NEW


@pytest.mark.parametrize("text", ["hw much r they", "cn i c my stuff", "show me wot u got", "list them"])
@pytest.mark.parametrize("action_class", STAFF_ACTIONS, ids=lambda cls: cls().name())
async def test_a_learners_question_misread_as_a_staff_request_is_never_refused_as_staff_only(action_class, text, ask):
    turn = await ask(action_class(), "staff_show_enquiries", auth=None, text=text)
    assert turn.text != answers.STAFF_ONLY.text
    assert "Sorry, I'm not sure I understood" in turn.text


@pytest.mark.parametrize(
    "auth",
    [
        {"sub": "S0001", "role": "staff", "sealed_for": "conv-elsewhere"},
        {"sub": "S0001", "role": "staff", "ttl_seconds": -5},
        {"sub": "L0006", "role": "learner", "tamper": {"role": "staff"}},
    ],
    ids=["other_conversation", "expired", "learner_promoted_after_sealing"],
)
async def test_staff_claims_that_do_not_verify_cannot_use_staff_inbox(auth, ask, records):
    add(records, 1)
    turn = await ask(ActionStaffEnquiries(), "staff_show_enquiries", auth=auth)
    assert turn.text == answers.STAFF_ONLY.text


async def test_staff_sees_new_enquiries_newest_first(ask, records):
    first, second = add(records, 1), add(records, 2)
    turn = await ask(ActionStaffEnquiries(), "staff_show_enquiries")
    assert turn.text.startswith("New enquiries:")
    assert turn.text.index(f"#{second} ") < turn.text.index(f"#{first} ")
    assert "Visitor 2: Question number 2" in turn.text
    assert turn.buttons[0] == {"title": f"Show #{second}", "payload": f"show enquiry {second}"}


async def test_staff_inbox_says_when_there_is_nothing_new(ask, records):
    turn = await ask(ActionStaffEnquiries(), "staff_show_enquiries")
    assert turn.text == "There are no new enquiries."


async def test_handled_enquiries_leave_the_inbox(ask, records):
    handled, waiting = add(records, 1), add(records, 2)
    records.mark_enquiry_handled(handled, "S0002")
    turn = await ask(ActionStaffEnquiries(), "staff_show_enquiries")
    assert f"#{waiting} " in turn.text
    assert f"#{handled} " not in turn.text


async def test_staff_opens_an_enquiry_by_number(ask, records):
    enquiry_id = add(records, 1, question="Can I use Plant Breeding towards the MSc?")
    turn = await ask(ActionStaffEnquiry(), "staff_show_enquiries", text=f"show enquiry {enquiry_id}")
    assert f"Enquiry #{enquiry_id} (new)" in turn.text
    assert "From: Visitor 1 <visitor1@example.org>, consent to contact: yes" in turn.text
    assert "Question: Can I use Plant Breeding towards the MSc?" in turn.text
    assert turn.buttons == [{"title": "Mark handled", "payload": f"mark enquiry {enquiry_id} handled"}]


async def test_staff_asking_for_an_enquiry_that_does_not_exist_is_told_so(ask, records):
    turn = await ask(ActionStaffEnquiry(), "staff_show_enquiries", text="show enquiry 999")
    assert turn.text == answers.not_found(999).text


@pytest.mark.parametrize("action_class", [ActionStaffEnquiry, ActionStaffMarkHandled])
async def test_staff_must_give_an_enquiry_number(action_class, ask):
    turn = await ask(action_class(), "staff_show_enquiries", text="open that enquiry")
    assert turn.text == answers.NEED_NUMBER.text


async def test_staff_marks_enquiry_handled(ask, records):
    enquiry_id = add(records, 1)
    turn = await ask(ActionStaffMarkHandled(), "staff_show_enquiries", text=f"mark enquiry {enquiry_id} handled")
    assert turn.text == f"Enquiry #{enquiry_id} is marked handled (by S0001)."
    stored = records.enquiry(enquiry_id)
    assert (stored.status, stored.handled_by) == (EnquiryStatus.HANDLED, "S0001")
    assert stored.handled_at is not None


async def test_marking_an_enquiry_twice_keeps_the_first_handler(ask, records):
    enquiry_id = add(records, 1)
    records.mark_enquiry_handled(enquiry_id, "S0002")
    turn = await ask(ActionStaffMarkHandled(), "staff_show_enquiries", text=f"close enquiry {enquiry_id}")
    assert turn.text == f"Enquiry #{enquiry_id} is marked handled (by S0002)."


async def test_marking_a_missing_enquiry_is_told_so(ask, records):
    turn = await ask(ActionStaffMarkHandled(), "staff_show_enquiries", text="mark enquiry 4242 handled")
    assert turn.text == answers.not_found(4242).text


@pytest.mark.parametrize("action_class", STAFF_ACTIONS, ids=lambda cls: cls().name())
async def test_staff_inbox_with_the_database_down_apologises(action_class, ask, swap, services, broken_store, policy):
    swap(services.with_store(broken_store))
    turn = await ask(action_class(), "staff_show_enquiries", text="show enquiry 3")
    assert "Sorry, I can't look that up right now" in turn.text
    assert policy.contact.enquiry_email in turn.text


async def test_inbox_counts_every_new_enquiry_not_just_the_first_page(ask, records):
    for number in range(1, 56):
        add(records, number)
    turn = await ask(ActionStaffEnquiries(), "staff_show_enquiries")
    assert f"(showing {answers.MAX_LISTED} of 55)" in turn.text
