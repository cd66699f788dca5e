"""Unknown course names: a course or set the catalogue does not have is picked out of the question, and nothing else is.

Uses the sample catalogue of tests/unit/conftest.py (Plant Breeding, Genomics, Livestock Science and
Bioinformatics, courses 1-4 of each).
"""

from __future__ import annotations

import pytest

from bot.nlp.unknown_names import SIMILARITY, closest_courses, find_unknown_course, is_catalogue_name

NAMED_BUT_NOT_OFFERED = [
    ("is the Soil Science microcredential bookable?", "Soil Science"),
    ("do you do a course on beekeeping", "beekeeping"),
    ("when does Advanced Genomics 7 come out", "Advanced Genomics 7"),
    ("tell me about the aquaculture set", "aquaculture"),
    ("is there a beekeeping microcredential", "beekeeping"),
    ("tell me about the Marine Biology module", "Marine Biology"),
    ("are there any aquaculture microcredentials?", "aquaculture"),
    ("microcredentials in aquaculture?", "aquaculture"),
    ("any courses on animal welfare", "animal welfare"),
    ("is there a course about soil health", "soil health"),
    ("do you have anything on soil science", "soil science"),
    ("do you offer soil science?", "soil science"),
    ("do you run any agronomy courses", "agronomy"),
    ("do you do soil science courses", "soil science"),
    ("is there a course called Introduction to Soil", "Introduction to Soil"),
    ("is there a course called Soil Science available now", "Soil Science"),
    ('is "Soil Science" bookable', "Soil Science"),
    ("Is the \u2018Crop Protection\u2019 course still running?", "Crop Protection"),
    ("Beekeeping course?", "Beekeeping"),
    ("the beekeeping one", "beekeeping"),
    ("plant breeding 5", "plant breeding 5"),
    ("is Plant Breeding 6 out yet?", "Plant Breeding 6"),
    ("genomics five", "genomics five"),
    ("tell me about the genomics 9 course", "genomics 9"),
    ("PB 7", "PB 7"),
    ("is pb7 bookable", "pb7"),
    ("tell me about horticulture 3", "horticulture 3"),
    ("tell me about the Soil Science 2 microcredential", "Soil Science 2"),
    ("the plant breding course", "plant breding"),
]

NOT_AN_UNKNOWN_COURSE = [
    "how long is the course",
    "is the course online",
    "and the credit-bearing one?",
    "and the data set one?",
    "the report one",
    "price for a whole set with credits",
    "can I take any course",
    "which course should I take first",
    "how much would 3 with credits cost",
    "how many credits do I get for 4 courses",
    "what are the four sets",
    "is plant breeding 4 out yet",
    "tell me about Plant Breeding two",
    "what's the pass mark for genomics 2",
    "how about the plant breeding set",
    "what about Genomics?",
    "the genomic course",
    "and the livestock ones?",
    "I'd like to do the bio-informatics set",
    "is PB 4 bookable",
    "I have done 2 courses",
    "can I do 4 from different sets",
    "the masters test one",
    "the 20-credit module",
    "is there a course in Welsh",
    "do you offer refunds",
    "do you have a brochure",
    "do you run evening classes",
    "do you have any online courses",
    "have a good one",
    "back to square one",
    "the first one",
    "what courses do you have",
    "wot courses r there",
    "is the pass mark 50 or 70 percent",
    "how do I fix windows 10",
    "describe LS3",
    "cost per module?",
]


@pytest.mark.parametrize(("text", "name"), NAMED_BUT_NOT_OFFERED)
def test_a_course_we_do_not_offer_is_named_back_as_typed(text, name, catalogue):
    assert find_unknown_course(text, catalogue) == name


@pytest.mark.parametrize("text", NOT_AN_UNKNOWN_COURSE)
def test_ordinary_questions_and_real_names_are_not_unknown_courses(text, catalogue):
    assert find_unknown_course(text, catalogue) is None


def test_the_tables_cover_at_least_forty_phrasings():
    assert len(NAMED_BUT_NOT_OFFERED) + len(NOT_AN_UNKNOWN_COURSE) >= 40


@pytest.mark.parametrize(
    "name", ["Plant Breeding", "plant-breeding 2", "PB3", "Genomic", "livestock", "Bioinformatics"]
)
def test_catalogue_names_and_unambiguous_parts_of_a_set_name_are_known(name, catalogue):
    assert is_catalogue_name(name, catalogue)


@pytest.mark.parametrize(
    ("name", "suggestions"),
    [
        ("plant breding", ["Plant Breeding"]),
        ("Advanced Genomics 7", ["Genomics"]),
        ("genomix 2", ["Genomics 2"]),
        ("PB 7", ["Plant Breeding"]),
        ("Soil Science", ["Livestock Science"]),  # a shared long word is enough
        ("beekeeping", []),
        ("aquaculture", []),
    ],
)
def test_did_you_mean_offers_close_set_names_or_the_numbered_course(name, suggestions, catalogue):
    assert closest_courses(name, catalogue) == suggestions


def test_suggestions_are_limited(catalogue):
    assert len(closest_courses("science genomics breeding bioinformatics", catalogue, limit=2)) <= 2


def test_the_similarity_threshold_is_difflibs_default():
    assert SIMILARITY == 0.6
