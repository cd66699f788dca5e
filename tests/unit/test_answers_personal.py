"""Personal replies (pure): credits, the exemption, the deduction, the top-up, registration and assessments.

Uses the synthetic catalogue and `enrol` helper of tests/unit/conftest.py (course 4 of each set is released on
1 September 2025 and is not bookable).
"""

from __future__ import annotations

from datetime import date

from bot.answers import personal
from bot.answers.personal import Voice
from bot.answers.texts import templates
from bot.rules import best_exemption, exemption_with_deduction, reported_outcome, reregistration, upgrade_deduction
from bot.rules.model import Learner, Outcome
from bot.rules.money import format_money

BEFORE_PB4 = date(2025, 8, 1)
AFTER_PB4 = date(2026, 1, 5)
YOU = Voice.for_learner()


def learner(*enrolments, learner_id="L0100", name="Alex Morgan") -> Learner:
    return Learner(learner_id=learner_id, name=name, email="alex@example.org", enrolments=tuple(enrolments))


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


# --- the exemption -------------------------------------------------------------------------------


def test_three_of_four_names_the_missing_course_and_when_it_is_released(enrol, catalogue, course, policy):
    alex = learner(enrol("PB1"), enrol("PB2", "topped_up"), enrol("PB3"))
    reply = personal.exemption(policy, alex, catalogue, YOU, BEFORE_PB4)
    pb4 = course("PB4")
    assert reply.text == (
        f"3 of {policy.set_size} in Plant Breeding: you still need Plant Breeding 4 "
        f"(due for release on {long_date(pb4.release_date)})."
    )


def test_three_of_four_after_release_says_the_missing_course_is_closed_for_booking(enrol, catalogue, policy):
    alex = learner(enrol("PB1"), enrol("PB2"), enrol("PB3"))
    reply = personal.exemption(policy, alex, catalogue, YOU, AFTER_PB4)
    assert "Plant Breeding 4 (released on 1 September 2025, not open for booking at the moment)" in reply.text


def test_a_failed_or_learning_only_course_does_not_count_towards_the_set(enrol, catalogue, policy):
    alex = learner(enrol("PB1"), enrol("PB2", outcome=Outcome.FAIL), enrol("PB3", "learning", Outcome.PASS))
    reply = personal.exemption(policy, alex, catalogue, YOU, BEFORE_PB4)
    assert reply.text.startswith(f"1 of {policy.set_size} in Plant Breeding:")
    assert "Plant Breeding 2" in reply.text and "Plant Breeding 3" in reply.text


def test_a_complete_set_can_be_recognised_on_the_eligible_programmes_only(enrol, catalogue, policy):
    alex = learner(*(enrol(f"GN{n}") for n in range(1, policy.set_size + 1)))
    reply = personal.exemption(policy, alex, catalogue, YOU, AFTER_PB4)
    assert f"completed the Genomics set, so {policy.exemption_credits} credits can be recognised" in reply.text
    assert " or ".join(policy.eligible_programmes) in reply.text


def test_two_complete_sets_are_not_covered_and_are_referred_to_the_team(enrol, catalogue, policy):
    alex = learner(*(enrol(f"{code}{n}") for code in ("PB", "LS") for n in range(1, policy.set_size + 1)))
    position = best_exemption(policy, alex.enrolments, catalogue)
    reply = personal.exemption(policy, alex, catalogue, YOU, AFTER_PB4)
    assert position.note is not None and position.counted_set is None
    assert "completed Plant Breeding and Livestock Science" in reply.text
    assert f"limited to {policy.max_recognised_credits} credits from one set" in reply.text
    assert position.note.advice in reply.text
    assert f"{2 * policy.exemption_credits} credits" not in reply.text


def test_no_passes_yet_explains_what_the_exemption_needs(enrol, catalogue, policy):
    alex = learner(enrol("BI1", "learning", Outcome.NONE))
    reply = personal.exemption(policy, alex, catalogue, YOU, BEFORE_PB4)
    assert reply.text == (
        f"You have not passed any courses with credits yet. The exemption needs all {policy.set_size} courses "
        "of one set passed with credits."
    )


# --- credits -------------------------------------------------------------------------------------


