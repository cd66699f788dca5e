"""The enquiry form: the checks on each answer (bot.nlp.form_replies) and its wording, in English and Welsh."""

from __future__ import annotations

import pytest

from bot.answers import enquiry_form as form
from bot.nlp import form_replies as checks


@pytest.mark.parametrize("text", ["cancel", "Stop", "never mind", "quit."])
def test_cancel_words_leave_the_form(text):
    assert checks.is_cancel(text)


@pytest.mark.parametrize(
    "text,expected",
    [("yes", True), ("Yes please", True), ("ok", True), ("no", False), ("nope", False), ("maybe", None)],
)
def test_consent_is_yes_or_no(text, expected):
    assert checks.consent_answer(text) is expected


@pytest.mark.parametrize("text", ["", "what does it cost?", "x" * 101, "one two three four five six seven eight nine"])
def test_implausible_names_are_refused(text):
    assert checks.valid_name(text) is None


def test_emails_are_checked_and_lower_cased():
    assert checks.valid_email(" Jane@Example.ORG ") == "jane@example.org"
    assert checks.valid_email("jane at example") is None


def test_questions_must_be_a_sentence_but_not_an_essay():
    assert checks.valid_question("hi") is None
    assert checks.valid_question("x" * (checks.MAX_QUESTION_CHARS + 1)) is None
    assert checks.valid_question("Can I start in January?") == "Can I start in January?"


def test_references_are_stable():
    assert form.reference(12) == "ENQ-00012"


@pytest.mark.parametrize(
    "text",
    [
        "stop please",
        "stop it please",
        "Please cancel that.",
        "I want to stop now",
        "can we stop",
        "forget it!",
        "/restart",
    ],
)
def test_polite_and_wordy_commands_also_leave_the_form(text):
    assert checks.is_cancel(text)


@pytest.mark.parametrize("text", ["Will Stopford", "Can I stop the course halfway?", "please", "Jane Jones"])
def test_names_and_questions_that_mention_stopping_are_not_commands(text):
    assert not checks.is_cancel(text)


@pytest.mark.parametrize("payload", ["/greet", "/affirm", '/greet{"name": "x"}', " /ask_cost"])
def test_intent_payloads_are_never_a_name_a_question_or_consent(payload):
    assert checks.valid_name(payload) is None and checks.valid_question(payload) is None
    assert checks.consent_answer(payload) is None


@pytest.mark.parametrize("text", ["yes", "No.", "hello", "thanks!"])
def test_replies_to_another_question_are_not_taken_as_a_name(text):
    assert checks.valid_name(text) is None


# --- in Welsh: the form understands Welsh answers and says everything in Welsh ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "canslo",
        "Canslo plis",
        "stopio",
        "Dwi isio stopio rŵan",
        "canslo'r ffurflen",
        "anghofio fe",
        "Anghofia fo!",
        "na hidia",
        "Ga i ganslo?",
        "Stopiwch, os gwelwch yn dda",
        "rhoi'r gorau iddi",
        "dechrau eto",
    ],
)
def test_in_welsh_cancel_words_leave_the_form(text):
    assert checks.is_cancel(text)


@pytest.mark.parametrize(
    "text",
    ["Ga i stopio'r cwrs hanner ffordd?", "Siân Stopio", "dim diolch", "iawn", "Ydy'r cwrs yn gorffen ym mis Mai?"],
)
def test_in_welsh_names_and_questions_that_mention_stopping_are_not_commands(text):
    assert not checks.is_cancel(text)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("ie", True),
        ("Ie plis", True),
        ("iawn", True),
        ("Ydw", True),
        ("hoffwn", True),
        ("cytuno", True),
        ("Rwy'n cytuno", True),
        ("wrth gwrs", True),
        ("ocê", True),
        ("Dim problem", True),
        ("na", False),
        ("Na, dim diolch", False),
        ("nac ydw", False),
        ("Nag ydw", False),
        ("dim diolch", False),
        ("Dwi ddim yn cytuno", False),
        ("paid â chysylltu", False),
        ("efallai", None),
        ("ddim yn siŵr", None),
    ],
)
def test_in_welsh_consent_is_ie_or_na(text, expected):
    assert checks.consent_answer(text) is expected


