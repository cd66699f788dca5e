"""The anonymous calculator: read what the question already says, ask only for what is missing, then answer
with the arithmetic from the policy (the rule module computes every expected figure)."""

from __future__ import annotations

from typing import Any, Dict

import pytest
from rasa_sdk import Tracker

from actions.calculator import ActionCalcQuote, ActionCalculatorResult, ActionStartCalculator, ValidateCalculatorForm
from bot.nlp.calculator_text import MAX_COURSES
from bot.rules import calculator_spend, deduction_for_spend, fee_for, top_up_for_courses
from bot.rules.money import format_money

CREDIT, LEARNING = "calc_credit_count", "calc_learning_count"


def user(text: str, intent: str = "inform") -> Dict[str, Any]:
    """A user event as the action server receives it."""
    return {"event": "user", "text": text, "parse_data": {"text": text, "intent": {"name": intent, "confidence": 0.9}}}


def after_start(tracker: Tracker, opening: str, *answers: Dict[str, Any]) -> Tracker:
    """The tracker with its history: the opening question, the calculator starting, earlier answers, then this turn."""
    started = [user(opening, "calc_deduction"), {"event": "action", "name": "action_start_calculator"}]
    tracker.events[:0] = started + list(answers)
    return tracker


# --- starting the calculator ---------------------------------------------------------------------


async def test_calculator_reads_two_with_credits_from_the_question(ask):
    turn = await ask(ActionStartCalculator(), "calc_deduction_two_with_credits")
    assert turn.slot_events() == {"calc_mode": "deduction", CREDIT: 2.0, LEARNING: None}
    assert turn.messages == []


async def test_top_up_question_reads_the_number_of_learning_only_courses(ask):
    turn = await ask(
        ActionStartCalculator(),
        "calc_deduction_two_with_credits",
        text="how much more for credits on the three I've done?",
        intent="calc_topup",
    )
    assert turn.slot_events() == {"calc_mode": "topup", CREDIT: 0.0, LEARNING: 3.0}


async def test_calculator_reads_both_counts_when_the_question_gives_them(ask):
    turn = await ask(
        ActionStartCalculator(),
        "calc_deduction_two_with_credits",
        text="I did two with credits and one learning only, what comes off?",
    )
    assert turn.slot_events() == {"calc_mode": "deduction", CREDIT: 2.0, LEARNING: 1.0}


async def test_money_in_the_question_is_not_taken_for_a_number_of_courses(ask, policy):
    text = f"I paid {format_money(policy.learning_fee)} then the top-up, how much is deducted?"
    turn = await ask(ActionStartCalculator(), "calc_deduction_two_with_credits", text=text)
    assert turn.slot_events() == {"calc_mode": "deduction", CREDIT: 0.0, LEARNING: 0.0}  # a spend: nothing to ask


async def test_a_stated_spend_is_deducted_without_asking_anything(tracker, run, policy):
    spent = policy.credit_fee + policy.learning_fee
    opening = f"I've spent {format_money(spent)} on microcredentials, what comes off?"
    done = after_start(
        tracker("calc_answer_in_form", slots={"calc_mode": "deduction", CREDIT: 0.0, LEARNING: 0.0}), opening
    )
    turn = await run(ActionCalculatorResult(), done)
    assert turn.text.startswith(f"{format_money(spent)} spent")
    assert f"so {format_money(deduction_for_spend(policy, spent).amount)} would come off" in turn.text


async def test_a_spend_given_as_an_answer_is_used_for_the_deduction(tracker, run, policy):
    spent = policy.credit_fee + policy.top_up
    answer = after_start(
        tracker("calc_answer_in_form", text=f"I've spent {format_money(spent)} in total"), "what would come off?"
    )
    turn = await run(ValidateCalculatorForm(), answer)
    assert turn.slot_events() == {CREDIT: 0.0, LEARNING: 0.0}
    answer.slots.update({"calc_mode": "deduction", CREDIT: 0.0, LEARNING: 0.0})
    result = await run(ActionCalculatorResult(), answer)
    assert result.text.startswith(f"{format_money(spent)} spent")


async def test_two_of_them_topped_up_later_count_as_credit_bearing(ask):
    text = "I did three to learn, two of them topped up later, what comes off?"
    turn = await ask(ActionStartCalculator(), "calc_deduction_two_with_credits", text=text)
    assert turn.slot_events() == {"calc_mode": "deduction", CREDIT: 2.0, LEARNING: 1.0}