def test_credits_count_each_course_passed_with_credits_once(enrol, policy):
    alex = learner(
        enrol("PB1", registered_on=date(2025, 1, 6)), enrol("PB1", registered_on=date(2025, 6, 2)), enrol("GN1")
    )
    reply = personal.credits(policy, alex, YOU)
    assert reply.text == (
        f"You have earned {2 * policy.credits_per_microcredential} credits: "
        f"{policy.credits_per_microcredential} each for Genomics 1 and Plant Breeding 1."
    )


def test_no_credits_mentions_results_still_pending(enrol, policy):
    alex = learner(enrol("GN1", "topped_up", Outcome.PENDING), enrol("GN2", "learning", Outcome.PENDING))
    reply = personal.credits(policy, alex, YOU)
    assert "Results are still pending for Genomics 1." in reply.text  # GN2 is learning only: no credit result


def test_staff_hear_about_the_learner_by_name(enrol, policy):
    alex = learner(enrol("PB1"))
    reply = personal.credits(policy, alex, Voice.for_staff(alex))
    assert reply.text.startswith(
        f"Alex Morgan (L0100): Alex Morgan has earned {policy.credits_per_microcredential} credits"
    )


# --- the deduction and the top-up ----------------------------------------------------------------


def test_deduction_shows_each_payment_and_the_cap(enrol, catalogue, policy):
    alex = learner(enrol("PB1", "topped_up"), enrol("GN1", "learning"))
    reply = personal.deduction(policy, alex, catalogue, YOU)
    spent = policy.learning_fee + policy.top_up + policy.learning_fee
    assert (
        f"Plant Breeding 1: {format_money(policy.learning_fee)} learning fee + {format_money(policy.top_up)} top-up "
        f"= {format_money(policy.learning_fee + policy.top_up)}"
    ) in reply.text
    assert f"Total spent {format_money(spent)}" in reply.text
    assert f"= {format_money(policy.deduction_cap)}" in reply.text
    assert f"module: {format_money(min(spent, policy.deduction_cap))}." in reply.text


def test_deduction_over_the_cap_says_the_cap(enrol, catalogue, policy):
    many = [enrol(f"{code}{n}") for code in ("PB", "GN") for n in range(1, policy.set_size + 1)]
    alex = learner(*many)
    result = upgrade_deduction(policy, alex.enrolments)
    assert result.capped
    text = personal.deduction(policy, alex, catalogue, YOU).text
    assert f"module: {format_money(policy.deduction_cap)} (the cap)" in text
    assert exemption_with_deduction(policy).advice in text  # a complete set: both reliefs are not covered


def test_nothing_paid_means_nothing_to_deduct(catalogue, policy):
    assert "nothing to deduct" in personal.deduction(policy, learner(), catalogue, YOU).text


def test_top_up_lists_only_learning_only_enrolments(enrol, policy):
    alex = learner(enrol("PB1", "learning", Outcome.NONE), enrol("PB2", "topped_up"), enrol("PB3", "credit"))
    reply = personal.top_up(policy, alex, YOU)
    assert f"Plant Breeding 1: {format_money(policy.top_up)}" in reply.text
    assert "Plant Breeding 2" not in reply.text and "Plant Breeding 3" not in reply.text


def test_no_top_up_when_every_enrolment_includes_credits(enrol, policy):
    reply = personal.top_up(policy, learner(enrol("PB1", "credit")), YOU)
    assert reply.text == "There's no top-up to pay: your enrolments already include credits, or there are none."


# --- registration and assessments ----------------------------------------------------------------


def test_registration_spanning_september_says_when_to_re_register(enrol, policy):
    registered = date(2025, 7, 7)
    alex = learner(enrol("PB1", registered_on=registered))
    period = reregistration(policy, registered, date(2025, 8, 1))
    reply = personal.registration(policy, alex, YOU, date(2025, 8, 1))
    assert reply.text == (
        f"Plant Breeding 1: registered until {long_date(period.ends)}; re-register on "
        f"{long_date(period.reregister_on)}, when the new academic year starts."
    )


def test_registration_after_september_says_re_registration_was_due(enrol, policy):
    registered = date(2025, 7, 7)
    reply = personal.registration(policy, learner(enrol("PB1", registered_on=registered)), YOU, date(2025, 10, 1))
    assert "so re-registration was due then" in reply.text


