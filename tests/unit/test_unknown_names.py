"""Unknown course names: a course or set the catalogue does not have is picked out of the question, and nothing else is.

Uses the sample catalogue of tests/unit/conftest.py (Plant Breeding, Genomics, Livestock Science and
Bioinformatics, courses 1-4 of each).
"""

from __future__ import annotations

import pytest

from bot.nlp.near_misses import SIMILARITY, closest_courses
from bot.nlp.unknown_names import find_unknown_course, is_catalogue_name

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


# A numbered name of several words is named back whole; a real set's unknown number keeps the set's words only.
WHOLE_NUMBERED_NAMES = [
    ("is Data Science 1 available", "Data Science 1"),
    ("when does Data Science 2 come out", "Data Science 2"),
    ("the data science 1 course", "data science 1"),
    ("can I book Applied Data Science 1", "Applied Data Science 1"),
    ("tell me about Soil Health Management 2", "Soil Health Management 2"),
    ("is Animal Health and Welfare 3 bookable", "Animal Health and Welfare 3"),
    ("Introduction to Soil Science 1 - is it out?", "Introduction to Soil Science 1"),
    ("is Principles of Crop Science 2 available", "Principles of Crop Science 2"),
    ("tell me about the data science set", "data science"),
    ("is genomics 7 out yet", "genomics 7"),
    ("is Livestock Science 7 out", "Livestock Science 7"),
    ("tell me about plant breeding 9", "plant breeding 9"),
    ("is the Genomic 7 course out", "Genomic 7"),
    ("compare Genomics and Soil Science 2", "Soil Science 2"),
]

REAL_NAMES_WITH_WORDS_AROUND_THEM = [
    "is the credit-bearing genomics 3 bookable",
    "the learning-only plant breeding 2",
    "is data analysis 2 available",
    "what about the data set one",
    "is the Data Analysis one bookable",
    "can I book Bioinformatics 2",
    "the Welsh Plant Breeding 2 one",
    "is Plant Breeding and Genomics 2 bookable",
    "when does the new Livestock Science 4 start",
]

# A numbered or capitalised name in a short or catalogue-like question (book, release, out, start, about, ...).
SHORT_AND_OTHER_VERB_QUESTIONS = [
    ("is horticulture 1 out yet", "horticulture 1"),
    ("when is microbiology 1 released", "microbiology 1"),
    ("forestry 1?", "forestry 1"),
    ("can i book precision agriculture 2", "precision agriculture 2"),
    ("zoology 2 then?", "zoology 2"),
    ("and zoology 2?", "zoology 2"),
    ("what about forestry 3", "forestry 3"),
    ("the soil health set", "soil health"),
    ("tell me about agroforestry 3", "agroforestry 3"),
    ("when does ecology 2 start", "ecology 2"),
    ("can I enrol on botany 1", "botany 1"),
    ("is Entomology 2 available", "Entomology 2"),
    ("can I book Precision Agriculture", "Precision Agriculture"),
    ("is Horticulture out yet", "Horticulture"),
    ("when does Agroforestry start", "Agroforestry"),
    ("tell me about Agroforestry", "Agroforestry"),
    ("can I enrol on Marine Biology", "Marine Biology"),
    ("is Zoology available", "Zoology"),
]

ORDINARY_SHORT_QUESTIONS = [
    "probably 2",
    "maybe three",
    "view 17",
    "close 11",
    "I have 3 kids",
    "i've done 2",
    "level 7 qualification?",
    "did 2 for learning and topped one up",
    "do you take PayPal",
    "is it available for NHS staff",
    "tell me about yourself",
    "can I book on Monday",
    "Is it Online?",
    "tell me about IBERS",
    "when does the MSc start",
    "is Plant Breeding available",
    "tell me about Genomics",
    "is it available in Wales",
    "what about Tuesday",
    "Can I Book Now",
    "Hello, before I book I'd like to know more about Genomics 1",
    "do employers value microcredentials",
    "what's the cost of 2 learning only microcredentials in pounds",
    "is the pass mark 40 or 50",
]


@pytest.mark.parametrize(("text", "name"), WHOLE_NUMBERED_NAMES + SHORT_AND_OTHER_VERB_QUESTIONS)
def test_a_numbered_or_capitalised_name_is_named_back_whole(text, name, catalogue):
    assert find_unknown_course(text, catalogue) == name


@pytest.mark.parametrize("text", REAL_NAMES_WITH_WORDS_AROUND_THEM + ORDINARY_SHORT_QUESTIONS)
def test_real_names_short_answers_and_other_capitals_are_not_unknown_courses(text, catalogue):
    assert find_unknown_course(text, catalogue) is None


