"""The held-out conversation sets are well formed, judge as intended, and really are held out from data/nlu."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Any, Iterator, List, Sequence, Set, Tuple

import pytest
import yaml
from rasa.shared.nlu.training_data.loading import load_data

from tests.e2e.conversations.cases import (
    ANSWERED_IN_ENGLISH,
    EMPTY_REPLY,
    EXPECT_KEYS,
    FLOORS_BY_LANGUAGE,
    FOLDER,
    MAX_TURNS,
    MINIMUM_CASES,
    MINIMUMS,
    ROOT,
    TOPICS,
    WELSH_FOLDER,
    Case,
    Judge,
    all_cases,
    case_files,
    read_responses,
)

FOLDERS = {"en": FOLDER, "cy": WELSH_FOLDER}

# Near-copy thresholds. Character 3-grams of the normalised text, Jaccard >= 0.8: a typo, a plural, a changed
# tense or an added filler word in a sentence of a few words keeps about 0.8 of the trigrams, while a real
# paraphrase that reuses the topic's key words ("how much is it" / "how much does it cost") shares well under
# 0.6. Token edit distance <= 1 catches one swapped word in a longer sentence ("how long does a course take" /
# "how long does a module take"), which can fall under 0.8 trigrams; it only applies from MIN_EDIT_TOKENS
# words up, because in a message of one to three words one word is the whole question ("is it online" /
# "is it graded").
JACCARD_LIMIT = 0.8
EDIT_LIMIT = 1
MIN_EDIT_TOKENS = 5
# Replies to the assistant's own questions and greetings: a number, "none", "hello" (or their Welsh: "dim",
# "helo"). They set a conversation up or answer a calculator question; there is no other way to say them, so
# they are exempt.
_PLAIN_ANSWER = re.compile(
    r"^(\d+|none|no|yes|hi|hello|thanks|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|dim|dim un|na|naddo|do|ie|oes|nac oes|helo|diolch|un|dau|tri|pedwar|pump|chwech)$",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def cases() -> List[Case]:
    """Every case of every set, English and Welsh."""
    return all_cases()


@pytest.fixture(scope="module")
def judges() -> dict:
    """The judge of each language over the real policy, catalogue and domain."""
    return {language: Judge.from_files(language) for language in MINIMUMS}


@pytest.fixture(scope="module")
def judge(judges) -> Judge:
    """The English judge."""
    return judges["en"]


@pytest.mark.parametrize("language", list(FOLDERS))
def test_each_class_has_exactly_one_case_file(language):
    classes = [yaml.safe_load(path.read_text())["class"] for path in case_files(FOLDERS[language])]
    assert sorted(classes) == sorted(MINIMUM_CASES)


def test_every_case_has_an_id_turns_and_an_expectation():
    for path in case_files(FOLDER) + case_files(WELSH_FOLDER):
        document = yaml.safe_load(path.read_text())
        assert set(document) <= {"class", "cases", "expect_all", "language"}, path
        for raw in document["cases"]:
            assert set(raw) <= {"id", "turns", "expect"}, raw
            assert all(set(turn) == {"user"} and str(turn["user"]).strip() for turn in raw["turns"]), raw


def test_the_welsh_files_are_judged_in_welsh_and_the_english_in_english(cases):
    languages = Counter(case.language for case in cases)
    assert set(languages) == {"en", "cy"}
    assert all(case.language == ("cy" if case.source.startswith("cy/") else "en") for case in cases)


def test_case_ids_are_unique(cases):
    assert [name for name, count in Counter(case.id for case in cases).items() if count > 1] == []


def test_each_class_has_at_least_its_minimum_of_cases(cases):
    for language, minimums in MINIMUMS.items():
        counts = Counter(case.kind for case in cases if case.language == language)
        assert {kind: counts[kind] for kind in minimums if counts[kind] < minimums[kind]} == {}, language
        assert set(FLOORS_BY_LANGUAGE[language]) <= set(minimums), language


def test_a_case_is_one_to_three_turns(cases):
    assert [case.id for case in cases if not 1 <= len(case.turns) <= MAX_TURNS] == []


def test_every_case_judges_something_and_only_what_the_runner_knows(cases):
    for case in cases:
        assert set(case.expect) <= EXPECT_KEYS, case.id
        assert {"topics", "contains", "asks"} & set(case.expect), f"{case.id} expects nothing of the reply"
        assert set(case.expect.get("topics", [])) <= set(TOPICS), case.id
        assert case.expect.get("absent_topics") in (None, "all"), case.id


def expected_texts(case: Case) -> Iterator[str]:
    """Every text a case expects or forbids, alternatives included."""
    for key in ("contains", "absent"):
        for text in case.expect.get(key, []):
            yield from text if isinstance(text, list) else [text]


def test_every_expected_text_renders_from_the_policy_and_catalogue(cases, judges):
    for case in cases:
        for text in expected_texts(case):
            assert isinstance(text, str), case.id
            assert judges[case.language].pattern(text).pattern, case.id  # raises on a bad regex or expression


def test_expected_questions_are_the_assistants_own(cases, judges):
    wrong = []
    for case in cases:
        questions = {name for name in judges[case.language].markers if name.startswith("utter_ask_")}
        if not set(case.expect.get("asks", [])) <= questions:
            wrong.append(case.id)
    assert wrong == []


def test_welsh_expressions_render_as_the_welsh_reply_says_them(judges):
    welsh, english = judges["cy"].facts, judges["en"].facts
    assert welsh.render("{released('PB1')}") == "13 Ionawr 2025"
    assert english.render("{released('PB1')}") == "13 January 2025"
    assert welsh.render("{assessment('data_analysis')}") == "dadansoddiad o set ddata"
    assert welsh.render("{3 * credit_fee}") == english.render("{3 * credit_fee}")


def test_each_welsh_topic_marker_finds_its_own_welsh_answer_and_no_other(judges):
    welsh = read_responses(language="cy")
    for topic in TOPICS:
        answer = " ".join(welsh[f"utter_{topic}"])
        assert [other for other in TOPICS if judges["cy"].response_at(f"utter_{other}", answer) >= 0] == [topic]


def test_a_welsh_case_fails_on_the_english_answer_and_on_no_answer(judges):
    english, welsh = read_responses(language="en"), read_responses(language="cy")
    case = Case("x", "paraphrase", ("faint ydy o?",), {"topics": ["cost"]}, "cy/x", "cy")
    assert judges["cy"].problems(case, welsh["utter_cost"][0]) == []
    assert any(p.startswith(ANSWERED_IN_ENGLISH) for p in judges["cy"].problems(case, english["utter_cost"][0]))
    assert EMPTY_REPLY in judges["cy"].problems(case, "")
    assert judges["cy"].problems(case, welsh["utter_cost"][0] + "\n" + welsh["utter_default"][0]) != []
    earlier = judges["cy"].conversation_problems(case, [english["utter_format"][0], welsh["utter_cost"][0]])
    assert earlier and all(p.startswith("turn 1: ") for p in earlier)


def test_no_welsh_reply_the_assistant_can_give_reads_as_english(judges):
    welsh = read_responses(language="cy")
    assert {name: texts for name, texts in welsh.items() if any(judges["cy"].english_problems(t) for t in texts)} == {}
    assert {p for p in judges["en"].english_problems("")} == set()  # English cases are not checked for English


def test_each_topic_marker_finds_its_own_answer_and_no_other(judge):
    responses = read_responses()
    for topic in TOPICS:
        answer = " ".join(responses[f"utter_{topic}"])
        found = [other for other in TOPICS if judge.response_at(f"utter_{other}", answer) >= 0]
        assert found == [topic]


def test_a_reply_passes_only_with_the_topics_in_the_order_asked(judge):
    responses = read_responses()
    case = Case("x", "several", ("how long and is it online?",), {"topics": ["duration", "format"]}, "x")
    in_order = responses["utter_duration"][0] + "\n" + responses["utter_format"][0]
    reversed_order = responses["utter_format"][0] + "\n" + responses["utter_duration"][0]
    assert judge.problems(case, in_order) == []
    assert judge.problems(case, reversed_order) != []
    assert judge.problems(case, in_order + "\n" + responses["utter_default"][0]) != []


def test_money_is_rendered_from_the_policy_and_matched_whole(judge):
    case = Case("x", "facts", ("3 with credits?",), {"contains": ["{3 * credit_fee}"]}, "x")
    money = judge.facts.render("{3 * credit_fee}")
    assert judge.problems(case, f"3 × £250 = {money}.") == []
    assert judge.problems(case, f"That comes to {money}0.") != []


# --- held out: no case is a near-copy of a training example ---------------------------------------------------


def normalise(text: str) -> str:
    """Lower case, accents dropped (Welsh "siŵr" is "siwr", as most type it), apostrophes dropped ("what's" is
    "whats"), other punctuation a space, single spaces."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9£]", " ", re.sub(r"['’]", "", plain)).split())