def test_an_ended_registration_says_so(enrol, policy):
    reply = personal.registration(policy, learner(enrol("PB1", registered_on=date(2024, 1, 8))), YOU, date(2025, 6, 1))
    assert reply.text.endswith("(ended).")


def test_assessments_give_each_pass_mark_from_the_policy_and_never_a_mark(enrol, policy):
    alex = learner(
        enrol("PB1", outcome=Outcome.PASS), enrol("PB2", outcome=Outcome.FAIL), enrol("PB3", outcome=Outcome.PENDING)
    )
    text = personal.assessments(policy, alex, YOU).text
    for enrolment, result in zip(alex.enrolments, ("pass", "fail", "pending"), strict=False):
        rule = policy.assessments[enrolment.course.assessment]
        assert f"{enrolment.course.title}: {rule.label}, pass mark {rule.pass_mark}%, result: {result}" in text
    assert "pass or fail only" in text


def test_enrolments_give_each_status(enrol, policy):
    alex = learner(enrol("PB1", "learning", Outcome.NONE), enrol("GN1", "credit", Outcome.PASS))
    assert personal.enrolments(policy, alex, YOU).text == (
        "Enrolments: Plant Breeding 1 (learning only); Genomics 1 (with credits, result: pass)."
    )


# --- in Welsh ------------------------------------------------------------------------------------
# The same answers in Welsh: to the learner ("Rydych chi wedi...") and to staff about a named learner ("Mae Alex
# wedi..."), with the owner after the noun ("cofrestriadau Alex Morgan") and the staff prefix kept.


def staff_about(alex: Learner) -> Voice:
    return Voice.for_staff(alex)


def test_in_welsh_the_learner_hears_their_credits_in_welsh(enrol, policy):
    alex = learner(enrol("PB1"), enrol("GN1"))
    reply = personal.credits(policy, alex, YOU, "cy")
    each = policy.credits_per_microcredential
    assert reply.text == (f"Rydych chi wedi ennill {2 * each} credyd: {each} yr un am Genomics 1 a Plant Breeding 1.")
    assert [button.title for button in reply.buttons] == ["Cynnydd tuag at yr eithriad", "Didyniad uwchraddio"]


def test_in_welsh_staff_hear_about_the_learner_by_name_after_the_prefix(enrol, policy):
    alex = learner(enrol("PB1"))
    reply = personal.credits(policy, alex, staff_about(alex), "cy")
    assert reply.text == (
        f"Alex Morgan (L0100): Mae Alex Morgan wedi ennill {policy.credits_per_microcredential} credyd: "
        f"{policy.credits_per_microcredential} yr un am Plant Breeding 1."
    )


def test_in_welsh_no_credits_yet_names_the_results_still_pending(enrol, policy):
    alex = learner(enrol("GN1", "topped_up", Outcome.PENDING))
    text = personal.credits(policy, alex, staff_about(alex), "cy").text
    assert text.startswith("Alex Morgan (L0100): Dydy Alex Morgan ddim wedi ennill unrhyw gredydau eto.")
    assert "Mae'r canlyniadau ar gyfer Genomics 1 yn yr arfaeth o hyd." in text


def test_in_welsh_three_of_four_names_the_missing_course_and_its_release_in_welsh(enrol, catalogue, policy):
    alex = learner(enrol("PB1"), enrol("PB2", "topped_up"), enrol("PB3"))
    assert personal.exemption(policy, alex, catalogue, YOU, BEFORE_PB4, "cy").text == (
        f"3 o {policy.set_size} yn Plant Breeding: mae angen Plant Breeding 4 (i'w ryddhau ar 1 Medi 2025) "
        "arnoch chi o hyd."
    )
    staff = personal.exemption(policy, alex, catalogue, staff_about(alex), BEFORE_PB4, "cy").text
    assert staff.endswith("mae angen Plant Breeding 4 (i'w ryddhau ar 1 Medi 2025) ar Alex Morgan o hyd.")


