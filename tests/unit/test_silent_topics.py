"""Topics the page is silent on: a question is matched to the topic it asks about, from the table in bot.nlp.silent_topics."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from bot.answers.not_covered import topic_label
from bot.nlp.silent_topics import RULES, TABLE, TOPICS, rule_note, silent_topic, topic
from bot.rules import resit_after_fail, top_up_deadline

PHRASINGS = [
    ("can I get a refund", "refunds"),
    ("what's your refund policy?", "refunds"),
    ("cn i get a refund", "refunds"),
    ("can I cancel my booking", "refunds"),
    ("what are the entry requirements", "entry_requirements"),
    ("wot r the entry reqs", "entry_requirements"),
    ("do I need a degree to do one", "entry_requirements"),
    ("prerequisites?", "entry_requirements"),
    ("do I need an IELTS score", "english_language"),
    ("is there an age limit", "age"),
    ("how can I pay", "payment_methods"),
    ("hw do i pay", "payment_methods"),
    ("can I pay by card", "payment_methods"),
    ("can i pay in instalments", "instalments"),
    ("can I pay in installments", "instalments"),
    ("is there a payment plan", "instalments"),
    ("can my company be invoiced for the fee", "invoices"),
    ("are there any discounts", "discounts"),
    ("will my employer pay for it", "employer_funding"),
    ("is there any funding or bursary", "funding"),
    ("can I get a student loan for a microcredential", "funding"),
    ("when's the next intake", "start_dates"),
    ("is there a fixed start date or can I start any time", "start_dates"),
    ("how many hours a week does it take", "weekly_workload"),
    ("hw mny hrs a wk", "weekly_workload"),
    ("what's the workload like", "weekly_workload"),
    ("do I need a visa to do a microcredential", "visas"),
    ("do I get a certificate", "certificates"),
    ("will I get a cert at the end", "certificates"),
    ("is there support for disabled learners", "accessibility"),
    ("I'm dyslexic, can I get extra time", "accessibility"),
    ("are the materials accessible with a screen reader", "accessibility"),
    ("can I resit if I fail", "resits"),
    ("can I re-sit the master\u2019s test", "resits"),
    ("what happens if i fail, can i redo it", "resits"),
    ("is there a deadline for the top-up", "top_up_deadline"),
    ("top up deadline?", "top_up_deadline"),
    ("how late can I leave paying the top up", "top_up_deadline"),
    ("what's the deadline to apply", "deadlines"),
    ("when do applications close", "deadlines"),
    ("can I get an extension on my report", "extensions"),
    ("can I defer to next year", "extensions"),
    ("is it taught in Welsh", "welsh"),
    ("can I study through the medium of Welsh", "welsh"),
    ("Hiya, can u do these in welsh? my first language is cymraeg", "welsh"),
    ("what computer do I need", "technical_requirements"),
    ("will it work on an iPad", "technical_requirements"),
    ("will I have a tutor", "tutor_support"),
    ("who do I ask if I get stuck", "tutor_support"),
    ("can I sit the final assessment from abroad", "assessment_location"),
    ("how long does it take to get my result back", "results"),
    ("is there a reading list", "materials"),
    ("do the credits expire", "credit_expiry"),
]

NOT_SILENT = [
    "how long does it take",
    "how much does it cost",
    "what's the pass mark",
    "how many can I take",
    "who are they for",
    "is it online",
    "will I get a grade",
    "do I need to re-register",
    "do I get a discount on the MSc if I've done microcredentials",
    "if I go on to the masters do I get my money back",
    "will the certificate show the mark",
    "what colour is the sky",
]


# The gaps real users showed: monthly payments, when the top-up is due, equipment, course content, access after the
# course, proof of completion, age, disability support and waiting lists. Each names its topic, never "that".
MORE_PHRASINGS = [
    ("can I pay for it monthly", "instalments"),
    ("is paying monthly an option", "instalments"),
    ("could I set up a direct debit", "instalments"),
    ("can I split the payment", "instalments"),
    ("can I pay the £250 in two halves", "instalments"),
    ("do you offer monthly payment plans", "instalments"),
    ("can i pay £25 a month", "instalments"),
    ("can I pay by direct debit", "instalments"),
    ("when must the top-up be paid", "top_up_deadline"),
    ("how long after the course can I top up", "top_up_deadline"),
    ("how long do I have to top up", "top_up_deadline"),
    ("can I top up a year later", "top_up_deadline"),
    ("is there a time limit on topping up", "top_up_deadline"),
    ("how soon after finishing do I need to pay the top up", "top_up_deadline"),
    ("until when can I top up", "top_up_deadline"),
    ("when's the latest I can pay the top-up", "top_up_deadline"),
    ("which browser should I use", "technical_requirements"),
    ("what are the computer requirements", "technical_requirements"),
    ("does it work on a mac", "technical_requirements"),
    ("will my old PC be good enough", "technical_requirements"),
    ("is there an app for the course", "technical_requirements"),
    ("do I need to turn on my camera", "technical_requirements"),
    ("what software do I need", "technical_requirements"),
    ("will a slow internet connection be a problem", "technical_requirements"),
    ("do I need a laptop", "technical_requirements"),
    ("can I do it on my phone", "technical_requirements"),
    ("what's the course content", "syllabus"),
    ("what is the syllabus", "syllabus"),
    ("what will I learn", "syllabus"),
    ("what topics does it cover", "syllabus"),
    ("is there a course outline", "syllabus"),
    ("what are the learning outcomes", "syllabus"),
    ("can I see some course material before I pay", "syllabus"),
    ("what is in each module", "syllabus"),
    ("can I still access the materials after the course ends", "materials"),
    ("how long do I keep access to the videos", "materials"),
    ("will I lose access once I finish", "materials"),
    ("is there a reading list", "materials"),
    ("will I have access to the content afterwards", "materials"),
    ("do the videos stay available after completion", "materials"),
    ("how long will I have access to the materials", "materials"),
    ("do I keep the notes forever", "materials"),
    ("will the resources still be there after the course ends", "materials"),
    ("do I get something to show my employer", "certificates"),
    ("what proof do I get", "certificates"),
    ("do I get anything at the end", "certificates"),
    ("is there proof of completion", "certificates"),
    ("will I be certified", "certificates"),
    ("can I get a transcript", "certificates"),
    ("will I get a digital badge", "certificates"),
    ("do I get a certificate of completion", "certificates"),
    ("I'm over 60, can I still apply", "age"),
    ("can under 18s apply", "age"),
    ("I'm 70 is that ok", "age"),
    ("am I too old at 65", "age"),
    ("is there a maximum age", "age"),
    ("how old do you have to be", "age"),
    ("I'm retired, can I do one", "age"),
    ("can a 16 year old take it", "age"),
    ("is there a minimum age", "age"),
    ("I'm partially sighted", "accessibility"),
    ("I have a learning difficulty", "accessibility"),
    ("I have ADHD, is there support", "accessibility"),
    ("can I get extra time on the test", "accessibility"),
    ("do you make reasonable adjustments", "accessibility"),
    ("does it work with a screen reader", "accessibility"),
    ("I'm dyslexic", "accessibility"),
    ("do you support wheelchair users", "accessibility"),
    ("is there a waiting list", "waiting_lists"),
    ("can you notify me when a course opens", "waiting_lists"),
    ("can I be told when it opens", "waiting_lists"),
    ("it's fully booked, what now", "waiting_lists"),
    ("can I join the waitlist", "waiting_lists"),
    ("can you email me when genomics 4 is released", "waiting_lists"),
    ("the course is full, can I go on a list", "waiting_lists"),
    ("keep me posted on new courses", "waiting_lists"),
    ("can I register my interest", "waiting_lists"),
]

# Near them, but answered by the page or the catalogue, or about something else: no silent topic.
NEAR_BUT_NOT_SILENT = [
    "how much is the top-up",
    "how do I top up",
    "what is the top-up fee",
    "how long does each course last",
    "what will I learn on plant breeding 1",
    "what topics does BI4 cover",
    "what do you cover",
    "how old are you",
    "what's your phone number",
    "can I speak to someone on the phone",
    "is the pass mark over 50",
    "I'm 20 minutes late",
    "could you let me know when Plant Breeding 2 starts",
    "how do I reserve a place",
    "tell me if i passed my assessment",
    "when is genomics 4 released",
    "is it on zoom",
    "is it all on the computer",
    "what's the cost per month",
    "is there a month to do it",
]


# Welsh as people type it: colloquial and formal, mutated (gwrs, nghyfrifiadur, ddyslecsia, fy nhystysgrif), mostly
# without accents and with English mixed in. Each names its topic ("does gen i ddim gwybodaeth am ad-daliadau"), never "hynny".
WELSH_PHRASINGS = [
    ("ga i ad-daliad os dwi'n newid fy meddwl", "refunds"),
    ("ydy'r ffioedd yn cael eu had-dalu os dwi'n tynnu'n ôl", "refunds"),
    ("dwi isio canslo fy archeb, ga i'r arian nol?", "refunds"),
    ("os dwi'n rhoi'r gorau iddi ar ol wythnos ydw i'n cael fy £100 yn ol", "refunds"),
    ("ga i newid i gwrs gwahanol ar ol archebu", "course_transfer"),
    ("alla i drosglwyddo i ficrogymhwyster arall hanner ffordd drwodd", "course_transfer"),
    ("ga i newid o Genomics 2 i Livestock Science 2", "course_transfer"),
    ("ga i drosglwyddo fy nghredydau i brifysgol arall", "credit_transfer"),
    ("fydd prifysgolion eraill yn derbyn y credydau", "credit_transfer"),
    ("ydy'r credydau'n trosglwyddo i brifysgol wahanol", "credit_transfer"),
    ("beth yw'r gofynion mynediad", "entry_requirements"),
    ("oes angen gradd arna i i neud un", "entry_requirements"),
    ("sgen i ddim lefel A, ydy hynny'n broblem", "entry_requirements"),
    ("oes angen unrhyw wybodaeth flaenorol cyn dechrau", "entry_requirements"),
    ("fyswn i'n cael fy nerbyn heb TGAU", "entry_requirements"),
    ("pa lefel o Saesneg sydd ei hangen", "english_language"),
    ("dydy fy Saesneg i ddim yn wych, oes gofyniad iaith", "english_language"),
    ("oes angen sgor IELTS", "english_language"),
    ("oes terfyn oedran", "age"),
    ("ydw i'n rhy hen i neud un yn 70 oed", "age"),
    ("dwi'n 72 ac wedi ymddeol, ga i ymuno", "age"),
    ("oes rhaid bod dros 18 i gofrestru", "age"),
    ("ga i dalu fesul mis", "instalments"),
    ("oes modd talu mewn rhandaliadau", "instalments"),
    ("ga i rannu'r £250 dros ychydig fisoedd", "instalments"),
    ("ydy talu drwy ddebyd uniongyrchol yn bosib", "instalments"),
    ("oes modd talu monthly?", "instalments"),
    ("fydd fy nghyflogwr yn talu am y cwrs", "employer_funding"),
    ("all fy nghwmni ariannu fy microgymhwyster", "employer_funding"),
    ("sut mae cyllid gan gyflogwr yn gweithio", "employer_funding"),
    ("ga i anfoneb i fy nghwmni", "invoices"),
    ("dach chi'n rhoi derbynebau am y ffioedd", "invoices"),
    ("at bwy dwi'n anfon yr archeb brynu", "invoices"),
    ("sut alla i dalu", "payment_methods"),
    ("ga i dalu efo cerdyn", "payment_methods"),
    ("dach chi'n derbyn PayPal", "payment_methods"),
    ("ga i dalu drwy drosglwyddiad banc", "payment_methods"),
    ("ydy Visa neu Mastercard yn iawn", "payment_methods"),
    ("oes unrhyw ostyngiadau", "discounts"),
    ("oes disgownt i fyfyrwyr", "discounts"),
    ("ydy cyn-fyfyrwyr yn cael arian i ffwrdd", "discounts"),
    ("oes prisiau grŵp os ydy pump ohonon ni'n cofrestru", "group_bookings"),
    ("oes discount i grwpiau", "group_bookings"),
    ("dach chi'n cynnig y cyrsiau i ysgolion", "group_bookings"),
    ("oes unrhyw gyllid neu fwrsariaeth", "funding"),
    ("ga i fenthyciad myfyriwr ar gyfer microgymhwyster", "funding"),
    ("oes grantiau i ffermwyr", "funding"),
    ("unrhyw ysgoloriaethau?", "funding"),
    ("pryd mae'r intake nesa", "start_dates"),
    ("oes dyddiad dechrau penodol neu ga i ddechrau unrhyw bryd", "start_dates"),
    ("pryd mae'r cyfnod derbyn nesaf", "start_dates"),
    ("pa mor aml mae'r cyrsiau'n dechrau", "start_dates"),
    ("sawl awr yr wythnos sydd ei angen", "weekly_workload"),
    ("faint o oriau'r wythnos mae'n ei gymryd", "weekly_workload"),
    ("sut mae'r llwyth gwaith", "weekly_workload"),
    ("faint o hrs yr wythnos", "weekly_workload"),
    ("oes angen fisa arna i", "visas"),
    ("dwi'n byw yn India, fydd angen visa arna i", "visas"),
    ("ydy astudio ar-lein yn effeithio ar fy fisâu", "visas"),
    ("fydda i'n cael tystysgrif ar y diwedd", "certificates"),
    ("ga i fy nhystysgrif drwy'r post", "certificates"),
    ("oes bathodyn digidol", "certificates"),
    ("fydda i'n cael rhywbeth i'w roi ar fy CV", "certificates"),
    ("ydy o wedi'i achredu ar gyfer DPP", "recognition"),
    ("ydy cyflogwyr yn cydnabod y rhain", "recognition"),
    ("ydy'r cyrsiau'n cael eu cydnabod gan gyrff proffesiynol", "recognition"),
    ("oes cymorth anabledd", "accessibility"),
    ("mae gen i ddyslecsia, ga i amser ychwanegol", "accessibility"),
    ("ydy'r deunyddiau'n hygyrch efo darllenydd sgrin", "accessibility"),
    ("mae gen i nam ar y golwg", "accessibility"),
    ("ga i ailsefyll os dwi'n methu", "resits"),
    ("be sy'n digwydd os dwi'n methu'r asesiad terfynol", "resits"),
    ("os dydy fy adroddiad ddim yn pasio ga i ei ailgyflwyno", "resits"),
    ("sawl cynnig dwi'n ei gael", "resits"),
    ("oes dyddiad cau ar gyfer y ffi ychwanegol", "top_up_deadline"),
    ("pa mor hwyr alla i adael talu'r top up", "top_up_deadline"),
    ("tan pryd alla i dopio i fyny", "top_up_deadline"),
    ("oes deadline i'r top up?", "top_up_deadline"),
    ("ga i estyniad ar fy adroddiad", "extensions"),
    ("ga i ohirio tan flwyddyn nesa", "extensions"),
    ("ga i gymryd seibiant a dod yn ol ato", "extensions"),
    ("be os dwi angen mwy na blwyddyn", "extensions"),
    ("beth yw'r dyddiad cau i wneud cais", "deadlines"),
    ("pryd mae ceisiadau'n cau", "deadlines"),
    ("erbyn pryd sy raid bwcio lle", "deadlines"),
    ("oes terfynau amser ar gyfer yr aseiniadau", "deadlines"),
    ("ga i astudio drwy gyfrwng y Gymraeg", "welsh"),
    ("ydy'r cyrsiau ar gael yn Gymraeg", "welsh"),
    ("ga i ysgrifennu fy asesiad yn Gymraeg", "welsh"),
    ("ydy deunydd y cwrs yn ddwyieithog", "welsh"),
    ("ydy'r deunyddiau ar gael mewn ieithoedd eraill", "languages"),
    ("ym mha iaith mae'r cwrs yn cael ei ddysgu", "languages"),
    ("ydy'r cyrsiau yn Saesneg yn unig", "languages"),
    ("pa gyfrifiadur sydd ei angen arna i", "technical_requirements"),
    ("gofynion technegol?", "technical_requirements"),
    ("ga i wneud y cwrs ar fy ffôn", "technical_requirements"),
    ("oes angen gliniadur pwerus", "technical_requirements"),
    ("fydd fy hen gyfrifiadur yn ddigon da", "technical_requirements"),
    ("oes angen meddalwedd arbennig", "technical_requirements"),
    ("ga i eirda gan arweinydd y cwrs wedyn", "references"),
    ("fyddwch chi'n rhoi geirda i mi", "references"),
    ("ga i gyfeirnod gan y darlithydd ar y diwedd", "references"),
    ("fydd gen i diwtor", "tutor_support"),
    ("oes cymorth tiwtor", "tutor_support"),
    ("pwy sy'n fy helpu os dwi'n sownd", "tutor_support"),
    ("fydd darlithydd yn rhoi adborth ar fy ngwaith", "tutor_support"),
    ("beth yw'r gyfradd basio", "pass_rates"),
    ("faint o bobl sy'n pasio'r prawf lefel meistr", "pass_rates"),
    ("beth yw'r cyfraddau llwyddo", "pass_rates"),
    ("oes fforwm trafod efo dysgwyr eraill", "other_learners"),
    ("faint o bobl sydd ar bob cwrs", "other_learners"),
    ("fydd prosiect grŵp", "other_learners"),
    ("ga i sefyll yr asesiad terfynol o dramor", "assessment_location"),
    ("oes rhaid i mi fod yn y DU ar gyfer y prawf", "assessment_location"),
    ("ga i sefyll y prawf meistr gartref", "assessment_location"),
    ("faint o amser mae'n ei gymryd i gael fy nghanlyniad yn ôl", "results"),
    ("pryd ga i wybod os dwi wedi pasio", "results"),
    ("faint o amser mae'r marcio'n ei gymryd", "results"),
    ("fydd gen i fynediad i'r deunyddiau o hyd ar ôl i mi orffen", "materials"),
    ("ga i gadw'r nodiadau wedyn", "materials"),
    ("oes rhestr ddarllen", "materials"),
    ("oes angen i mi brynu gwerslyfrau", "materials"),
    ("beth yw'r maes llafur", "syllabus"),
    ("beth fydda i'n ei ddysgu", "syllabus"),
    ("oes amlinelliad o'r cwrs", "syllabus"),
    ("beth yw'r canlyniadau dysgu", "syllabus"),
    ("oes rhestr aros", "waiting_lists"),
    ("mae'r cwrs yn llawn, be nawr", "waiting_lists"),
    ("ga i gael gwybod pan fydd Genomics 4 yn agor", "waiting_lists"),
    ("e-bostiwch fi pan fydd lle", "waiting_lists"),
    ("fydda i'n cael cerdyn myfyriwr", "student_status"),
    ("ydw i'n cael mynediad i lyfrgell y brifysgol", "student_status"),
    ("oes seremoni raddio", "student_status"),
    ("ydy'r credydau'n dod i ben", "credit_expiry"),
    ("am faint mae'r credydau'n ddilys", "credit_expiry"),
    ("ydy'r gredydau yn dal yn ddilys ar ôl pum mlynedd", "credit_expiry"),
    ("ga i ddewis pwnc fy adroddiad", "report_topic"),
    ("alla i ddewis fy nheitl fy hun", "report_topic"),
    ("pwy sy'n dewis y pwnc", "report_topic"),
    ("oes cyfnod ymsefydlu", "induction"),
    ("pryd ga i fy manylion mewngofnodi", "induction"),
    ("anghofiais fy nghyfrinair", "induction"),
]

# Welsh questions the page (or the catalogue) answers, or that name no silent topic: no silent topic, whatever the wording.
WELSH_NOT_SILENT = [
    "faint mae'n gostio",
    "faint ydy'r ffi",
    "sawl wythnos ydy'r cwrs",
    "pa mor hir mae pob cwrs yn para",
    "faint o amser mae'n ei gymryd",
    "faint ydy'r ffi ychwanegol",
    "be di'r ffi ychwanegol",
    "sut mae'r top up yn gweithio",
    "beth yw'r marc llwyddo",
    "ydy'r marc llwyddo dros 50",
    "be sy angen i basio",
    "fydda i'n cael gradd",
    "ydy o ar-lein",
    "ydy o i gyd ar y cyfrifiadur",
    "ga i siarad efo rhywun ar y ffôn",
    "pryd mae Genomics 4 yn cael ei ryddhau",
    "dyddiad dechrau Bioinformatics 2",
    "beth fydda i'n ei ddysgu ar Plant Breeding 1",
    "faint yw dy oed di",
    "dwi 20 munud yn hwyr",
    "faint o gyrsiau alla i eu gwneud",
    "i bwy mae'r cyrsiau",
    "oes gostyngiad ar yr MSc os dwi wedi gwneud microgymwysterau",
    "os dwi'n mynd ymlaen i'r MSc ga i fy arian yn ôl",
    "fydd y dystysgrif yn dangos y marc",
    "oes angen ail-gofrestru",
    "ydy o'n llawn amser",
    "ga i siarad Cymraeg?",
    "atebwch yn Gymraeg plis",
    "beth yw lliw'r awyr",
]


@pytest.mark.parametrize(("text", "topic_id"), WELSH_PHRASINGS)
def test_a_welsh_question_the_page_is_silent_on_is_matched_to_its_topic(text, topic_id):
    found = silent_topic(text)
    assert found is not None and found.id == topic_id


@pytest.mark.parametrize("text", WELSH_NOT_SILENT)
def test_welsh_questions_the_page_answers_or_that_name_no_topic_get_none(text):
    assert silent_topic(text) is None


def test_every_topic_has_at_least_three_welsh_phrasings():
    counts = Counter(topic_id for _, topic_id in WELSH_PHRASINGS)
    assert {t.id for t in TOPICS} == set(counts)
    assert min(counts.values()) >= 3 and len(WELSH_PHRASINGS) >= 120


@pytest.mark.parametrize(
    ("typed", "accented"),
    [("fisau", "fisâu"), ("ga i fy arian yn ol", "ga i fy arian yn ôl"), ("prisiau grwp", "prisiau grŵp")],
)
def test_welsh_is_matched_with_or_without_its_accents(typed, accented):
    assert silent_topic(typed) == silent_topic(accented) is not None


@pytest.mark.parametrize(
    "text",
    ["ga i ad-daliad, ac oes tystysgrif?", "oes tystysgrif, a ga i ad-daliad?"],
)
def test_the_earliest_welsh_mention_wins(text):
    first = "refunds" if text.startswith("ga i ad-daliad") else "certificates"
    assert silent_topic(text).id == first


@pytest.mark.parametrize(("text", "topic_id"), MORE_PHRASINGS)
def test_the_gaps_users_showed_are_matched_to_their_topic(text, topic_id):
    found = silent_topic(text)
    assert found is not None and found.id == topic_id


@pytest.mark.parametrize("text", NEAR_BUT_NOT_SILENT)
def test_questions_near_the_new_topics_that_the_page_answers_get_none(text):
    assert silent_topic(text) is None


def test_each_gap_has_at_least_eight_phrasings():
    counts = Counter(topic_id for _, topic_id in MORE_PHRASINGS)
    assert min(counts.values()) >= 8
    assert len(NEAR_BUT_NOT_SILENT) >= 8


def test_the_new_topics_read_well_after_about():
    assert topic_label(topic("instalments")) == "paying monthly or in instalments"
    assert topic_label(topic("syllabus")) == "the detailed course content and syllabus"
    assert topic_label(topic("waiting_lists")) == "waiting lists and being told when a course opens"


@pytest.mark.parametrize(("text", "topic_id"), PHRASINGS)
def test_a_question_the_page_is_silent_on_is_matched_to_its_topic(text, topic_id):
    found = silent_topic(text)
    assert found is not None and found.id == topic_id


@pytest.mark.parametrize("text", NOT_SILENT)
def test_questions_the_page_answers_or_that_name_no_topic_get_none(text):
    assert silent_topic(text) is None


def test_the_tables_cover_at_least_forty_phrasings():
    assert len(PHRASINGS) + len(NOT_SILENT) >= 40


def test_the_earliest_mention_wins():
    assert silent_topic("can I get a refund, and is there a certificate?").id == "refunds"
    assert silent_topic("is there a certificate, and can I get a refund?").id == "certificates"


def test_the_longer_match_wins_at_the_same_place():
    assert silent_topic("deadline for paying the top-up?").id == "top_up_deadline"
    assert silent_topic("deadline for the final report?").id == "deadlines"


def test_resits_and_the_top_up_deadline_use_the_rule_modules_wording():
    assert topic("resits").rule == "resit_after_fail" and rule_note(topic("resits")) == resit_after_fail()
    assert rule_note(topic("top_up_deadline")) == top_up_deadline()
    assert rule_note(topic("refunds")) is None and rule_note(None) is None
    assert {t.rule for t in TOPICS if t.rule} == set(RULES)


@pytest.mark.parametrize("language", ["en", "cy"])
def test_every_topic_has_a_unique_id_a_label_in_each_language_and_valid_patterns(language):
    assert len({t.id for t in TOPICS}) == len(TOPICS) == len(TABLE)
    for topic_id, _, patterns, unless in TABLE:
        label = topic_label(topic(topic_id), language)
        assert re.fullmatch(r"[a-z_]+", topic_id) and label and patterns
        for pattern in (*patterns, *unless):
            re.compile(pattern)
        assert not re.search(r"\b(?:£|\d+%)", label)  # labels name topics, never state policy


def test_the_brief_topic_list_is_covered():
    ids = {t.id for t in TOPICS}
    assert {
        "refunds", "entry_requirements", "payment_methods", "instalments", "start_dates", "weekly_workload",
        "visas", "certificates", "accessibility", "resits", "deadlines", "top_up_deadline", "welsh",
        "technical_requirements", "tutor_support", "discounts", "funding", "employer_funding",
    } <= ids  # fmt: skip
    assert topic_label(topic("welsh")) == "whether courses are taught in Welsh"
