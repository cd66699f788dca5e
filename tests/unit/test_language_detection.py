"""Which language a message is in, and whether it asks to switch (bot.nlp.language)."""

from __future__ import annotations

import pytest

from bot.nlp.language import detect_language, named_language, requested_language


@pytest.mark.parametrize(
    "text",
    [
        "faint ydy'r cwrs?",
        "Beth yw'r marc llwyddo",
        "pa gyrsiau sydd ar gael",
        "pryd mae'r cwrs nesaf yn dechrau",
        "Faint o gredydau sydd eu hangen arnaf i gael MSc?",
        "Dw i'n ffermwr yn Sir Gâr ac yn meddwl am wneud cwrs",
        "sut mae'r asesu yn gweithio",
        "dwedwch wrtha i am genomics 9",
        "hoffwn wybod mwy am y rhain",
        "esboniwch y ffi ychwanegol i mi",
    ],
)
def test_welsh_sentences_are_welsh(text):
    assert detect_language(text) == "cy"


@pytest.mark.parametrize(
    "text",
    ["dwi isio upgrade i MSc", "be di'r pass mark?", "oes modd neud y microcredentials online?", "faint ydy'r top-up?"],
)
def test_welsh_with_english_words_mixed_in_is_still_welsh(text):
    assert detect_language(text) == "cy"


@pytest.mark.parametrize(
    "text",
    [
        "how much is it",
        "what's the top-up fee for a set",
        "how long does each one take and is it all online?",
        "Is the Bwyd a Ffermio course bookable yet",
        "I'm a farmer in Carmarthenshire thinking about doing a course",
    ],
)
def test_english_sentences_are_english_even_with_a_welsh_course_name(text):
    assert detect_language(text) == "en"


@pytest.mark.parametrize("text", ["helo", "hi", "shwmae", "diolch", "ok", "Genomics", "", "   ", "?", "MSc"])
def test_greetings_single_words_and_names_decide_nothing(text):
    assert detect_language(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Cymraeg",
        "yn Gymraeg plis",
        "can we speak Welsh?",
        "newid i'r Gymraeg",
        "dwi isio siarad cymraeg",
        "Welsh please",
    ],
)
def test_asking_for_welsh_is_a_switch_to_welsh(text):
    assert requested_language(text) == "cy"


@pytest.mark.parametrize(
    "text", ["in English please", "Saesneg os gwelwch yn dda", "English", "Switch to English", "ateb yn Saesneg plis"]
)
def test_asking_for_english_is_a_switch_to_english(text):
    assert requested_language(text) == "en"


@pytest.mark.parametrize(
    "text",
    [
        "are the courses taught in Welsh?",
        "ydy'r cyrsiau ar gael yn Gymraeg?",
        "is there a Welsh version of the Genomics course",
        "what English language requirements are there",
    ],
)
def test_a_question_about_a_language_is_not_a_switch(text):
    assert requested_language(text) is None


def test_the_last_language_named_wins_when_a_request_names_both():
    assert named_language("sorry my Welsh isn't good, English please") == "en"
    assert named_language("dwi ddim yn siarad llawer o Saesneg, Cymraeg plis") == "cy"
    assert named_language("what can you do") is None
