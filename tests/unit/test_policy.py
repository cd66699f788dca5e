"""bot/policy.yaml and its loader: the one place the programme's numbers live."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Callable, Dict

import pytest
import yaml

from bot.files.policy import DEFAULT_POLICY_PATH, PolicyError, get_policy, load_policy, parse_policy
from bot.rules.model import AssessmentType
from bot.rules.money import format_money
from bot.rules.policy import Policy

# ---------------------------------------------------------------------------------------------
# The file holds the page's numbers (the only test that spells them out: every other test
# compares against the policy object).
# ---------------------------------------------------------------------------------------------


def test_policy_file_holds_the_pages_numbers(policy: Policy) -> None:
    assert (policy.learning_fee, policy.credit_fee, policy.top_up) == (100_00, 250_00, 150_00)
    assert policy.credits_per_microcredential == 5
    assert policy.completion_weeks == 8
    assert policy.registration_months == 12
    assert policy.academic_year_start_month == 9
    assert policy.report_words == 1500
    assert {kind: rule.pass_mark for kind, rule in policy.assessments.items()} == {
        AssessmentType.REPORT: 50,
        AssessmentType.DATA_ANALYSIS: 50,
        AssessmentType.MASTERS_TEST: 70,
    }
    assert policy.assessments[AssessmentType.REPORT].label == "1500-word report"
    assert policy.assessments[AssessmentType.DATA_ANALYSIS].label == "data set analysis"
    assert policy.assessments[AssessmentType.MASTERS_TEST].label == "Master's-level test"
    assert policy.outcome_values == ("pass", "fail")
    assert (policy.set_size, policy.exemption_credits, policy.max_recognised_credits) == (4, 20, 20)
    assert policy.eligible_programmes == ("MSc BioInnovation", "MSc Agrifood Innovation")
    assert policy.module_credits == 20
    assert policy.deduction_counts_top_ups is True
    assert policy.deduction_cap_modules == 1


def test_values_the_page_does_not_give_are_marked_sample(policy: Policy) -> None:
    contact_keys = {f"contact.{item.name}" for item in dataclasses.fields(policy.contact)}
    assert policy.sample_keys == {"module_fee", *contact_keys}
    assert policy.is_sample("module_fee")
    assert not policy.is_sample("learning_fee")


def test_module_fee_sample_value_is_loaded_in_pence(policy: Policy) -> None:
    assert policy.module_fee > 0
    assert policy.deduction_cap == policy.deduction_cap_modules * policy.module_fee


def test_contact_values_look_like_addresses(policy: Policy) -> None:
    assert "@" in policy.contact.enquiry_email
    assert all(url.startswith("https://") for url in dataclasses.astuple(policy.contact)[1:])


def test_policy_file_says_it_is_the_one_place_to_edit_numbers() -> None:
    header = DEFAULT_POLICY_PATH.read_text(encoding="utf-8").splitlines()[:10]
    assert any("ONE PLACE TO EDIT NUMBERS" in line for line in header)


def test_get_policy_is_loaded_once_and_equals_the_file() -> None:
    assert get_policy() is get_policy()
    assert get_policy() == load_policy(DEFAULT_POLICY_PATH)


def test_policy_is_frozen_and_hashable(policy: Policy) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        policy.learning_fee = 0  # type: ignore[misc]
    assert hash(policy) == hash(load_policy())


# ---------------------------------------------------------------------------------------------
# Numbers a user-facing text may state
# ---------------------------------------------------------------------------------------------


def test_stated_numbers_cover_fees_in_pounds_and_every_count(policy: Policy) -> None:
    numbers = policy.stated_numbers()
    pounds = {fee // 100 for fee in (policy.learning_fee, policy.credit_fee, policy.top_up, policy.module_fee)}
    assert pounds <= numbers
    assert {
        policy.credits_per_microcredential,
        policy.completion_weeks,
        policy.registration_months,
        policy.registration_months // 12,
        policy.report_words,
        policy.set_size,
        policy.exemption_credits,
        policy.max_recognised_credits,
        policy.module_credits,
        len(policy.eligible_programmes),
        *(rule.pass_mark for rule in policy.assessments.values()),
    } <= numbers


def test_stated_numbers_leave_out_the_month_number(policy: Policy) -> None:
    assert policy.academic_year_start_month not in policy.stated_numbers()  # said as "September"


def test_stated_numbers_keep_pence_and_skip_years_for_odd_months(policy: Policy) -> None:
    odd = dataclasses.replace(policy, module_fee=policy.module_fee + 50, registration_months=18)
    numbers = odd.stated_numbers()
    assert (policy.module_fee + 50) / 100 in numbers
    assert 18 in numbers and 1.5 not in numbers


# ---------------------------------------------------------------------------------------------
# format_money
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pence", "text"),
    [(0, "£0"), (5, "£0.05"), (1250, "£12.50"), (34500, "£345"), (234500, "£2,345"), (123456789, "£1,234,567.89")],
)
def test_format_money(pence: int, text: str) -> None:
    assert format_money(pence) == text


def test_format_money_shows_a_negative_sign() -> None:
    assert format_money(-1250) == "-£12.50"


def test_format_money_of_policy_fees(policy: Policy) -> None:
    assert format_money(policy.credit_fee) == f"£{policy.credit_fee // 100}"


# ---------------------------------------------------------------------------------------------
# Loader errors name the key
# ---------------------------------------------------------------------------------------------

Edit = Callable[[Dict[str, Any]], None]


def _set(path: str, value: Any) -> Edit:
    def edit(document: Dict[str, Any]) -> None:
        *parents, last = path.split(".")
        for key in parents:
            document = document[key]
        document[last] = value

    return edit


def _delete(path: str) -> Edit:
    def edit(document: Dict[str, Any]) -> None:
        *parents, last = path.split(".")
        for key in parents:
            document = document[key]
        del document[last]

    return edit


def _write(tmp_path: Path, edit: Edit) -> Path:
    document = yaml.safe_load(DEFAULT_POLICY_PATH.read_text(encoding="utf-8"))
    edit(document)
    target = tmp_path / "policy.yaml"
    target.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return target


BAD_VALUES = [
    pytest.param(_delete("credit_fee"), "credit_fee", "missing", id="missing-key"),
    pytest.param(_delete("contact.booking_url"), "contact.booking_url", "missing", id="missing-nested-key"),
    pytest.param(_set("learning_fee", "-£7"), "learning_fee", "negative", id="negative-money"),
    pytest.param(_set("learning_fee", "£-7"), "learning_fee", "negative", id="negative-money-after-sign"),
    pytest.param(_set("credit_fee", 7), "credit_fee", "pounds", id="money-as-bare-number"),
    pytest.param(_set("credit_fee", "7 pounds"), "credit_fee", "pounds", id="money-without-pound-sign"),
    pytest.param(_set("credit_fee", "£7.5"), "credit_fee", "pounds", id="money-with-one-pence-digit"),
    pytest.param(_set("set_size", "four"), "set_size", "whole number", id="count-as-text"),
    pytest.param(_set("set_size", True), "set_size", "whole number", id="count-as-boolean"),
    pytest.param(_set("completion_weeks", 0), "completion_weeks", "at least 1", id="zero-count"),
    pytest.param(_set("completion_weeks", 8.5), "completion_weeks", "whole number", id="fractional-count"),
    pytest.param(_set("academic_year_start_month", 13), "academic_year_start_month", "between", id="month-13"),
    pytest.param(
        _set("assessments.masters_test.pass_mark", 101),
        "assessments.masters_test.pass_mark",
        "between",
        id="pass-mark-above-100",
    ),
    pytest.param(
        _set("assessments.report.pass_mark", -1), "assessments.report.pass_mark", "between", id="pass-mark-below-0"
    ),
    pytest.param(
        _set("assessments.essay", {"label": "essay", "pass_mark": 40}),
        "assessments.essay",
        "unknown assessment type",
        id="unknown-assessment-type",
    ),
    pytest.param(
        _delete("assessments.data_analysis"), "assessments.data_analysis", "missing", id="missing-assessment-type"
    ),
    pytest.param(_delete("assessments.report.words"), "assessments.report.words", "missing", id="report-words-missing"),
    pytest.param(
        _set("assessments.data_analysis.label", "{rows}-row analysis"),
        "assessments.data_analysis.label",
        "placeholder",
        id="unknown-label-placeholder",
    ),
    pytest.param(
        _set("assessments.data_analysis.label", "  "), "assessments.data_analysis.label", "empty", id="empty-label"
    ),
    pytest.param(
        _set("assessments.report.grade", "A"), "assessments.report.grade", "unknown key", id="unknown-nested-key"
    ),
    pytest.param(_set("assessments", ["report"]), "assessments", "mapping", id="section-not-a-mapping"),
    pytest.param(_set("outcome_values", ["pass", "merit"]), "outcome_values", "pass or fail", id="graded-outcomes"),
    pytest.param(_set("outcome_values", ["pass", "fail", "pass"]), "outcome_values", "repeat", id="repeated-outcome"),
    pytest.param(_set("eligible_programmes", []), "eligible_programmes", "non-empty list", id="no-programmes"),
    pytest.param(
        _set("eligible_programmes", ["MSc BioInnovation", 7]), "eligible_programmes", "text", id="programme-not-text"
    ),
    pytest.param(
        _set("deduction_counts_top_ups", "yes"), "deduction_counts_top_ups", "true or false", id="flag-as-text"
    ),
    pytest.param(_set("contact.enquiry_email", "nobody"), "contact.enquiry_email", "e-mail", id="bad-email"),
    pytest.param(_set("contact.booking_url", "www.example.org"), "contact.booking_url", "http", id="bad-url"),
    pytest.param(_set("contact.privacy_url", 42), "contact.privacy_url", "text", id="url-not-text"),
    pytest.param(_set("learning_fees", "£7"), "learning_fees", "unknown key", id="misspelt-key"),
    pytest.param(
        _set("module_fee", {"value": "£7", "sample": "yes"}),
        "module_fee.sample",
        "true or false",
        id="sample-marker-not-boolean",
    ),
    pytest.param(
        _set("module_fee", {"value": "£7", "sample": True, "note": "x"}),
        "module_fee",
        "exactly the keys",
        id="sample-marker-extra-key",
    ),
    pytest.param(_set("top_up", "£1"), "top_up", "must equal credit_fee", id="top-up-does-not-add-up"),
    pytest.param(_set("set_size", 5), "exemption_credits", "set_size", id="exemption-not-a-full-set"),
]


@pytest.mark.parametrize(("edit", "key", "problem"), BAD_VALUES)
def test_bad_value_raises_policy_error_naming_the_key(tmp_path: Path, edit: Edit, key: str, problem: str) -> None:
    with pytest.raises(PolicyError) as caught:
        load_policy(_write(tmp_path, edit))
    assert caught.value.key == key
    assert f": {key}: " in str(caught.value)
    assert problem in caught.value.problem


def test_sample_marker_set_to_false_is_a_real_value(tmp_path: Path) -> None:
    policy = load_policy(_write(tmp_path, _set("module_fee", {"value": "£1,250.50", "sample": False})))
    assert policy.module_fee == 1_250_50
    assert "module_fee" not in policy.sample_keys


def test_replaced_sample_value_is_no_longer_listed(tmp_path: Path) -> None:
    policy = load_policy(_write(tmp_path, _set("contact.enquiry_email", "dl@aber.example")))
    assert policy.contact.enquiry_email == "dl@aber.example"
    assert "contact.enquiry_email" not in policy.sample_keys


def test_money_without_thousands_separator_is_accepted(tmp_path: Path) -> None:
    assert load_policy(_write(tmp_path, _set("module_fee", "£1234"))).module_fee == 1234_00


def test_missing_file_is_a_policy_error(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="cannot read"):
        load_policy(tmp_path / "absent.yaml")


def test_invalid_yaml_is_a_policy_error(tmp_path: Path) -> None:
    target = tmp_path / "policy.yaml"
    target.write_text("learning_fee: [unclosed\n", encoding="utf-8")
    with pytest.raises(PolicyError, match="not valid YAML"):
        load_policy(target)


def test_document_must_be_a_mapping() -> None:
    with pytest.raises(PolicyError, match="mapping"):
        parse_policy(["learning_fee"])