async def test_a_whole_set_is_the_policys_set_size(ask, policy):
    turn = await ask(
        ActionStartCalculator(), "calc_deduction_two_with_credits", text="the whole set with credits, what comes off?"
    )
    assert turn.slot_events()[CREDIT] == float(policy.set_size)


async def test_courses_named_by_number_are_counted_with_the_catalogues_set_names(ask):
    text = "if I pay for plant breeding 1 and 2 with credits, what's the deduction?"
    turn = await ask(ActionStartCalculator(), "calc_deduction_two_with_credits", text=text)
    assert turn.slot_events()[CREDIT] == 2.0


async def test_the_calculator_still_reads_counts_when_the_store_is_down(ask, swap, services, broken_store):
    swap(services.with_store(broken_store))
    turn = await ask(ActionStartCalculator(), "calc_deduction_two_with_credits")
    assert turn.slot_events()[CREDIT] == 2.0


async def test_an_implausible_count_in_the_question_is_left_for_the_form_to_ask(ask):
    turn = await ask(
        ActionStartCalculator(),
        "calc_deduction_two_with_credits",
        text=f"I've done {MAX_COURSES + 1} with credits, what would come off?",
    )
    assert turn.slot_events()[CREDIT] is None


# --- the form asks only for what is missing ------------------------------------------------------


async def test_calculator_asks_only_for_what_is_missing(ask, domain):
    form = ValidateCalculatorForm()
    turn = await ask(form, "calc_answer_in_form", text="none")
    assert turn.slot_events() == {LEARNING: 0.0}  # the credit count from the question is not asked again
    assert turn.messages == []


async def test_top_up_calculator_needs_only_the_learning_only_count(ask, tracker, domain):
    form = ValidateCalculatorForm()
    required = await form.required_slots(
        [CREDIT, LEARNING], None, tracker("calc_answer_in_form", slots={"calc_mode": "topup"}), domain
    )
    assert required == [LEARNING]


async def test_top_up_calculator_finishes_once_the_count_is_given(ask):
    turn = await ask(
        ValidateCalculatorForm(), "calc_answer_in_form", text="3", slots={"calc_mode": "topup", CREDIT: 0.0}
    )
    assert turn.slot_events() == {LEARNING: 3.0, "requested_slot": None}


async def test_a_side_question_during_the_top_up_calculator_keeps_asking_only_for_learning_only(ask):
    turn = await ask(
        ValidateCalculatorForm(),
        "calc_answer_in_form",
        text="how much does it cost?",
        intent="ask_cost",
        slots={"calc_mode": "topup", CREDIT: 0.0},
    )
    assert turn.slot_events() == {"requested_slot": LEARNING}
    assert turn.messages == []  # the side question is answered by its own rule; the form resumes after


async def test_a_side_question_during_the_calculator_is_not_taken_for_an_answer(ask):
    turn = await ask(
        ValidateCalculatorForm(), "calc_answer_in_form", text="what is a microcredential?", intent="ask_what_are"
    )
    assert turn.slot_events() == {}
    assert turn.messages == []


@pytest.mark.parametrize(
    "answer, count", [("two", 2), ("I've done 3", 3), ("just one", 1), ("a couple", 2), ("none", 0)]
)
async def test_calculator_reads_the_count_as_digits_or_words(answer, count, ask):
    turn = await ask(
        ValidateCalculatorForm(), "calc_answer_in_form", text=answer, slots={CREDIT: None, "requested_slot": CREDIT}
    )
    assert turn.slot_events() == {CREDIT: float(count)}


async def test_an_answer_is_only_taken_for_the_slot_that_was_asked(ask):
    turn = await ask(
        ValidateCalculatorForm(), "calc_answer_in_form", text="2", slots={CREDIT: None, "requested_slot": CREDIT}
    )
    assert LEARNING not in turn.slot_events()


async def test_too_many_courses_is_refused_with_an_explanation(ask):
    turn = await ask(ValidateCalculatorForm(), "calc_answer_in_form", text=str(MAX_COURSES + 1))
    assert turn.responses == ["utter_calc_too_many"]
    assert turn.slot_events() == {LEARNING: None}


