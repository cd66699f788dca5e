"""Leaving a question for the team: each answer checked, stored durably, a reference only after the commit."""

from __future__ import annotations

from actions.enquiry import ActionOfferEnquiry, ActionSubmitEnquiry, ValidateEnquiryForm
from bot.answers import enquiry_form

FILLED = {
    "enquiry_name": "Jane Jones",
    "enquiry_email": "jane.jones@example.org",
    "enquiry_question": "'; DROP TABLE enquiries; -- can I start in January?",
    "enquiry_consent": True,
}


async def test_the_enquiry_route_offers_to_take_the_question_here(ask, policy):
    turn = await ask(ActionOfferEnquiry(), "enquiry_answer", text="how do I contact you?")
    assert policy.contact.enquiry_email in turn.text and "leave it with me" in turn.text


async def test_a_name_is_accepted_and_tidied(ask):
    turn = await ask(ValidateEnquiryForm(), "enquiry_answer", text="  Jane   Jones ")
    assert turn.slot_events()["enquiry_name"] == "Jane Jones"


async def test_a_question_instead_of_a_name_is_asked_again(ask):
    turn = await ask(ValidateEnquiryForm(), "enquiry_answer", text="how much does it cost?")
    assert turn.slot_events()["enquiry_name"] is None
    assert turn.responses == ["utter_enquiry_bad_name"]


async def test_stop_please_at_the_name_step_leaves_the_form_and_is_not_a_name(ask):
    turn = await ask(ValidateEnquiryForm(), "enquiry_answer", text="stop please")
    assert turn.slot_events().get("enquiry_cancelled") is True and not turn.slot_events().get("enquiry_name")


async def test_the_widgets_start_up_greet_is_not_taken_as_the_name(ask):
    turn = await ask(ValidateEnquiryForm(), "enquiry_answer", text="/greet", intent="greet")
    assert turn.slot_events()["enquiry_name"] is None and turn.responses == ["utter_enquiry_bad_name"]


async def test_the_widgets_start_up_greet_is_not_stored_as_the_question(ask):
    step = {"requested_slot": "enquiry_question", "enquiry_name": "Jane Jones", "enquiry_email": "j@example.org"}
    turn = await ask(ValidateEnquiryForm(), "enquiry_answer", text="/greet", intent="greet", slots=step)
    assert turn.slot_events()["enquiry_question"] is None and turn.responses == ["utter_enquiry_bad_question"]


async def test_a_bad_email_is_asked_again(ask):
    turn = await ask(
        ValidateEnquiryForm(), "enquiry_answer", text="jane at example", slots={"requested_slot": "enquiry_email"}
    )
    assert turn.slot_events()["enquiry_email"] is None and turn.responses == ["utter_enquiry_bad_email"]


async def test_cancel_leaves_the_form_and_keeps_nothing(ask, records):
    turn = await ask(ValidateEnquiryForm(), "enquiry_answer", text="cancel")
    assert turn.slot_events().get("enquiry_cancelled") is True
    result = await ask(ActionSubmitEnquiry(), "enquiry_answer", slots={"enquiry_cancelled": True})
    assert result.text == enquiry_form.cancelled().text and records.count_enquiries() == 0


async def test_a_submitted_enquiry_is_stored_verbatim_with_the_conversation_id_before_the_reference(ask, records):
    turn = await ask(ActionSubmitEnquiry(), "enquiry_answer", slots=FILLED)
    stored = records.enquiries()[0]
    assert stored.question == FILLED["enquiry_question"] and stored.conversation_id == "conv-enquiry"
    assert enquiry_form.reference(stored.id) in turn.text


async def test_an_enquiry_left_in_welsh_is_recorded_as_welsh(ask, records):
    await ask(ActionSubmitEnquiry(), "enquiry_answer", slots={**FILLED, "language": "cy"})
    assert records.enquiries()[0].language == "cy"


async def test_an_enquiry_left_in_english_is_recorded_as_english(ask, records):
    await ask(ActionSubmitEnquiry(), "enquiry_answer", slots={**FILLED, "language": "en"})
    assert records.enquiries()[0].language == "en"


async def test_an_enquiry_left_before_the_language_is_known_is_recorded_as_english(ask, records):
    await ask(ActionSubmitEnquiry(), "enquiry_answer", slots={**FILLED, "language": None})
    assert records.enquiries()[0].language == "en"


async def test_without_consent_nothing_is_stored(ask, records, policy):
    turn = await ask(ActionSubmitEnquiry(), "enquiry_answer", slots={**FILLED, "enquiry_consent": False})
    assert records.count_enquiries() == 0 and policy.contact.enquiry_email in turn.text


async def test_when_the_database_fails_the_user_is_told_it_was_not_saved(ask, swap, services, broken_store, policy):
    swap(services.with_store(broken_store))
    turn = await ask(ActionSubmitEnquiry(), "enquiry_answer", slots=FILLED)
    assert "has not reached the team" in turn.text and "ENQ-" not in turn.text
    assert policy.contact.enquiry_email in turn.text


async def test_every_answer_clears_the_form_for_next_time(ask):
    turn = await ask(ActionSubmitEnquiry(), "enquiry_answer", slots=FILLED)
    assert set(turn.slot_events()) >= set(FILLED) and all(value is None for value in turn.slot_events().values())