def test_a_whole_unknown_name_still_gets_did_you_mean(catalogue):
    assert closest_courses("Data Science 1", catalogue) == ["Livestock Science 1"]


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


# Welsh: a course or set we do not offer, named in Welsh phrasings (mutations: gwrs, chwrs, nghwrs, ficro...).
CY_NAMED_BUT_NOT_OFFERED = [
    ("oes cwrs ar wenyna?", "wenyna"),
    ("cwrs ar gadw gwenyn", "gadw gwenyn"),
    ("oes gennych chi gwrs ar gadw gwenyn?", "gadw gwenyn"),
    ("oes modd gwneud cwrs mewn coedwigaeth?", "coedwigaeth"),
    ("oes unrhyw gyrsiau mewn amaeth manwl?", "amaeth manwl"),
    ("oes gennych chi chwrs am ddyframaeth?", "ddyframaeth"),
    ("unrhyw beth ar wyddor pridd?", "wyddor pridd"),
    ("oes gennych chi rywbeth am les anifeiliaid?", "les anifeiliaid"),
    ("cwrs ynglyn â dyframaeth", "dyframaeth"),
    ("oes cwrs o'r enw Gwyddor Pridd?", "Gwyddor Pridd"),
    ("dwedwch wrtha i am genomics 9", "genomics 9"),
    ("be am Soil Science 2?", "Soil Science 2"),
    ("beth am Soil Science?", "Soil Science"),
    ("a be am Forestry 3?", "Forestry 3"),
    ("dwedwch wrtha i am y set Soil Science", "Soil Science"),
    ("oes gennych chi Soil Science?", "Soil Science"),
    ("ydych chi'n cynnig Marine Biology?", "Marine Biology"),
    ("oes cwrs cadw gwenyn?", "cadw gwenyn"),
    ("ydy Plant Breeding 6 ar gael?", "Plant Breeding 6"),
    ("pryd mae Genomics 7 yn dod allan?", "Genomics 7"),
    ("ydy Horticulture ar gael?", "Horticulture"),
    ("alla i fwcio Precision Agriculture?", "Precision Agriculture"),
    ("be am Genomics naw?", "Genomics naw"),
    ("oes microgymhwyster ar arddio?", "arddio"),
]

CY_NOT_AN_UNKNOWN_COURSE = [
    "ydy'r cwrs yn Gymraeg?",
    "oes cwrs ar gael ar hyn o bryd?",
    "faint yw'r cwrs am flwyddyn?",
    "beth am y gost?",
    "beth am yfory?",
    "dwedwch wrtha i am Genomics",
    "ydy hwnna'n bookable eto?",
    "ydy honno ar gael i'w bwcio?",
    "a be am Genomics 2?",
    "ac am dri?",
    "ac am 5?",
    "faint yw 3 cwrs gyda chredydau?",
    "dwi wedi gwneud 2 gwrs",
    "Beth yw microgymhwyster?",
    "faint mae'r cwrs costio?",
    "ydy'r set Genomics ar gael?",
    "pa mor hir mae'r cwrs para?",
    "oes gennych chi daflen?",
    "oes gennych chi gyrsiau ar-lein?",
    "oes gennych chi amser i siarad?",
    "Oes modd cael gradd?",
    "ydy Plant Breeding dau ar gael?",
    "be am Genomics tri?",
    "oes cwrs am ddim?",
]


@pytest.mark.parametrize(("text", "name"), CY_NAMED_BUT_NOT_OFFERED)
def test_a_course_we_do_not_offer_named_in_welsh_is_named_back_as_typed(text, name, catalogue):
    assert find_unknown_course(text, catalogue) == name


@pytest.mark.parametrize("text", CY_NOT_AN_UNKNOWN_COURSE)
def test_ordinary_welsh_questions_and_real_names_are_not_unknown_courses(text, catalogue):
    assert find_unknown_course(text, catalogue) is None


@pytest.mark.parametrize(
    ("name", "suggestions"),
    [("Genomics naw", ["Genomics"]), ("genomix dau", ["Genomics 2"]), ("Soil Science 2", ["Livestock Science 2"])],
)
def test_did_you_mean_reads_a_welsh_course_number(name, suggestions, catalogue):
    assert closest_courses(name, catalogue) == suggestions


def test_the_welsh_tables_cover_at_least_twenty_phrasings_each():
    assert len(CY_NAMED_BUT_NOT_OFFERED) >= 20 and len(CY_NOT_AN_UNKNOWN_COURSE) >= 20
