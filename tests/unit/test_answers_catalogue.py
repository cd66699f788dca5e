"""Catalogue replies (pure): sets, bookable courses, availability wording, release dates and assessments.

Uses the small synthetic catalogue of tests/unit/conftest.py: four sets, each course N released on the 1st of
month 1 + 2N of 2025, the last course of each set not bookable.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

from bot.answers import catalogue as answers
from bot.rules.catalogue import sets
from bot.rules.model import AssessmentType

BEFORE_LAST_RELEASE = date(2025, 8, 1)  # courses 1-3 released, course 4 of each set not yet
AFTER_ALL_RELEASES = date(2026, 1, 1)


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def test_offer_lists_the_sets_and_the_bookable_courses(catalogue, policy):
    reply = answers.offer(catalogue, policy, BEFORE_LAST_RELEASE)
    names = [s.name for s in sets(catalogue)]
    assert f"Microcredentials come in sets: {names[0]}, {names[1]}, {names[2]} and {names[3]}." in reply.text
    for course in catalogue:
        assert (course.title in reply.text) == course.bookable
    assert policy.contact.course_list_url in reply.text


def test_offer_buttons_open_each_set(catalogue, policy):
    reply = answers.offer(catalogue, policy, BEFORE_LAST_RELEASE)
    for button, course_set in zip(reply.buttons, sets(catalogue), strict=False):
        intent, entities = button.payload.split("{", 1)
        assert intent == "/ask_courses"
        assert json.loads("{" + entities) == {"course_set": course_set.name}


def test_offer_without_anything_bookable_still_names_the_sets(catalogue, policy):
    closed = [dataclasses.replace(c, bookable=False) for c in catalogue]
    reply = answers.offer(closed, policy, BEFORE_LAST_RELEASE)
    assert "Bookable now" not in reply.text
    assert "Plant Breeding" in reply.text


def test_availability_of_a_bookable_course(course):
    assert answers.availability(course("PB1"), BEFORE_LAST_RELEASE) == "bookable now"


def test_availability_of_an_unreleased_course_gives_its_release_date(course):
    pb4 = course("PB4")
    assert pb4.release_date > BEFORE_LAST_RELEASE and not pb4.bookable
    assert answers.availability(pb4, BEFORE_LAST_RELEASE) == f"due for release on {long_date(pb4.release_date)}"


def test_availability_of_a_released_course_that_is_closed_for_booking(course):
    pb4 = course("PB4")
    assert answers.availability(pb4, AFTER_ALL_RELEASES) == (
        f"released on {long_date(pb4.release_date)}, not open for booking at the moment"
    )


def test_availability_on_the_release_day_counts_as_released(course):
    pb4 = course("PB4")
    assert answers.availability(pb4, pb4.release_date).startswith("released on")


def test_set_contents_lists_the_set_in_position_order_with_availability(catalogue):
    plant_breeding = next(s for s in sets(reversed(catalogue)) if s.code == "PB")
    reply = answers.set_contents(plant_breeding, BEFORE_LAST_RELEASE)
    assert reply.text.startswith(
        "The Plant Breeding set: Plant Breeding 1: bookable now; Plant Breeding 2: bookable now"
    )
    assert "Plant Breeding 4: due for release on" in reply.text


def test_bookable_now_lists_only_bookable_courses_and_where_to_book(catalogue, policy):
    reply = answers.bookable_now(catalogue, policy)
    for course in catalogue:
        assert (course.title in reply.text) == course.bookable
    assert policy.contact.booking_url in reply.text


def test_bookable_now_when_nothing_is_open_points_to_the_full_list(catalogue, policy):
    reply = answers.bookable_now([dataclasses.replace(c, bookable=False) for c in catalogue], policy)
    assert reply.text.startswith("Nothing is open for booking at this moment.")
    assert policy.contact.course_list_url in reply.text


def test_a_bookable_course_is_confirmed_with_the_booking_link(course, policy):
    reply = answers.course_bookable(course("GN2"), policy, BEFORE_LAST_RELEASE)
    assert reply.text == f"Yes, Genomics 2 is bookable now: book at {policy.contact.booking_url}."


def test_a_closed_course_says_why_it_cannot_be_booked(course, policy):
    gn4 = course("GN4")
    reply = answers.course_bookable(gn4, policy, BEFORE_LAST_RELEASE)
    assert (
        f"Genomics 4 isn't open for booking yet: it is due for release on {long_date(gn4.release_date)}." in reply.text
    )


def test_release_dates_list_upcoming_courses_soonest_first(catalogue):
    today = date(2025, 6, 15)
    reply = answers.release_dates(catalogue, today)
    upcoming = sorted((c for c in catalogue if c.release_date > today), key=lambda c: (c.release_date, c.code))
    assert reply.text == "Coming up: " + "; ".join(f"{c.title} on {long_date(c.release_date)}" for c in upcoming) + "."


def test_release_dates_when_everything_is_out(catalogue):
    assert (
        answers.release_dates(catalogue, AFTER_ALL_RELEASES).text
        == "Every microcredential in the current list has been released."
    )


def test_course_release_for_future_released_and_closed_courses(course):
    pb1, pb4 = course("PB1"), course("PB4")
    assert (
        answers.course_release(pb4, BEFORE_LAST_RELEASE).text
        == f"Plant Breeding 4 is due for release on {long_date(pb4.release_date)}."
    )
    assert answers.course_release(pb1, BEFORE_LAST_RELEASE).text == (
        f"Plant Breeding 1 was released on {long_date(pb1.release_date)} and is bookable now."
    )
    assert "but isn't open for booking at the moment" in answers.course_release(pb4, AFTER_ALL_RELEASES).text


def test_course_info_gives_set_description_assessment_and_availability(course, policy):
    gn2 = course("GN2")
    rule = policy.assessments[gn2.assessment]
    reply = answers.course_info(gn2, "Working with sequence data.", policy, BEFORE_LAST_RELEASE)
    assert reply.text == (
        f"Genomics 2 (GN2) is part of the Genomics set. Working with sequence data. Its final assessment is a "
        f"{rule.label} with a pass mark of {rule.pass_mark}%; it is bookable now."
    )


def test_course_info_without_a_description_skips_it(course, policy):
    assert "  " not in answers.course_info(course("GN2"), None, policy, BEFORE_LAST_RELEASE).text


@pytest.mark.parametrize("kind", list(AssessmentType))
def test_course_assessment_pass_mark_comes_from_policy(kind, course, policy):
    target = dataclasses.replace(course("LS1"), assessment=kind)
    reply = answers.course_assessment(target, policy)
    rule = policy.assessments[kind]
    assert f"ends with a {rule.label}, which needs a pass mark of {rule.pass_mark}%" in reply.text
    assert "pass or fail" in reply.text


def test_unknown_course_names_it_back_and_the_current_sets(catalogue):
    reply = answers.unknown_course("Horticulture 3", catalogue)
    assert reply.text == (
        "I couldn't find a microcredential called \u201cHorticulture 3\u201d, so it isn't one we offer. "
        "The current sets are Plant Breeding, Genomics, Livestock Science and Bioinformatics."
    )
    assert reply.buttons == (answers.Button("Courses on offer", "/ask_courses"),)


def test_unknown_course_links_the_full_list_when_given_the_policy(catalogue, policy):
    reply = answers.unknown_course("Soil Science", catalogue, policy)
    assert reply.text.endswith(f"; the full list with release dates is at {policy.contact.course_list_url}.")


def test_unknown_course_asks_did_you_mean_with_a_button_for_each(catalogue, policy):
    reply = answers.unknown_course("plant breding", catalogue, policy, ["Plant Breeding", "Genomics 2"])
    assert (
        "\u201cPlant Breding\u201d, so it isn't one we offer. Did you mean Plant Breeding or Genomics 2?" in reply.text
    )
    payloads = [button.payload for button in reply.buttons]
    assert payloads[:2] == ['/ask_courses{"course_set": "Plant Breeding"}', '/ask_course_info{"course": "Genomics 2"}']
    assert payloads[-1] == "/ask_courses"


def test_unknown_course_ignores_suggestions_that_are_not_in_the_catalogue(catalogue):
    reply = answers.unknown_course("Soil Science", catalogue, None, ["Soil Health"])
    assert "Did you mean" not in reply.text


def test_a_name_typed_in_lower_case_is_said_back_capitalised():
    assert answers.shown_name("soil  science") == "Soil Science"
    assert answers.shown_name("DNA barcoding") == "DNA barcoding"


# --- in Welsh ----------------------------------------------------------------------------------------------------


def test_in_welsh_availability_gives_the_release_date_with_welsh_month_names(course):
    pb4 = course("PB4")
    assert answers.availability(course("PB1"), BEFORE_LAST_RELEASE, "cy") == "ar gael i'w archebu nawr"
    assert answers.availability(pb4, BEFORE_LAST_RELEASE, "cy") == "i'w ryddhau ar 1 Medi 2025"
    assert answers.availability(pb4, AFTER_ALL_RELEASES, "cy") == (
        "wedi'i ryddhau ar 1 Medi 2025, ond nid yw ar agor i'w archebu ar hyn o bryd"
    )


def test_in_welsh_a_course_bookable_before_its_release_says_when_it_starts(course):
    early = dataclasses.replace(course("PB4"), bookable=True)
    assert answers.availability(early, BEFORE_LAST_RELEASE, "cy") == (
        "ar gael i'w archebu nawr, yn dechrau ar 1 Medi 2025"
    )


def test_in_welsh_the_offer_names_the_sets_joined_in_welsh_and_its_buttons_open_each_set(catalogue, policy):
    reply = answers.offer(catalogue, policy, BEFORE_LAST_RELEASE, "cy")
    assert reply.text.startswith(
        "Mae microgymwysterau'n dod mewn setiau: Plant Breeding, Genomics, Livestock Science a Bioinformatics. "
        "Ar gael i'w harchebu nawr: "
    )
    assert reply.text.endswith(f"Mae'r rhestr lawn, gyda'r dyddiadau rhyddhau, yn {policy.contact.course_list_url}.")
    assert [button.title for button in reply.buttons][:2] == ["Y set Plant Breeding", "Y set Genomics"]
    assert [b.payload for b in reply.buttons] == [
        b.payload for b in answers.offer(catalogue, policy, BEFORE_LAST_RELEASE).buttons
    ]


def test_in_welsh_a_set_lists_its_courses_and_the_way_to_an_msc(catalogue):
    plant_breeding = next(s for s in sets(catalogue) if s.code == "PB")
    reply = answers.set_contents(plant_breeding, BEFORE_LAST_RELEASE, "cy")
    assert reply.text.startswith("Y set Plant Breeding: Plant Breeding 1: ar gael i'w archebu nawr; ")
    assert reply.text.endswith(
        "Plant Breeding 4: i'w ryddhau ar 1 Medi 2025. Gall pasio pob cwrs mewn un set gyfrif tuag at MSc."
    )
    assert [button.title for button in reply.buttons] == [
        "Tuag at MSc",
        "Beth alla i ei archebu nawr?",
        "Faint mae'n ei gostio?",
    ]


def test_in_welsh_booking_answers_give_the_booking_link_or_say_why_not(catalogue, course, policy):
    assert answers.course_bookable(course("GN2"), policy, BEFORE_LAST_RELEASE, "cy").text == (
        f"Ydy, mae Genomics 2 ar gael i'w archebu nawr: archebwch yn {policy.contact.booking_url}."
    )
    assert answers.course_bookable(course("GN4"), policy, BEFORE_LAST_RELEASE, "cy").text.startswith(
        "Nid yw Genomics 4 ar agor i'w archebu eto: mae'r cwrs i'w ryddhau ar 1 Medi 2025."
    )
    assert answers.bookable_now(catalogue, policy, "cy").text.startswith(
        "Gallwch archebu'r rhain nawr: Plant Breeding 1,"
    )
    closed = [dataclasses.replace(c, bookable=False) for c in catalogue]
    assert answers.bookable_now(closed, policy, "cy").text.startswith("Does dim byd ar agor i'w archebu ar hyn o bryd.")


def test_in_welsh_release_dates_use_welsh_months(catalogue, course):
    reply = answers.release_dates(catalogue, date(2025, 6, 15), "cy")
    assert reply.text.startswith("Yn dod yn fuan: Bioinformatics 3 ar 1 Gorffennaf 2025; ")
    assert reply.text.endswith("; Plant Breeding 4 ar 1 Medi 2025.")
    assert answers.release_dates(catalogue, AFTER_ALL_RELEASES, "cy").text == (
        "Mae pob microgymhwyster yn y rhestr bresennol wedi'i ryddhau."
    )
    assert answers.course_release(course("PB4"), BEFORE_LAST_RELEASE, "cy").text == (
        "Bydd Plant Breeding 4 yn cael ei ryddhau ar 1 Medi 2025."
    )
    assert answers.course_release(course("PB1"), BEFORE_LAST_RELEASE, "cy").text == (
        "Cafodd Plant Breeding 1 ei ryddhau ar 1 Mawrth 2025, ac mae'r cwrs ar gael i'w archebu nawr."
    )
    assert answers.course_release(course("PB4"), AFTER_ALL_RELEASES, "cy").text == (
        "Cafodd Plant Breeding 4 ei ryddhau ar 1 Medi 2025, ond nid yw ar agor i'w archebu ar hyn o bryd."
    )


def test_in_welsh_course_info_names_the_assessment_in_welsh_with_the_policy_pass_mark(course, policy):
    gn2 = course("GN2")
    rule = policy.assessments[gn2.assessment]
    reply = answers.course_info(gn2, None, policy, BEFORE_LAST_RELEASE, "cy")
    assert reply.text == (
        f"Mae Genomics 2 (GN2) yn rhan o'r set Genomics. Ei asesiad terfynol yw prawf lefel Meistr â marc llwyddo o "
        f"{rule.pass_mark}%, ac mae'r cwrs ar gael i'w archebu nawr."
    )
    assert reply.buttons[0].title == "Y set Genomics"


def test_in_welsh_the_report_keeps_the_word_count_of_the_policy(course, policy):
    target = dataclasses.replace(course("LS1"), assessment=AssessmentType.REPORT)
    longer = dataclasses.replace(
        policy,
        assessments={
            **policy.assessments,
            AssessmentType.REPORT: dataclasses.replace(policy.assessments[AssessmentType.REPORT], words=2500),
        },
    )
    text = answers.course_assessment(target, longer, "cy").text
    assert text.startswith(
        "Yr asesiad terfynol ar gyfer Livestock Science 1 yw adroddiad 2500 gair, sydd â marc llwyddo o 50%."
    )


@pytest.mark.parametrize("kind", list(AssessmentType))
def test_in_welsh_a_course_assessment_is_recorded_as_pass_or_fail(kind, course, policy):
    target = dataclasses.replace(course("LS1"), assessment=kind)
    reply = answers.course_assessment(target, policy, "cy")
    assert f"sydd â marc llwyddo o {policy.assessments[kind].pass_mark}%." in reply.text
    assert reply.text.endswith(
        "Dim ond os ydych chi am ennill y credydau y mae angen i chi ei sefyll, a chaiff y canlyniad ei gofnodi fel "
        "'llwyddo' neu 'methu'."
    )
    assert [button.title for button in reply.buttons] == ["A fydda i'n cael gradd?", "Credydau"]


def test_in_welsh_an_unknown_course_is_named_back_with_suggestions_joined_by_neu(catalogue, policy):
    reply = answers.unknown_course("plant breding", catalogue, policy, ["Plant Breeding", "Genomics 2"], "cy")
    assert reply.text.startswith(
        "Allwn i ddim dod o hyd i ficrogymhwyster o'r enw \u201cPlant Breding\u201d, felly nid yw'n un rydyn ni'n ei "
        "gynnig. Oeddech chi'n golygu Plant Breeding neu Genomics 2? Y setiau presennol yw Plant Breeding, Genomics, "
        "Livestock Science a Bioinformatics; mae'r rhestr lawn"
    )
    assert [button.title for button in reply.buttons] == [
        "Y set Plant Breeding",
        "Genomics 2",
        "Y cyrsiau sydd ar gael",
    ]
    assert answers.unknown_course("Soil Science", catalogue, None, (), "cy").text.endswith(
        "Y setiau presennol yw Plant Breeding, Genomics, Livestock Science a Bioinformatics."
    )