async def test_the_largest_sensible_count_is_accepted(ask):
    turn = await ask(ValidateCalculatorForm(), "calc_answer_in_form", text=str(MAX_COURSES))
    assert turn.slot_events() == {LEARNING: float(MAX_COURSES)}


async def test_starting_without_counts_asks_without_saying_it_missed_a_number(tracker, run):
    # the form's first run: the counts the opening message did not give arrive empty, before any question
    opening = tracker(
        "calc_deduction_two_with_credits",
        text="/calc_deduction",
        slots={"calc_mode": "deduction", "requested_slot": None},
    )
    opening.events.extend(
        [
            {"event": "action", "name": "action_start_calculator"},
            {"event": "slot", "name": CREDIT, "value": None},
            {"event": "slot", "name": LEARNING, "value": None},
            {"event": "action", "name": "calculator_form"},
            {"event": "slot", "name": CREDIT, "value": None},
            {"event": "slot", "name": LEARNING, "value": None},
        ]
    )
    turn = await run(ValidateCalculatorForm(), opening)
    assert turn.responses == []
    assert turn.slot_events() == {CREDIT: None, LEARNING: None}


async def test_calculator_explains_once_when_the_answer_has_no_number(ask):
    turn = await ask(ValidateCalculatorForm(), "calc_answer_in_form", text="I'm not sure")
    assert turn.slot_events() == {LEARNING: None}  # the slot is still missing, so the form asks again
    assert turn.responses == ["utter_calc_not_a_number"]


@pytest.mark.parametrize("answer", ["nope", "zero", "no", "none yet", "I haven't done any"])
async def test_every_way_of_saying_none_is_zero(answer, ask):
    turn = await ask(ValidateCalculatorForm(), "calc_answer_in_form", text=answer)
    assert turn.slot_events() == {LEARNING: 0.0}


async def test_an_answer_with_both_counts_fills_both(ask):
    turn = await ask(
        ValidateCalculatorForm(),
        "calc_answer_in_form",
        text="two with credits and one without",
        slots={CREDIT: None, "requested_slot": CREDIT},
    )
    assert turn.slot_events() == {CREDIT: 2.0, LEARNING: 1.0}


async def test_a_question_with_a_number_in_the_form_is_answered_not_taken_for_a_count(ask):
    turn = await ask(
        ValidateCalculatorForm(), "calc_answer_in_form", text="what's the top-up for 2?", intent="ask_topup"
    )
    assert turn.slot_events() == {}


async def test_the_form_leaves_after_the_second_unreadable_answer(tracker, run):
    second = after_start(tracker("calc_answer_in_form", text="no idea"), "I did two with credits", user("dunno"))
    turn = await run(ValidateCalculatorForm(), second)
    # the form ends instead of asking again; a slot is set too, so Rasa does not reject the form for extracting nothing
    assert turn.slot_events() == {LEARNING: None, "requested_slot": None}
    assert turn.messages == []  # action_calculator_result says utter_calc_leave next


async def test_a_good_answer_after_one_unreadable_one_is_taken(tracker, run):
    later = after_start(tracker("calc_answer_in_form", text="just one"), "I did two with credits", user("dunno"))
    turn = await run(ValidateCalculatorForm(), later)
    assert turn.slot_events() == {LEARNING: 1.0}


async def test_one_unreadable_answer_is_explained_and_asked_again(tracker, run, domain):
    first = after_start(tracker("calc_answer_in_form", text="dunno"), "I did two with credits")
    assert await ValidateCalculatorForm().required_slots([CREDIT, LEARNING], None, first, domain) == [CREDIT, LEARNING]
    turn = await run(ValidateCalculatorForm(), first)
    assert turn.responses == ["utter_calc_not_a_number"]


async def test_a_question_asked_in_the_form_is_not_an_unreadable_answer(tracker, domain):
    asked = after_start(
        tracker("calc_answer_in_form", text="hmm"), "I did two with credits", user("what's the top up?", "ask_topup")
    )
    assert await ValidateCalculatorForm().required_slots([CREDIT, LEARNING], None, asked, domain) == [CREDIT, LEARNING]