def trigrams(text: str) -> Set[str]:
    """The character 3-grams of a normalised text."""
    return {text[i : i + 3] for i in range(max(1, len(text) - 2))}


def edit_distance(a: Sequence[str], b: Sequence[str]) -> int:
    """Levenshtein distance between two token lists."""
    previous = list(range(len(b) + 1))
    for i, token in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (token != other)))
        previous = current
    return previous[-1]


@lru_cache(maxsize=1)
def training_texts() -> Tuple[Tuple[str, Set[str], Tuple[str, ...]], ...]:
    """Every training example of data/nlu: normalised text, its trigrams and its tokens."""
    texts = {normalise(example.get("text")) for example in load_data(str(ROOT / "data" / "nlu")).intent_examples}
    return tuple((text, trigrams(text), tuple(text.split())) for text in texts)


def near_copy(text: str) -> Any:
    """The training example this text nearly copies, or None."""
    mine = normalise(text)
    grams, tokens = trigrams(mine), mine.split()
    for other, other_grams, other_tokens in training_texts():
        if len(grams & other_grams) / len(grams | other_grams) >= JACCARD_LIMIT:
            return other
        long_enough = min(len(tokens), len(other_tokens)) >= MIN_EDIT_TOKENS
        if long_enough and abs(len(tokens) - len(other_tokens)) <= EDIT_LIMIT:
            if edit_distance(tokens, other_tokens) <= EDIT_LIMIT:
                return other
    return None


def test_no_user_text_in_the_sets_is_a_near_copy_of_a_training_example(cases):
    texts = {turn for case in cases for turn in case.turns if not _PLAIN_ANSWER.match(normalise(turn))}
    copies = {text: copy for text in sorted(texts) if (copy := near_copy(text)) is not None}
    assert copies == {}
