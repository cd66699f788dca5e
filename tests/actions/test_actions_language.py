"""The reply language chosen on every message (actions/language.py)."""

from __future__ import annotations

from actions.language import language_events


def message(text, intent="ask_cost", metadata=None, entities=None):
    """A latest_message as Rasa sends it to the action server."""
    return {"text": text, "intent": {"name": intent}, "metadata": metadata or {}, "entities": entities or []}


def slots_set(events):
    """The slot events as name -> value."""
    return {e["name"]: e["value"] for e in events}


def test_a_welsh_question_on_the_english_page_is_answered_in_welsh():
    events = language_events(message("faint ydy'r cwrs?", metadata={"language": "en"}), "en", "en")
    assert slots_set(events) == {"language": "cy"}


def test_english_writing_never_switches_a_welsh_conversation_back():
    events = language_events(message("how much does a course cost and how long is it?"), "cy", "cy")
    assert events == []


def test_a_greeting_decides_nothing():
    assert language_events(message("helo", intent="greet"), "en", None) == []


def test_an_explicit_request_for_english_is_obeyed():
    events = language_events(message("in English please", intent="switch_language"), "cy", "cy")
    assert slots_set(events) == {"language": "en"}


def test_the_switch_buttons_entity_is_obeyed():
    entities = [{"entity": "language", "value": "cy"}]
    events = language_events(
        message('/switch_language{"language": "cy"}', "switch_language", entities=entities), "en", "en"
    )
    assert slots_set(events) == {"language": "cy"}


def test_the_pages_switch_counts_when_the_page_changes_its_language():
    events = language_events(message("what are microcredentials", metadata={"language": "cy"}), "en", "en")
    assert slots_set(events) == {"page_language": "cy", "language": "cy"}


def test_the_same_page_language_on_every_message_does_not_override_welsh_writing():
    events = language_events(message("sut mae'r asesu yn gweithio?", metadata={"language": "en"}), "cy", "en")
    assert events == []


def test_a_loose_request_classified_as_a_switch_names_the_language():
    events = language_events(message("do you speak Welsh?", intent="switch_language"), "en", None)
    assert slots_set(events) == {"language": "cy"}