async def test_leaving_the_form_says_how_else_to_get_the_figure(ask):
    turn = await ask(
        ActionCalculatorResult(), "calc_answer_in_form", slots={"calc_mode": "deduction", CREDIT: 2.0, LEARNING: None}
    )
    assert turn.responses == ["utter_calc_leave"]
    assert turn.slot_events() == {"calc_mode": None, CREDIT: None, LEARNING: None}


# --- the result ----------------------------------------------------------------------------------


async def test_deduction_result_shows_the_arithmetic_from_the_policy(ask, policy):
    turn = await ask(
        ActionCalculatorResult(), "calc_answer_in_form", slots={"calc_mode": "deduction", CREDIT: 2.0, LEARNING: 1.0}
    )
    spent = calculator_spend(policy, learning_only=1, with_credits=2)
    assert f"2 courses with credits × {format_money(policy.credit_fee)}" in turn.text
    assert f"1 course learning only × {format_money(policy.learning_fee)}" in turn.text
    assert f"= {format_money(spent)} spent" in turn.text
    assert f"so {format_money(deduction_for_spend(policy, spent).amount)} would come off" in turn.text


async def test_deduction_result_is_capped_at_one_module(ask, policy):
    with_credits = policy.deduction_cap // policy.credit_fee + 1
    turn = await ask(
        ActionCalculatorResult(),
        "calc_answer_in_form",
        slots={"calc_mode": "deduction", CREDIT: float(with_credits), LEARNING: 0.0},
    )
    assert calculator_spend(policy, with_credits=with_credits) > policy.deduction_cap
    assert f"so {format_money(policy.deduction_cap)} would come off" in turn.text
    assert "the most that can be deducted" in turn.text


async def test_top_up_result_multiplies_the_top_up_by_the_courses(ask, policy):
    turn = await ask(
        ActionCalculatorResult(), "calc_answer_in_form", slots={"calc_mode": "topup", CREDIT: 0.0, LEARNING: 3.0}
    )
    assert (
        f"3 courses × {format_money(policy.top_up)} top-up = {format_money(top_up_for_courses(policy, 3))}" in turn.text
    )
    assert f"{policy.credits_per_microcredential} credits" in turn.text


async def test_the_result_clears_the_calculator_for_next_time(ask):
    turn = await ask(
        ActionCalculatorResult(), "calc_answer_in_form", slots={"calc_mode": "deduction", CREDIT: 1.0, LEARNING: 0.0}
    )
    assert turn.slot_events() == {"calc_mode": None, CREDIT: None, LEARNING: None}


# --- quotes: what a number of courses would cost or earn -----------------------------------------


async def quote(ask, text: str):
    """Run the quote action on one message."""
    return await ask(ActionCalcQuote(), "calc_deduction_two_with_credits", text=text, intent="calc_quote")


async def test_a_quote_with_credits_shows_the_multiplication(ask, policy):
    turn = await quote(ask, "how much would 3 courses with credits cost?")
    credit_fee = fee_for(policy, with_credits=True)
    assert f"3 with credits × {format_money(credit_fee)} = {format_money(3 * credit_fee)}" in turn.text
    assert turn.slot_events()["topic"] == "calc_quote"
    assert turn.slot_events()["last_quote"]["with_credits"] == 3


async def test_a_learning_only_quote(ask, policy):
    turn = await quote(ask, "what would two learning only ones cost")
    learning_fee = fee_for(policy, with_credits=False)
    assert f"2 learning only × {format_money(learning_fee)} = {format_money(2 * learning_fee)}" in turn.text


async def test_a_mixed_quote_adds_each_kind(ask, policy):
    turn = await quote(ask, "price for 2 learning only, 1 with credits and 1 topped up later")
    learning, credit = fee_for(policy, with_credits=False), fee_for(policy, with_credits=True)
    total = 2 * learning + credit + learning + top_up_for_courses(policy, 1)
    assert f"= {format_money(total)}." in turn.text
    assert f"({format_money(learning)} + {format_money(policy.top_up)} top-up)" in turn.text


async def test_a_number_without_a_kind_is_quoted_both_ways(ask, policy):
    turn = await quote(ask, "how much would 3 cost")
    assert f"3 × {format_money(policy.learning_fee)} = {format_money(3 * policy.learning_fee)}" in turn.text
    assert f"3 × {format_money(policy.credit_fee)} = {format_money(3 * policy.credit_fee)}" in turn.text