def test_do_is_not_taken_for_the_welsh_yes_when_it_starts_an_english_question():
    assert checks.consent_answer("Do you keep my email?") is None


@pytest.mark.parametrize("text", ["ie", "Na.", "Helo!", "diolch", "ocê", "Shwmae"])
def test_in_welsh_replies_to_another_question_are_not_taken_as_a_name(text):
    assert checks.valid_name(text) is None


def test_welsh_names_are_kept_as_typed():
    assert checks.valid_name(" Siân  ap Dafydd ") == "Siân ap Dafydd"


def test_the_offer_to_take_the_question_is_english_by_default(policy):
    reply = form.offer(policy)
    assert reply.text.endswith(
        "I can also pass your question to the team from here: would you like to leave it with me?"
    )
    assert [(b.title, b.payload) for b in reply.buttons] == [
        ("Yes, leave a question", "/affirm"),
        ("No thanks", "/deny"),
    ]


def test_in_welsh_the_offer_gives_the_route_and_asks_to_take_the_question_in_welsh(policy):
    reply = form.offer(policy, "cy")
    assert reply.text.startswith("Gallwch gysylltu â thîm Dysgu o Bell IBERS drwy e-bost")
    assert reply.text.endswith("Gallaf hefyd anfon eich cwestiwn at y tîm o'r fan hyn: hoffech chi ei adael gyda mi?")
    assert [(b.title, b.payload) for b in reply.buttons] == [
        ("Hoffwn adael cwestiwn", "/affirm"),
        ("Dim diolch", "/deny"),
    ]


def test_in_welsh_consent_is_asked_with_the_privacy_notice_and_ie_or_na_buttons(policy):
    reply = form.ask_consent(policy, "cy")
    assert reply.text.startswith("A gaiff y tîm gysylltu â chi drwy e-bost am yr ymholiad hwn?")
    assert f"(hysbysiad preifatrwydd: {policy.contact.privacy_url})" in reply.text
    assert [(b.title, b.payload) for b in reply.buttons] == [("Ie", "ie"), ("Na", "na")]
    assert [checks.consent_answer(b.payload) for b in reply.buttons] == [True, False]


def test_the_english_consent_buttons_still_send_yes_and_no(policy):
    assert [(b.title, b.payload) for b in form.ask_consent(policy).buttons] == [("Yes", "yes"), ("No", "no")]


def test_in_welsh_the_confirmation_gives_the_same_reference_and_the_reply_address():
    reply = form.saved(form.reference(12), "Siân", "sian@example.org", "cy")
    assert reply.text == (
        "Diolch, Siân. Mae eich ymholiad wedi'i gadw gyda'r cyfeirnod ENQ-00012; bydd y tîm yn anfon ateb at "
        "sian@example.org."
    )
    assert form.saved("ENQ-00012", "Jane", "jane@example.org").text == (
        "Thank you, Jane. Your enquiry is saved with reference ENQ-00012; the team will reply to jane@example.org."
    )


def test_in_welsh_an_enquiry_not_saved_or_without_consent_gives_the_email_route(policy):
    email = policy.contact.enquiry_email
    assert form.not_saved(policy, "cy").text.endswith(f"Anfonwch ef drwy e-bost at {email} yn lle hynny.")
    assert form.no_consent(policy, "cy").text.startswith("Dim problem: dydw i ddim wedi cadw eich manylion.")
    assert email in form.no_consent(policy, "cy").text and email in form.no_consent(policy).text


def test_in_welsh_leaving_the_form_says_nothing_was_kept():
    assert form.cancelled("cy").text == "Iawn, rydw i wedi canslo hynny heb gadw dim. Beth arall hoffech chi ei wybod?"
    assert form.cancelled().text == "OK, I've cancelled that and kept nothing. What else would you like to know?"
