"""The catalogue-driven spaCy pipeline, course-name resolution and number reading."""

from __future__ import annotations

import dataclasses

import pytest

from bot.files.catalogue import load_catalogue_file
from bot.nlp.calculator_text import quote_wants, read_calculator_facts
from bot.nlp.names import resolve_course, resolve_set, ruler_patterns
from bot.nlp.numbers import money_spans, parse_count
from bot.nlp.pipeline import build_pipeline, save_pipeline
from bot.rules.money import format_money


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


def test_calculator_reads_courses_with_credits(policy):
    facts = read_calculator_facts("I've done two with credits, what would come off the MSc?", policy)
    assert facts.with_credits == 2


def test_calculator_never_reads_money_as_a_count(policy):
    facts = read_calculator_facts("I paid £100 then the top-up, how much is deducted?", policy)
    assert (facts.topped_up, facts.learning_only, facts.total) == (None, None, None)
    assert facts.spent == policy.learning_fee + policy.top_up  # the top-up is added to what was paid


def test_calculator_reads_learning_only_and_credits_together(policy):
    facts = read_calculator_facts("if I did 3 learning only and 1 with credits what's taken off", policy)
    assert (facts.learning_only, facts.with_credits) == (3, 1)


@pytest.mark.parametrize("text", ["nope", "zero", "none", "no", "I haven't done any", "nah, none"])
def test_every_way_of_saying_none_is_zero(text):
    assert parse_count(text) == 0


@pytest.mark.parametrize(
    "text, pence",
    [("£350", 35000), ("350 quid", 35000), ("spent 600 pounds", 60000), ("£1,200", 120000), ("£1.2k", 120000)],
)
def test_sums_of_money_are_read_in_pence(text, pence):
    assert [value for _, _, value in money_spans(text.replace(",", ""))] == [pence]


def test_a_whole_set_is_the_policys_set_size_not_a_fixed_number(policy):
    five = dataclasses.replace(policy, set_size=policy.set_size + 1)
    assert read_calculator_facts("the whole set with credits", five).with_credits == policy.set_size + 1


def test_the_kind_a_price_names_follows_the_policys_fees(policy):
    dearer = dataclasses.replace(policy, credit_fee=policy.credit_fee + policy.learning_fee)
    text = f"two at {format_money(dearer.credit_fee)} each"
    assert read_calculator_facts(text, dearer).with_credits == 2
    assert read_calculator_facts(text, policy).with_credits is None  # not a fee of this policy: a spend


def test_a_question_about_credits_in_general_states_no_counts(policy):
    for text in ("how many credits is each one worth", "what are credits", "do I get credits for these?"):
        facts = read_calculator_facts(text, policy)
        assert (facts.with_credits, facts.learning_only, facts.topped_up, facts.total) == (None,) * 4


@pytest.mark.parametrize(
    "text, wants",
    [
        ("how much would 3 with credits cost?", (True, False)),
        ("how many credits do I get for 4 courses", (False, True)),
        ("what would 2 cost and how many credits would they earn", (True, True)),
        ("3 with credits?", (True, False)),
    ],
)
def test_a_quote_asks_for_the_cost_the_credits_or_both(text, wants):
    assert quote_wants(text) == wants


def test_a_price_that_is_no_fee_is_money_spent_per_course(policy):
    price = policy.credit_fee + policy.learning_fee
    facts = read_calculator_facts(f"two at {format_money(price)} each", policy)
    assert (facts.spent, facts.total) == (2 * price, 2)