async def test_credits_for_a_whole_set_reach_the_exemption(ask, policy):
    turn = await quote(ask, "how many credits do I get for a whole set?")
    credits = policy.set_size * policy.credits_per_microcredential
    assert f"{policy.set_size} courses × {policy.credits_per_microcredential} credits = {credits} credits" in turn.text
    assert f"exempt you from a relevant {policy.exemption_credits}-credit module" in turn.text
    assert "£" not in turn.text  # asked about credits, not cost


async def test_credits_short_of_a_set_say_how_many_more(ask, policy):
    turn = await quote(ask, "how many credits would 2 with credits earn me")
    assert f"{2 * policy.credits_per_microcredential} credits" in turn.text
    assert f"so {policy.set_size - 2} more from that set would complete one" in turn.text


async def test_a_quote_without_a_number_explains_how_to_ask(ask, policy):
    for text in ("how much would it cost with credits?", "how many credits is each one worth"):
        turn = await quote(ask, text)
        assert "Tell me how many" in turn.text
        assert format_money(policy.credit_fee) in turn.text and "=" not in turn.text  # no total invented


async def test_a_quote_for_too_many_courses_is_refused(ask):
    turn = await quote(ask, f"what would {MAX_COURSES + 1} courses cost")
    assert turn.responses == ["utter_calc_too_many"]


async def follow_up(ask, previous: str, text: str, intent: str = "follow_up"):
    """Ask a quote, then a follow-up with the slots the quote left."""
    first = await quote(ask, previous)
    slots = {"topic": first.slot_events()["topic"], "last_quote": first.slot_events()["last_quote"]}
    return await ask(ActionCalcQuote(), "calc_deduction_two_with_credits", text=text, intent=intent, slots=slots)


async def test_and_for_four_after_a_quote_with_credits_quotes_four_with_credits(ask):
    turn = await follow_up(ask, "how much would 3 courses with credits cost?", "and for 4?")
    assert "4 with credits × £250 = £1,000" in turn.text


async def test_and_without_after_a_quote_with_credits_quotes_learning_only(ask):
    turn = await follow_up(ask, "how much would 3 courses with credits cost?", "and without?")
    assert "3 learning only × £100 = £300" in turn.text


async def test_and_with_credits_after_an_either_way_quote_quotes_with_credits(ask):
    turn = await follow_up(ask, "how much for 2 courses?", "and with credits?")
    assert "2 with credits × £250 = £500" in turn.text
    assert "learning only" not in turn.text


async def test_how_many_credits_would_that_be_keeps_the_courses_and_asks_the_credits(ask):
    turn = await follow_up(ask, "what would 4 with credits cost", "how many credits would that be?", "calc_quote")
    assert "4 courses with credits × 5 credits = 20 credits" in turn.text


async def test_a_new_whole_question_after_a_quote_is_not_a_follow_up(ask):
    turn = await follow_up(
        ask, "how much would 3 courses with credits cost?", "how much would it cost to do 5 courses", "calc_quote"
    )
    assert "5 × £100 = £500 for learning only" in turn.text


# --- in Welsh: the same reading, the same questions asked only once -------------------------------


async def welsh_quote(ask, text: str):
    """Run the quote action on one Welsh message."""
    return await ask(ActionCalcQuote(), "calc_deduction_cy", text=text, intent="calc_quote")


async def test_a_welsh_question_giving_both_counts_asks_for_neither(ask):
    turn = await ask(ActionStartCalculator(), "calc_deduction_cy")
    assert turn.slot_events() == {"calc_mode": "deduction", CREDIT: 2.0, LEARNING: 1.0}


@pytest.mark.parametrize(
    "text, credit, learning",
    [
        ("2 efo credydau a 2 hebddyn, faint sy'n dod oddi ar y radd?", 2.0, 2.0),  # two kinds, never one sum
        ("wnes i dri chwrs gyda chredydau", 3.0, None),
        ("pedwar dysgu yn unig, faint o ostyngiad?", None, 4.0),
        ("tri i ddysgu, wedi topio dau ohonyn nhw wedyn", 2.0, 1.0),
        ("dwi wedi gwario £350 ar ficrogymhwysterau", 0.0, 0.0),  # a spend: nothing to ask
    ],
)
async def test_a_welsh_opening_keeps_the_counts_it_gives(text, credit, learning, ask):
    turn = await ask(ActionStartCalculator(), "calc_deduction_cy", text=text)
    assert turn.slot_events() == {"calc_mode": "deduction", CREDIT: credit, LEARNING: learning}