def test_in_welsh_a_complete_set_can_be_recognised_on_the_eligible_programmes(enrol, catalogue, policy):
    alex = learner(*(enrol(f"GN{n}") for n in range(1, policy.set_size + 1)))
    text = personal.exemption(policy, alex, catalogue, YOU, AFTER_PB4, "cy").text
    assert text.startswith(
        f"Rydych chi wedi cwblhau'r set Genomics, felly gellir cydnabod {policy.exemption_credits} credyd tuag at "
    )
    assert " neu ".join(policy.eligible_programmes) in text
    assert text.endswith("Mae'n werth siarad â'r tîm yn gyntaf.")


def test_in_welsh_two_complete_sets_are_referred_to_the_team_in_welsh(enrol, catalogue, policy):
    alex = learner(*(enrol(f"{code}{n}") for code in ("PB", "LS") for n in range(1, policy.set_size + 1)))
    reply = personal.exemption(policy, alex, catalogue, staff_about(alex), AFTER_PB4, "cy")
    assert reply.text.startswith(
        "Alex Morgan (L0100): Mae Alex Morgan wedi cwblhau Plant Breeding a Livestock Science, ond dim ond "
        f"{policy.max_recognised_credits} credyd o un set y gellir eu cydnabod."
    )
    assert "gofynnwch i'r tîm ymholiadau." in reply.text
    assert [button.title for button in reply.buttons] == ["Cysylltu â'r tîm"]


def test_in_welsh_the_deduction_comes_off_the_named_learners_first_module(enrol, catalogue, policy):
    alex = learner(enrol("PB1", "topped_up"))
    counted = format_money(policy.learning_fee + policy.top_up)
    mine = personal.deduction(policy, alex, catalogue, YOU, "cy").text
    assert f"Didynnir o'ch modiwl {policy.module_credits} credyd cyntaf: {counted}." in mine
    theirs = personal.deduction(policy, alex, catalogue, staff_about(alex), "cy").text
    assert f"Didynnir o fodiwl {policy.module_credits} credyd cyntaf Alex Morgan: {counted}." in theirs
    assert "Alex Morgan's" not in theirs


def test_in_welsh_a_complete_set_and_the_deduction_together_are_not_covered(enrol, catalogue, policy):
    alex = learner(*(enrol(f"GN{n}") for n in range(1, policy.set_size + 1)))
    text = personal.deduction(policy, alex, catalogue, YOU, "cy").text
    assert (
        f"A all yr un microgymwysterau roi'r eithriad {policy.exemption_credits} credyd a'r didyniad o ffi'r modiwl "
        "cyntaf? Nid yw'r rheolau cyhoeddedig yn ymdrin â hyn: gofynnwch i'r tîm ymholiadau."
    ) in text


def test_in_welsh_nothing_paid_means_nothing_to_deduct(catalogue, policy):
    assert personal.deduction(policy, learner(), catalogue, YOU, "cy").text == (
        "Dydych chi ddim wedi talu am unrhyw ficrogymwysterau eto, felly does dim i'w ddidynnu."
    )


def test_in_welsh_the_top_up_due_and_none_due(enrol, policy):
    alex = learner(enrol("PB1", "learning", Outcome.NONE))
    text = personal.top_up(policy, alex, YOU, "cy").text
    assert text.startswith(
        f"Y ffi ychwanegol er mwyn i'r aseiniadau gyfrif tuag at gredydau: Plant Breeding 1: {format_money(policy.top_up)}."
    )
    paid_up = learner(enrol("PB1", "credit"))
    assert personal.top_up(policy, paid_up, staff_about(paid_up), "cy").text == (
        "Alex Morgan (L0100): Does dim ffi ychwanegol i'w thalu: mae cofrestriadau Alex Morgan eisoes yn cynnwys "
        "credydau, neu does dim rhai."
    )


def test_in_welsh_registration_gives_welsh_dates_and_when_to_re_register(enrol, policy):
    registered = date(2025, 7, 7)
    alex = learner(enrol("PB1", registered_on=registered))
    period = reregistration(policy, registered, date(2025, 8, 1))
    assert period.reregister_on == date(2025, 9, 1) and period.ends == date(2026, 7, 6)
    assert personal.registration(policy, alex, YOU, date(2025, 8, 1), "cy").text == (
        "Plant Breeding 1: wedi cofrestru hyd at 6 Gorffennaf 2026; ailgofrestru ar 1 Medi 2025, pan fydd y "
        "flwyddyn academaidd newydd yn dechrau."
    )
    later = personal.registration(policy, alex, YOU, date(2025, 10, 1), "cy").text
    assert later.endswith("felly roedd angen ailgofrestru bryd hynny.")
    ended = learner(enrol("PB1", registered_on=date(2024, 1, 8)))
    assert personal.registration(policy, ended, YOU, date(2025, 6, 1), "cy").text.endswith("(wedi dod i ben).")


