"""The catalogue-driven spaCy pipeline, course-name resolution and number reading."""

from __future__ import annotations

import pytest

from bot.files.catalogue import load_catalogue_file
from bot.nlp.calculator_text import read_calculator_facts
from bot.nlp.names import resolve_course, resolve_set, ruler_patterns
from bot.nlp.numbers import parse_count
from bot.nlp.pipeline import build_pipeline, save_pipeline


@pytest.fixture(scope="module")
def courses():
    return load_catalogue_file()


@pytest.fixture(scope="module")
def nlp(courses):
    return build_pipeline(courses)


def entities(nlp, text):
    return [(ent.text, ent.label_, ent.ent_id_) for ent in nlp(text).ents]


@pytest.mark.parametrize(
    "text,name",
    [
        ("is plant breeding two bookable?", "plant breeding two"),
        ("when does PB2 come out", "PB2"),
        ("what about plant-breeding 2", "plant-breeding 2"),
        ("pb 2 pass mark", "pb 2"),
        ("PLANT BREEDING II please", "PLANT BREEDING II"),
    ],
)
def test_people_type_plant_breeding_2_many_ways(nlp, courses, text, name):
    assert entities(nlp, text) == [(name, "course", "PB2")]
    assert resolve_course(name, courses).code == "PB2"


def test_a_set_name_alone_is_a_course_set(nlp, courses):
    assert entities(nlp, "what's in the genomics set?") == [("genomics", "course_set", "GN")]
    assert resolve_set("Genomics", courses) == ("GN", "Genomics")


def test_a_course_title_wins_over_its_set_name(nlp):
    assert [label for _, label, _ in entities(nlp, "livestock science 3")] == ["course"]


def test_counts_are_number_entities(nlp):
    assert entities(nlp, "I've done two with credits and 3 without") == [("two", "number", ""), ("3", "number", "")]


def test_every_catalogue_course_has_title_and_code_patterns(courses):
    ids = [pattern.get("id") for pattern in ruler_patterns(courses) if pattern["label"] == "course"]
    for course in courses:
        assert ids.count(course.code) >= 2


def test_unknown_names_resolve_to_nothing(courses):
    assert resolve_course("Underwater Basket Weaving 2", courses) is None
    assert resolve_set("astrophysics", courses) is None


def test_the_saved_pipeline_loads_back_with_its_ruler(tmp_path, courses):
    import spacy

    path = save_pipeline(courses, tmp_path / "pipeline")
    loaded = spacy.load(path)
    assert [ent.label_ for ent in loaded("tell me about PB3").ents] == ["course"]


@pytest.mark.parametrize(
    "text,count",
    [("2", 2), ("two", 2), ("none", 0), ("just one", 1), ("I've done 3", 3), ("Three of them", 3), ("no", 0)],
)
def test_counts_are_read_from_digits_or_words(text, count):
    assert parse_count(text) == count


@pytest.mark.parametrize("text", ["", "not sure", "2 or 3"])
def test_no_single_count_means_ask_again(text):
    assert parse_count(text) is None


def test_calculator_reads_courses_with_credits():
    facts = read_calculator_facts("I've done two with credits, what would come off the MSc?")
    assert facts.with_credits == 2


def test_calculator_never_reads_money_as_a_count():
    facts = read_calculator_facts("I paid £100 then the top-up, how much is deducted?")
    assert facts.topped_up == 1 and facts.learning_only is None and facts.total is None


def test_calculator_reads_learning_only_and_credits_together():
    facts = read_calculator_facts("if I did 3 learning only and 1 with credits what's taken off")
    assert (facts.learning_only, facts.with_credits) == (3, 1)
