"""Replies for the enquiry team's inbox (pure): the list, one enquiry in full, marking handled."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.answers import enquiries as answers
from bot.store.records import Enquiry, EnquiryStatus

RECEIVED = datetime(2026, 7, 3, 14, 5)


def enquiry(number: int, question: str = "Is Plant Breeding 4 open?", **fields) -> Enquiry:
    values = dict(
        id=number,
        created_at=RECEIVED + timedelta(minutes=number),
        conversation_id=None,
        name=f"Visitor {number}",
        email=f"visitor{number}@example.org",
        question=question,
        consent=True,
        status=EnquiryStatus.NEW,
    )
    values.update(fields)
    return Enquiry(**values)


def test_an_empty_inbox_says_so():
    assert answers.inbox(()).text == "There are no new enquiries."


def test_the_inbox_lists_enquiries_in_the_order_given_with_time_language_and_name():
    reply = answers.inbox([enquiry(2), enquiry(1)])
    assert reply.text == (
        "New enquiries:\n#2 03 Jul 14:07 [English] Visitor 2: Is Plant Breeding 4 open?\n"
        "#1 03 Jul 14:06 [English] Visitor 1: Is Plant Breeding 4 open?"
    )
    assert [b.payload for b in reply.buttons] == ["show enquiry 2", "show enquiry 1"]


def test_a_long_inbox_shows_the_first_ten_and_says_how_many_there_are():
    many = [enquiry(n) for n in range(answers.MAX_LISTED + 5, 0, -1)]
    reply = answers.inbox(many)
    assert reply.text.startswith(f"New enquiries (showing {answers.MAX_LISTED} of {len(many)}):")
    assert reply.text.count("\n#") == answers.MAX_LISTED
    assert len(reply.buttons) == 3


def test_a_long_question_is_previewed_on_one_line():
    question = "Line one\nline two " + "x" * 200
    reply = answers.inbox([enquiry(1, question=question)])
    preview = reply.text.split("Visitor 1: ", 1)[1]
    assert "\n" not in preview
    assert len(preview) == answers.PREVIEW and preview.endswith("…")
    assert preview.startswith("Line one line two ")


def test_a_new_enquiry_in_full_offers_to_mark_it_handled():
    reply = answers.detail(enquiry(7, question="Can I pay in instalments?"))
    assert reply.text == (
        "Enquiry #7 (new), received 03 Jul 2026 14:12\n"
        "From: Visitor 7 <visitor7@example.org>, consent to contact: yes\n"
        "Language: English\n"
        "Question: Can I pay in instalments?"
    )
    assert [(b.title, b.payload) for b in reply.buttons] == [("Mark handled", "mark enquiry 7 handled")]


def test_a_handled_enquiry_says_who_handled_it_and_when():
    done = enquiry(7, status=EnquiryStatus.HANDLED, handled_by="S0001", handled_at=datetime(2026, 7, 4, 9, 0))
    reply = answers.detail(done)
    assert reply.text.startswith("Enquiry #7 (handled, handled by S0001 on 04 Jul 2026), received")
    assert reply.buttons == ()


def test_marked_and_not_found_confirmations():
    done = enquiry(3, status=EnquiryStatus.HANDLED, handled_by="S0002", handled_at=RECEIVED)
    assert answers.marked(done).text == "Enquiry #3 is marked handled (by S0002)."
    assert answers.not_found(99).text == "There is no enquiry #99."


# --- the language each enquiry was left in (Welsh Language Standards, Standard 2) --------------------------------


def test_the_inbox_shows_staff_which_enquiries_were_left_in_welsh():
    reply = answers.inbox([enquiry(2, language="cy"), enquiry(1)])
    assert reply.text.splitlines()[1:] == [
        "#2 03 Jul 14:07 [Cymraeg] Visitor 2: Is Plant Breeding 4 open?",
        "#1 03 Jul 14:06 [English] Visitor 1: Is Plant Breeding 4 open?",
    ]


def test_the_welsh_inbox_names_the_languages_in_welsh():
    lines = answers.inbox([enquiry(2, language="cy"), enquiry(1, language="en")], language="cy").text.splitlines()
    assert "[Cymraeg] Visitor 2:" in lines[1] and "[Saesneg] Visitor 1:" in lines[2]


def test_an_enquiry_left_in_welsh_shows_its_language_in_full():
    assert "\nLanguage: Cymraeg\n" in answers.detail(enquiry(7, language="cy")).text
    assert "\nIaith: Cymraeg\n" in answers.detail(enquiry(7, language="cy"), "cy").text


def test_an_enquiry_left_in_english_shows_its_language_in_full():
    assert "\nLanguage: English\n" in answers.detail(enquiry(7, language="en")).text
    assert "\nIaith: Saesneg\n" in answers.detail(enquiry(7, language="en"), "cy").text


# --- in Welsh ------------------------------------------------------------------------------------------------------


def test_in_welsh_the_refusal_and_an_empty_inbox_are_in_welsh():
    assert answers.staff_only("cy").text == "Mae'n ddrwg gen i, dim ond i'r tîm ymholiadau y mae hynny ar gael."
    assert answers.staff_only().text == answers.STAFF_ONLY.text == "Sorry, that's only available to the enquiry team."
    assert answers.inbox((), language="cy").text == "Does dim ymholiadau newydd."


def test_in_welsh_the_inbox_lists_enquiries_with_welsh_month_names_and_welsh_commands():
    reply = answers.inbox([enquiry(2), enquiry(1)], language="cy")
    assert reply.text == (
        "Ymholiadau newydd:\n#2 03 Gorff 14:07 [Saesneg] Visitor 2: Is Plant Breeding 4 open?\n"
        "#1 03 Gorff 14:06 [Saesneg] Visitor 1: Is Plant Breeding 4 open?"
    )
    assert [(b.title, b.payload) for b in reply.buttons] == [
        ("Dangos #2", "dangos ymholiad 2"),
        ("Dangos #1", "dangos ymholiad 1"),
    ]


def test_in_welsh_a_long_inbox_says_how_many_it_shows():
    many = [enquiry(n) for n in range(answers.MAX_LISTED + 5, 0, -1)]
    assert answers.inbox(many, language="cy").text.startswith(
        f"Ymholiadau newydd (yn dangos {answers.MAX_LISTED} o {len(many)}):"
    )


def test_in_welsh_a_new_enquiry_in_full_offers_to_mark_it_handled():
    reply = answers.detail(enquiry(7, question="Alla i dalu fesul rhandaliad?", language="cy"), "cy")
    assert reply.text == (
        "Ymholiad #7 (newydd), derbyniwyd 03 Gorff 2026 14:12\n"
        "Gan: Visitor 7 <visitor7@example.org>, caniatâd i gysylltu: ie\n"
        "Iaith: Cymraeg\n"
        "Cwestiwn: Alla i dalu fesul rhandaliad?"
    )
    assert [(b.title, b.payload) for b in reply.buttons] == [("Marcio wedi'i drin", "marcio ymholiad 7 wedi'i drin")]


def test_in_welsh_a_handled_enquiry_says_who_handled_it_and_when():
    done = enquiry(7, status=EnquiryStatus.HANDLED, handled_by="S0001", handled_at=datetime(2026, 1, 4, 9, 0))
    reply = answers.detail(done, "cy")
    assert reply.text.startswith("Ymholiad #7 (wedi'i drin, gan S0001 ar 04 Ion 2026), derbyniwyd")
    assert reply.buttons == ()


def test_in_welsh_the_confirmations_and_the_request_for_a_number():
    done = enquiry(3, status=EnquiryStatus.HANDLED, handled_by="S0002", handled_at=RECEIVED)
    assert answers.marked(done, "cy").text == "Mae ymholiad #3 wedi'i farcio fel un wedi'i drin (gan S0002)."
    assert answers.not_found(99, "cy").text == "Does dim ymholiad #99."
    assert answers.need_number("cy").text == "Pa ymholiad? Rhowch ei rif, er enghraifft: dangos ymholiad 12."
    assert answers.need_number().text == answers.NEED_NUMBER.text