def test_in_welsh_assessments_give_the_pass_mark_and_a_welsh_result(enrol, policy):
    alex = learner(enrol("PB1", outcome=Outcome.PASS), enrol("PB2", outcome=Outcome.FAIL))
    text = personal.assessments(policy, alex, YOU, "cy").text
    for enrolment, result in zip(alex.enrolments, ("llwyddo", "methu"), strict=True):
        rule = policy.assessments[enrolment.course.assessment]
        assert f"{enrolment.course.title}: " in text and f"marc llwyddo {rule.pass_mark}%, canlyniad: {result}" in text
    assert text.endswith("Caiff canlyniadau eu cofnodi fel 'llwyddo' neu 'methu' yn unig.")


def test_in_welsh_enrolments_give_each_status_in_welsh(enrol, policy):
    alex = learner(enrol("PB1", "learning", Outcome.NONE), enrol("GN1", "credit", Outcome.PASS))
    assert personal.enrolments(policy, alex, YOU, "cy").text == (
        "Cofrestriadau: Plant Breeding 1 (dysgu yn unig); Genomics 1 (gyda chredydau, canlyniad: llwyddo)."
    )
    nobody = learner()
    assert personal.enrolments(policy, nobody, staff_about(nobody), "cy").text == (
        "Alex Morgan (L0100): Dydy Alex Morgan ddim wedi cofrestru ar unrhyw ficrogymhwyster eto."
    )


def test_in_welsh_no_record_and_which_learner(policy):
    assert personal.which_learner("cy").text.startswith("Pa ddysgwr?")
    assert personal.not_found(False, "cy").text.startswith("Allwn i ddim dod o hyd i gofnod dysgwr")
    assert personal.not_found(True).text == "I couldn't find a learner with that id or email address."


# --- both languages, both voices -----------------------------------------------------------------


def test_every_answer_renders_in_both_languages_to_the_learner_and_to_staff(enrol, catalogue, policy):
    people = [
        learner(),
        learner(enrol("PB1"), enrol("PB2", "learning", Outcome.NONE), enrol("GN1", "topped_up", Outcome.PENDING)),
        learner(*(enrol(f"{code}{n}") for code in ("PB", "LS") for n in range(1, policy.set_size + 1))),
    ]
    for alex in people:
        for voice in (YOU, Voice.for_staff(alex)):
            for language in ("en", "cy"):
                replies = [
                    personal.enrolments(policy, alex, voice, language),
                    personal.credits(policy, alex, voice, language),
                    personal.exemption(policy, alex, catalogue, voice, AFTER_PB4, language),
                    personal.deduction(policy, alex, catalogue, voice, language),
                    personal.top_up(policy, alex, voice, language),
                    personal.registration(policy, alex, voice, AFTER_PB4, language),
                    personal.assessments(policy, alex, voice, language),
                ]
                assert all(reply.text.startswith(voice.prefix) for reply in replies)


def test_the_english_forms_of_the_texts_read_as_the_rules_word_them(policy):
    texts = templates("personal")
    for outcome in Outcome:
        assert texts[f"outcome_{outcome.value}"]["en"] == reported_outcome(outcome)
    both = exemption_with_deduction(policy)
    assert texts["both_reliefs_question"]["en"].format(credits=policy.exemption_credits) == both.question
    assert texts["not_covered_advice"]["en"] == both.advice


def test_the_english_two_sets_question_reads_as_the_rules_word_it(enrol, catalogue, policy):
    alex = learner(*(enrol(f"{code}{n}") for code in ("PB", "LS") for n in range(1, policy.set_size + 1)))
    note = best_exemption(policy, alex.enrolments, catalogue).note
    assert note is not None
    texts = templates("personal")
    assert texts["two_sets_question_you"]["en"].format(sets="Plant Breeding and Livestock Science") == note.question
    assert texts["two_sets_advice"]["en"] == note.advice