async def test_a_welsh_whole_set_is_the_policys_set_size(ask, policy):
    turn = await ask(
        ActionStartCalculator(), "calc_deduction_cy", text="y set gyfan gyda chredydau, faint ddaw i ffwrdd?"
    )
    assert turn.slot_events()[CREDIT] == float(policy.set_size)


@pytest.mark.parametrize(
    "answer, count",
    [("tri", 3), ("pedwar", 4), ("bedwar", 4), ("ddau", 2), ("dim", 0), ("dim un", 0), ("ddim un", 0), ("3", 3)],
)
async def test_a_welsh_answer_fills_the_count_asked_for(answer, count, ask):
    turn = await ask(
        ValidateCalculatorForm(), "calc_answer_in_form_cy", text=answer, slots={CREDIT: None, "requested_slot": CREDIT}
    )
    assert turn.slot_events() == {CREDIT: float(count)}


async def test_dim_is_accepted_as_none_without_explaining_again(ask):
    turn = await ask(ValidateCalculatorForm(), "calc_answer_in_form_cy")
    assert turn.slot_events() == {LEARNING: 0.0}
    assert turn.responses == []


async def test_a_welsh_answer_with_both_counts_fills_both(ask):
    turn = await ask(
        ValidateCalculatorForm(),
        "calc_answer_in_form_cy",
        text="2 gyda chredydau ac 1 dysgu yn unig",
        slots={CREDIT: None, "requested_slot": CREDIT},
    )
    assert turn.slot_events() == {CREDIT: 2.0, LEARNING: 1.0}


async def test_welsh_answers_after_an_opening_without_counts_are_taken_not_given_up_on(tracker, run):
    # the deduction path: the question states no count, the form asks twice, "3" and then "1" are the answers
    opening = "faint fyddai'n dod oddi ar yr MSc?"
    first = after_start(
        tracker("calc_answer_in_form_cy", text="3", slots={CREDIT: None, "requested_slot": CREDIT}), opening
    )
    assert (await run(ValidateCalculatorForm(), first)).slot_events() == {CREDIT: 3.0}
    second = after_start(tracker("calc_answer_in_form_cy", text="1", slots={CREDIT: 3.0}), opening, user("3"))
    assert (await run(ValidateCalculatorForm(), second)).slot_events() == {LEARNING: 1.0}


async def test_welsh_number_words_are_readable_answers_so_the_form_does_not_leave(tracker, run):
    later = after_start(tracker("calc_answer_in_form_cy", text="dim"), "faint ddaw i ffwrdd?", user("tri"))
    turn = await run(ValidateCalculatorForm(), later)
    assert turn.slot_events() == {LEARNING: 0.0}  # neither "tri" nor "dim" counts as an unreadable answer


async def test_a_welsh_spend_given_as_an_answer_is_used_for_the_deduction(tracker, run, policy):
    answer = after_start(tracker("calc_answer_in_form_cy", text="dwi wedi gwario £350"), "faint ddaw i ffwrdd?")
    turn = await run(ValidateCalculatorForm(), answer)
    assert turn.slot_events() == {CREDIT: 0.0, LEARNING: 0.0}


async def test_faint_o_gredydau_asks_for_the_credits_not_the_cost(ask, policy):
    turn = await welsh_quote(ask, "faint o gredydau fyddwn i'n eu cael am dri chwrs?")
    quote = turn.slot_events()["last_quote"]
    assert (quote["cost"], quote["credits"]) == (False, True)
    assert quote["either_kind"] + quote["with_credits"] == 3
    assert str(3 * policy.credits_per_microcredential) in turn.text
    assert "£" not in turn.text  # asked about credits, not cost


async def test_a_welsh_cost_question_keeps_each_kind(ask, policy):
    turn = await welsh_quote(ask, "faint fyddai 2 efo credydau a 2 hebddyn yn ei gostio?")
    quote = turn.slot_events()["last_quote"]
    assert (quote["with_credits"], quote["learning_only"], quote["cost"], quote["credits"]) == (2, 2, True, False)
    assert format_money(2 * policy.credit_fee + 2 * policy.learning_fee) in turn.text
