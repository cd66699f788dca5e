"""What a short follow-up changes: an assessment kind, with or without credits, a count."""

from __future__ import annotations

import pytest

from bot.nlp.follow_ups import assessment_kind, credits_choice, names_a_count
from bot.rules.model import AssessmentType


@pytest.mark.parametrize(
    "text, kind",
    [
        ("and the data set one?", AssessmentType.DATA_ANALYSIS),
        ("what about the dataset analysis", AssessmentType.DATA_ANALYSIS),
        ("and the report?", AssessmentType.REPORT),
        ("the 1500 word essay one", AssessmentType.REPORT),
        ("and for the masters level test", AssessmentType.MASTERS_TEST),
        ("what about the exam", AssessmentType.MASTERS_TEST),
        ("a'r adroddiad?", AssessmentType.REPORT),
        ("what about genomics?", None),
        ("and with credits?", None),
    ],
)
def test_a_follow_up_can_name_an_assessment_kind(text, kind):
    assert assessment_kind(text) == kind


@pytest.mark.parametrize(
    "text, choice",
    [
        ("and with credits?", True),
        ("what if I want the credit bearing one", True),
        ("and without credits?", False),
        ("just for learning?", False),
        ("learning-only then?", False),
        ("what about genomics?", None),
    ],
)
def test_a_follow_up_can_say_with_or_without_credits(text, choice):
    assert credits_choice(text) is choice


@pytest.mark.parametrize(
    "text, count",
    [
        ("and for 3?", True),
        ("what about two of them", True),
        ("and that one?", False),
        ("and for one?", True),
        ("and genomics?", False),
    ],
)
def test_a_follow_up_can_give_a_count(text, count):
    assert names_a_count(text) is count


# Welsh follow-ups, as people type them (mutations: gredydau / chredydau, dri / bedwar / bump).
@pytest.mark.parametrize(
    "text, kind",
    [
        ("a'r un data?", AssessmentType.DATA_ANALYSIS),
        ("beth am y set ddata?", AssessmentType.DATA_ANALYSIS),
        ("a'r dadansoddi data?", AssessmentType.DATA_ANALYSIS),
        ("a be am yr adroddiad?", AssessmentType.REPORT),
        ("a'r traethawd?", AssessmentType.REPORT),
        ("a'r un ysgrifenedig?", AssessmentType.REPORT),
        ("a'r prawf?", AssessmentType.MASTERS_TEST),
        ("beth am yr arholiad?", AssessmentType.MASTERS_TEST),
        ("a'r prawf lefel meistr?", AssessmentType.MASTERS_TEST),
        ("beth am Genomics?", None),
        ("a gyda chredydau?", None),
        ("ac am 5?", None),
    ],
)
def test_a_welsh_follow_up_can_name_an_assessment_kind(text, kind):
    assert assessment_kind(text) == kind


@pytest.mark.parametrize(
    "text, choice",
    [
        ("a gyda chredydau?", True),
        ("ac efo credydau?", True),
        ("beth am gyda'r credydau?", True),
        ("a gyda chredyd?", True),
        ("a hebddyn nhw?", False),
        ("a hebddo fe?", False),
        ("a heb?", False),
        ("a heb gredydau?", False),
        ("heb y credydau?", False),
        ("dim credydau?", False),
        ("dysgu yn unig?", False),
        ("jyst i ddysgu?", False),
        ("beth am Genomics?", None),
        ("ac am 5?", None),
    ],
)
def test_a_welsh_follow_up_can_say_with_or_without_credits(text, choice):
    assert credits_choice(text) is choice


@pytest.mark.parametrize(
    "text, count",
    [
        ("ac am 5?", True),
        ("ac am dri?", True),
        ("a bedwar?", True),
        ("beth am bump ohonyn nhw?", True),
        ("ac am ddau?", True),
        ("ac am un?", True),
        ("a dim un?", True),
        ("a'r un data?", False),
        ("ydy'r un 'na ar gael?", False),
        ("yr un peth?", False),
        ("pa un?", False),
        ("beth am Genomics?", False),
        ("ydy hwnna'n bookable eto?", False),
    ],
)
def test_a_welsh_follow_up_can_give_a_count(text, count):
    assert names_a_count(text) is count
