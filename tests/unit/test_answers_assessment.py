"""One kind of final assessment (pure): its pass mark and courses from the policy and catalogue, in both languages."""

from __future__ import annotations

import dataclasses

import pytest

from bot.answers import assessment
from bot.answers.texts import templates
from bot.rules.model import AssessmentType


def test_the_english_kind_labels_of_the_texts_read_as_the_policy_labels(policy):
    for kind, rule in policy.assessments.items():
        assert templates("assessment")[f"kind_{kind.value}"]["en"].format(words=rule.words) == rule.label
        assert assessment.assessment_label(rule) == assessment.assessment_label(rule, "en") == rule.label


def test_the_kind_labels_say_no_number_of_their_own():
    for key, forms in templates("assessment").items():
        if key.startswith("kind_"):
            assert not any(char.isdigit() for form in forms.values() for char in form), key


@pytest.mark.parametrize("kind", list(AssessmentType))
def test_a_kind_pass_mark_comes_from_the_policy_and_names_the_courses_assessed_that_way(kind, catalogue, policy):
    rule = policy.assessments[kind]
    reply = assessment.kind_pass_mark(kind, catalogue, policy)
    assert reply.text.startswith(
        f"The {rule.label} needs a pass mark of {rule.pass_mark}%, and the result is recorded as pass or fail."
    )
    for course in catalogue:
        assert (course.title in reply.text) == (course.assessment == kind)
    assert [button.payload for button in reply.buttons] == ["/ask_grades", "/ask_courses"]


def test_without_the_catalogue_the_pass_mark_is_given_alone(policy):
    text = assessment.kind_pass_mark(AssessmentType.MASTERS_TEST, (), policy).text
    assert text == "The Master's-level test needs a pass mark of 70%, and the result is recorded as pass or fail."


def test_in_welsh_the_report_pass_mark_reads_in_welsh_with_the_policy_numbers(catalogue, policy):
    reply = assessment.kind_pass_mark(AssessmentType.REPORT, catalogue, policy, "cy")
    assert reply.text == (
        "Y marc llwyddo ar gyfer adroddiad 1500 gair yw 50%, a chaiff y canlyniad ei gofnodi fel 'llwyddo' neu "
        "'methu'. Cyrsiau sy'n cael eu hasesu fel hyn: Plant Breeding 3, Genomics 3, Livestock Science 3 a "
        "Bioinformatics 3."
    )
    assert [button.title for button in reply.buttons] == ["A fydda i'n cael gradd?", "Y cyrsiau sydd ar gael"]


def test_in_welsh_each_kind_has_its_welsh_name(policy):
    names = {kind: assessment.assessment_label(rule, "cy") for kind, rule in policy.assessments.items()}
    assert names == {
        AssessmentType.REPORT: f"adroddiad {policy.report_words} gair",
        AssessmentType.DATA_ANALYSIS: "dadansoddiad o set ddata",
        AssessmentType.MASTERS_TEST: "prawf lefel Meistr",
    }


def test_in_welsh_a_changed_pass_mark_or_word_count_in_the_policy_changes_the_answer(policy):
    report = dataclasses.replace(policy.assessments[AssessmentType.REPORT], words=2000, pass_mark=60)
    changed = dataclasses.replace(policy, assessments={**policy.assessments, AssessmentType.REPORT: report})
    text = assessment.kind_pass_mark(AssessmentType.REPORT, (), changed, "cy").text
    assert text.startswith("Y marc llwyddo ar gyfer adroddiad 2000 gair yw 60%,")
