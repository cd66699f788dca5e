"""Course names that are not in the catalogue ("the Soil Science microcredential", "Genomics 7"), and near misses.

find_unknown_course reads the places a course name sits in a question: before a word like "course", "module",
"set" or "one"; after "a course on/in/about/called"; after "do you offer/have/do/run"; in quotes; before a course
number ("Advanced Genomics 7", "forestry 1?"); capitalised in a catalogue question ("can I book Zoology"). A name
grows leftwards over name-like words ("Data Science 1", "Animal Health and Welfare 2") unless it is a real set's.
A name the catalogue knows (see bot.nlp.names) is not unknown; "the data set one" or "windows 10" are no names.
Welsh is read the same way ("cwrs ar X", "oes gennych chi X", "be am X 2", "y set X"): see bot.nlp.welsh_words.
The real names close to an unknown one are in bot.nlp.near_misses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import FrozenSet, Iterable, Iterator, List, Optional, Sequence, Tuple

from bot.nlp import welsh_words as cy
from bot.nlp.names import resolve_course, resolve_set
from bot.nlp.numbers import ROMAN, WORDS
from bot.nlp.silent_topics import silent_topic
from bot.rules.model import Course

MAX_NAME_WORDS = 5
_words = cy.words  # a set of words written as one string

KEYWORDS = cy.CY_KEYWORDS | _words(
    "course courses microcredential microcredentials micro-credential micro-credentials module modules set sets one ones"
)
ONE = _words("one ones")  # "the beekeeping one": only after "the", so "a good one" and "square one" are not names
PRECEDERS = _words(
    "the a an any some your these those this that no there about do have offer run on in for of with is are does "
    "what which and or"
)
PREPOSITIONS = _words("on in about covering called named titled") | cy.CY_PREPOSITIONS  # "cwrs ar X"
ANYTHING = _words("anything something rhywbeth rywbeth")  # "unrhyw beth ar X" too
CALLED = _words("called named titled")
OFFER_VERBS = _words("offer have do run teach provide deliver")
STOP = cy.CY_STOP | _words(
    "a an the any some this that these those there here it its it's is are was were be been am do does did done "
    "doing have has had will would can could should shall may might must i i'm i've i'd i'll me my mine you your we "
    "us our they them their he she his her what what's whats which who whom whose when where why how tell on in of for "
    "about to from with by at as and or but not no yes if then than so also too very really just please thanks hi "
    "hello hey ok okay want like know need get got give offer offering provide run teach anything something "
    "everything nothing more most much many few another each every all both either own such still yet now soon "
    "out up down over off again ever never always already available bookable open released release coming come "
    "comes starting start starts begin book booking booked take taking taken study studying enrol enroll "
    "register sign join apply interested looking see find info information details whether isn't aren't don't "
    "doesn't can't won't called named titled covering per when's whens wot wots wat wht r ur u pls plz describe "
    "explain define onto until after before finish finished finishing complete completed completing pass passed "
    "passing took spent convert converting turn move use mix mixed afford cover deduct deducting spans "
    "re-registering re-register writing word concept behind means mean enquiry enquiries list show"
)
DESCRIPTORS = cy.CY_DESCRIPTORS | _words(
    "credit credits credit-bearing bearing learning learning-only only online full whole complete entire next "
    "first second third fourth last final latest new newest old other same different cheaper cheapest cheap "
    "expensive short shortest long longest easy easiest hard hardest free paid data dataset data-set analysis "
    "report test quiz exam assessment masters master's msc postgraduate undergraduate degree university uni "
    "ibers aberystwyth aber wales welsh english cymraeg distance micro top-up topup self-paced part-time "
    "full-time current upcoming future remaining missing agrifood agri-food biotech bioinnovation related "
    "relevant similar particular specific certain individual single separate semester term year week weeks "
    "month months level part step stage page section question number option tier version campus person "
    "general total advance pounds euros dollars gbp sterling monday tuesday wednesday thursday friday saturday "
    "sunday christmas easter january february march april may june july august september october november "
    "december spring summer autumn winter evening evenings weekend weekends certificate dl actual mini classroom "
    "normal proper real typical multiple several unlimited parallel introductory intro beginner beginners basic "
    "good nice great fee fees cost costs price prices undergrad accredited recognised recognized under over within"
)
NOT_OFFERINGS = _words(
    "refund refunds discount discounts certificate certificates brochure brochures instalments payment payments "
    "plan plans support help advice phone number email address website form forms lecture lectures live "
    "session sessions class classes webinar webinars seminar seminars lesson lessons tutorial tutorials exams "
    "tests quizzes bursaries scholarships funding loans grants accommodation parking library event events tour "
    "tours chat bot human person people staff team someone agent time hours price prices fee fees cost costs "
    "list lists date dates deadline deadlines material materials video videos resource resources download "
    "downloads minute question questions idea clue contact contacts number numbers pdf leaflet leaflets flyer "
    "flyers prospectus booklet guide"
)
NAME_DESCRIPTORS = _words(
    "data dataset analysis learning agrifood agri-food biotech bioinnovation welsh english distance"
)
BRIDGES = _words("of and & to in for")  # "Animal Health and Welfare 2": only between capitalised words
NOT_NAMES = _words(
    "windows python iphone ipad android ios mac macbook excel office covid chapter unit units lesson room day days top "
    "grade grades band key phase round attempt try form year-old stage page floor line bus route platform table prob "
    "probably maybe perhaps around roughly approx approximately about only just like topped topping view handled "
    "handle close closed resolve resolved mark marked delete reply ticket open"
)  # words before a number that make no course name: "windows 10", "probably 2", "close 11"
CATALOGUE_VERBS = _words(
    "book booking take taking do doing study studying enrol enroll enrolling join start starting begin on onto into "
    "about for is are when released release bookable available"
)
AFTER_NAME = _words(
    "bookable available out released release open opening opens running launched launching starting start starts "
    "coming come comes begin begins"
)
FILLERS = cy.CY_FILLERS | _words(
    "and or what about how then so ok okay the is there a an also please thanks yes no hmm right"
)
UNITS = _words("week weeks credit credits hour hours month months year years percent per pounds times of x %")
CATALOGUE_CUES = re.compile(
    r"\b(?:course|module|microcredential|micro-credential|set|release|released|come out|comes out|out yet|bookable|"
    r"book|booking|available|launch|about|assessment|pass mark|info on|details of|start|starts|begin|open|opens|one|"
    r"enrol|enroll|sign up|register|study|take)|" + cy.CY_CATALOGUE_CUES,
    re.IGNORECASE,
)
NUMBER_WORDS = frozenset(word for word, value in WORDS.items() if 1 <= value <= 20 and word.isalpha()) - {
    "a", "an", "once", "both", "twice", "couple", "single",
}  # fmt: skip
ROMAN_NUMBERS = frozenset(ROMAN) - {"i", "v"}
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019&-]*[A-Za-z]|[A-Za-z]|\d+|[^\sA-Za-z\d]")
_QUOTED = re.compile(
    r"(?:^|(?<=\s))[\"\u201c'\u2018]([^\"\u201c\u201d'\u2018\u2019\n]{2,60}?)[\"\u201d'\u2019](?=[\s?.!,;:]|$)"
)
COURSE_CODE = re.compile(r"([a-z]{2,3})(\d{1,2})")


@dataclass(frozen=True)
class _Token:
    """One word, number or punctuation mark of the message, with where it sits."""

    text: str  # lower case, straight apostrophes
    start: int
    end: int
    capital: bool = False  # typed with a capital letter ("Data Science")

    @property
    def is_number(self) -> bool:
        """A course number: 1-20 in digits (no leading zero), a number word up to twenty, or a Roman numeral ii-vi."""
        digits = self.text.isdigit() and not self.text.startswith("0") and int(self.text) <= 20
        return digits or self.text in NUMBER_WORDS or self.text in ROMAN_NUMBERS or self.text in cy.CY_NUMBERS

    def name_like(self) -> bool:
        """A name word or a name-like descriptor ("Data" in "Applied Data Science")."""
        return self.is_name_word or self.text in NAME_DESCRIPTORS

    @property
    def is_name_word(self) -> bool:
        """A word that can be part of a course name (not a function word, a descriptor or a keyword)."""
        word = self.text
        base = cy.without_clitic(word)  # Welsh "mae'n", "ydy'r", "i'w"
        plain = all(w not in STOP and w not in DESCRIPTORS and w not in KEYWORDS for w in {word, base})
        return word[0].isalpha() and plain and not self.is_number


def _tokens(text: str) -> List[_Token]:
    """The message's tokens, lower-cased."""
    return [
        _Token(m.group(0).lower().replace("\u2019", "'"), m.start(), m.end(), m.group(0)[0].isupper())
        for m in _TOKEN.finditer(text)
    ]


def _name_left_of(tokens: Sequence[_Token], end: int, allow_number: bool = True) -> Optional[Tuple[int, int]]:
    """Indices [first, last] of the name that ends just before tokens[end], or None."""
    index = end - 1
    last = index
    if allow_number and index >= 0 and tokens[index].is_number and not tokens[index].text == "one":
        index -= 1
    first = index + 1
    while index >= 0 and tokens[index].is_name_word and last - index < MAX_NAME_WORDS:
        first = index
        index -= 1
    return (first, last) if first <= last and tokens[first].is_name_word else None


def _preceded_well(tokens: Sequence[_Token], first: int) -> bool:
    """Whether the word before a name is one that introduces names ("the", "any", "about", "is"), not a verb."""
    while first > 1 and tokens[first - 1].text in NAME_DESCRIPTORS:  # "the data science set"
        first -= 1
    return first > 0 and tokens[first - 1].text in PRECEDERS


def _whole_message(tokens: Sequence[_Token], first: int, keyword: int) -> bool:
    """Whether the message is only a name and a keyword ("Beekeeping course?")."""
    return first == 0 and all(not t.text[0].isalnum() for t in tokens[keyword + 1 :])


def _name_right_of(tokens: Sequence[_Token], start: int) -> Optional[Tuple[int, int]]:
    """Indices [first, last] of the name that starts at tokens[start], with any course number after it."""
    index = start
    while index < len(tokens) and tokens[index].is_name_word and index - start < MAX_NAME_WORDS:
        index += 1
    if index == start:
        return None
    if index < len(tokens) and tokens[index].is_number:
        index += 1
    return start, index - 1


def _before_keywords(tokens: Sequence[_Token]) -> Iterator[Tuple[int, int]]:
    """Names before "course", "module", "set", "one": "the Soil Science microcredential"."""
    for index, token in enumerate(tokens):
        if token.text not in KEYWORDS or not (span := _name_left_of(tokens, index)):
            continue
        after_the = span[0] > 0 and tokens[span[0] - 1].text == "the"
        if (token.text in ONE and not after_the) or (span[0] == 1 and tokens[0].text in {"do", "does"}):
            continue  # "a good one"; "do employers value microcredentials" (a question's subject, not a name)
        if _preceded_well(tokens, span[0]) or _whole_message(tokens, span[0], index):
            yield span


def _after_prepositions(tokens: Sequence[_Token]) -> Iterator[Tuple[int, int]]:
    """Names after "a course on/in/about/called": "a course on beekeeping"."""
    for index, token in enumerate(tokens[:-2]):
        anything = token.text in ANYTHING or (token.text == "beth" and index and tokens[index - 1].text == "unrhyw")
        if (token.text in KEYWORDS or anything) and tokens[index + 1].text in PREPOSITIONS:
            naming = tokens[index + 1].text in CALLED
            start = index + 2
            if tokens[index + 1].text in {"ynglyn", "ynglŷn"} and tokens[start].text in cy.WITH_WORDS:
                start += 1  # "cwrs ynglŷn â X"
            if start < len(tokens) and (span := (_called(tokens, start) if naming else _name_right_of(tokens, start))):
                yield span
        elif token.text in cy.CY_KEYWORDS and _join(tokens, (index + 1, index + 2)) == "o'r enw":
            if span := _called(tokens, index + 3):  # "cwrs o'r enw X" (a course called X)
                yield span


def _called(tokens: Sequence[_Token], start: int) -> Optional[Tuple[int, int]]:
    """The words after "called" up to the end of the clause, less trailing function words ("... available now")."""
    end = start
    while end < len(tokens) and tokens[end].text[0].isalnum() and end - start < MAX_NAME_WORDS + 1:
        end += 1
    while end > start and not (tokens[end - 1].is_name_word or tokens[end - 1].is_number):
        end -= 1
    return (start, end - 1) if end > start and tokens[start].is_name_word else None


def _offered(tokens: Sequence[_Token]) -> Iterator[Tuple[int, int]]:
    """Names after "do you offer/have/do/run (a/any)": "do you offer soil science?"."""
    for index in range(len(tokens) - 2):
        if tokens[index].text != "do" or tokens[index + 1].text != "you" or tokens[index + 2].text not in OFFER_VERBS:
            continue
        start = index + 3
        if start < len(tokens) and tokens[start].text in {"a", "an", "any", "some"}:
            start += 1
        if span := _offering(tokens, start, NOT_OFFERINGS):
            yield span


def _offering(tokens: Sequence[_Token], start: int, not_offerings: FrozenSet[str]) -> Optional[Tuple[int, int]]:
    """The name at tokens[start] when it ends the clause and is no service ("a brochure") or silent topic."""
    span = _name_right_of(tokens, start) if start < len(tokens) else None
    if span is None:
        return None
    after = tokens[span[1] + 1].text if span[1] + 1 < len(tokens) else "?"
    words = [t.text for t in tokens[span[0] : span[1] + 1]]
    ends_clause = after in KEYWORDS or not (after[0].isalnum())
    if ends_clause and not not_offerings.intersection(words) and silent_topic(" ".join(words)) is None:
        return span
    return None


def _cy_offered(tokens: Sequence[_Token]) -> Iterator[Tuple[int, int]]:
    """Names after "oes gennych chi", "ydych chi'n cynnig", "oes (unrhyw) gwrs": "oes gennych chi Soil Science?"."""
    for start in cy.offered_starts([t.text for t in tokens]):
        if span := _offering(tokens, start, NOT_OFFERINGS | cy.CY_NOT_OFFERINGS):
            yield span


def _cy_after_keyword(tokens: Sequence[_Token]) -> Iterator[Tuple[int, int]]:
    """Capitalised names after a Welsh keyword with its article: "y set Soil Science", "ydy'r cwrs Forestry 2"."""
    for start in cy.after_article_keyword([t.text for t in tokens]):
        if tokens[start].capital and (span := _name_right_of(tokens, start)):
            yield span


def _numbered(tokens: Sequence[_Token], text: str, courses: Sequence[Course]) -> Iterator[Tuple[int, int]]:
    """Names before a course number ("Advanced Genomics 7", "can I book precision agriculture 2", "forestry 1?")."""
    set_words = {word for course in courses for word in NAME_WORDS.findall(course.set_name.lower())}
    set_codes = {course.set_code.lower() for course in courses}
    cue = bool(CATALOGUE_CUES.search(text))
    for index, token in enumerate(tokens):
        code = COURSE_CODE.fullmatch(token.text)
        if code and code.group(1) in set_codes:
            yield index, index
            continue
        if not token.is_number or index + 1 < len(tokens) and tokens[index + 1].text in UNITS:
            continue
        if token.text == "one" and not {t.text for t in tokens[max(0, index - MAX_NAME_WORDS) : index]} & set_words:
            continue  # "topped one up": "one" numbers only a real set ("genomics one")
        span = _name_left_of(tokens, index, allow_number=False)
        if span is None:
            continue
        words = {t.text for t in tokens[span[0] : index]}
        if words & (NOT_NAMES | NOT_OFFERINGS):
            continue
        before = tokens[span[0] - 1].text if span[0] else ""
        introduced = span[0] == 0 or before in PRECEDERS | CATALOGUE_VERBS | cy.CY_CATALOGUE_VERBS | cy.CY_INTRODUCERS
        if words & (set_words | set_codes) or (cue and introduced) or _alone(tokens, span[0], index):
            yield span[0], index


def _alone(tokens: Sequence[_Token], first: int, last: int) -> bool:
    """Whether a name is all the message says, less fillers: "zoology 2 then?", "and forestry 1?"."""
    rest = [t.text for t in (*tokens[:first], *tokens[last + 1 :]) if t.text[0].isalnum()]
    return all(word in FILLERS for word in rest)


def _capitalised(tokens: Sequence[_Token]) -> Iterator[Tuple[int, int]]:
    """Capitalised names in a catalogue question: "can I book Precision Agriculture", "is Horticulture out yet"."""
    index = 0
    while index < len(tokens):
        if not (tokens[index].capital and tokens[index].is_name_word):
            index += 1
            continue
        last = index
        while last + 1 < len(tokens) and tokens[last + 1].capital and tokens[last + 1].name_like():
            last += 1  # "Applied Data Science": a name-like descriptor may sit inside
        after = tokens[last + 1].text if last + 1 < len(tokens) else ""
        before = tokens[index - 1].text if index else ""
        introduced = index and before in CATALOGUE_VERBS - {"is", "are", "when", "do", "doing", "for"}
        introduced = introduced or (
            index and (before in cy.CY_CATALOGUE_VERBS or cy.about_at([t.text for t in tokens], index - 1))
        )
        if (after in AFTER_NAME or introduced or cy.available_at([t.text for t in tokens], last + 1)) and silent_topic(
            _join(tokens, (index, last))
        ) is None:
            yield index, last
        index = last + 1


def _extended(tokens: Sequence[_Token], span: Tuple[int, int], courses: Sequence[Course]) -> Tuple[int, int]:
    """A name grown leftwards over name-like words ("Science 1" -> "Data Science 1"), unless it is a real set's."""
    first, last = span
    core = " ".join(t.text for t in tokens[first : last + 1] if not t.is_number)
    if any(resolve_set(variant, courses) for variant in _plurals(core)):  # "genomic 7": a real set's number
        return span
    while first > 0:
        word = tokens[first - 1]
        if word.text in NAME_DESCRIPTORS or (first > 1 and word.capital and word.is_name_word):
            first -= 1
        elif first > 1 and word.text in BRIDGES and tokens[first].capital and tokens[first - 2].capital:
            left = _name_left_of(tokens, first - 1, allow_number=False)
            if left is None or any(
                is_catalogue_name(_join(tokens, (i, left[1])), courses) for i in range(left[0], left[1] + 1)
            ):
                break  # "Genomics and Soil Science 2": a real name on the left is a second name, not part of this
            first = left[0]
        else:
            break
    return first, last


def _join(tokens: Sequence[_Token], span: Tuple[int, int]) -> str:
    """The lower-case words of a span."""
    return " ".join(t.text for t in tokens[span[0] : span[1] + 1])


def _plurals(name: str) -> FrozenSet[str]:
    """A name with and without a trailing plural "s"."""
    return frozenset({name, name + "s", name[:-1] if name.lower().endswith("s") else name})


NAME_WORDS = re.compile(r"[a-z]+")


def _quoted(text: str) -> Iterator[Tuple[int, str]]:
    """Names in quotes: "is 'Soil Science' bookable?"."""
    for match in _QUOTED.finditer(text):
        inner = match.group(1).strip()
        if any(t.is_name_word for t in _tokens(inner)) and silent_topic(inner) is None:
            yield match.start(1), inner


def is_catalogue_name(name: str, courses: Iterable[Course]) -> bool:
    """Whether a typed name is a course or set of the catalogue (a trailing plural "s" either way is forgiven)."""
    courses = tuple(courses)
    name = " ".join(str(cy.CY_NUMBERS.get(word.lower(), word)) for word in name.split())  # "Plant Breeding dau"
    known = any(resolve_course(v, courses) or resolve_set(v, courses) for v in _plurals(name))
    return known or _part_of_one_set(name, courses)


def _part_of_one_set(name: str, courses: Sequence[Course]) -> bool:
    """Whether a number-less name is part of exactly one set's name ("livestock" -> Livestock Science)."""
    words = set(NAME_WORDS.findall(name.lower()))
    if not words or re.search(r"\d", name) or words & (NUMBER_WORDS | ROMAN_NUMBERS | frozenset(cy.CY_NUMBERS)):
        return False
    owners = {c.set_code for c in courses if words <= set(NAME_WORDS.findall(c.set_name.lower()))}
    return len(owners) == 1


def find_unknown_course(text: str, courses: Sequence[Course]) -> Optional[str]:
    """The name, as typed, of a course or set the message asks about that the catalogue does not have, else None."""
    tokens = _tokens(text)
    found: List[Tuple[int, str]] = list(_quoted(text))
    spans = [
        *_before_keywords(tokens),
        *_after_prepositions(tokens),
        *_offered(tokens),
        *_cy_offered(tokens),
        *_cy_after_keyword(tokens),
        *_numbered(tokens, text, courses),
        *(_capitalised(tokens) if CATALOGUE_CUES.search(text) else ()),
    ]
    spans = [_extended(tokens, span, courses) for span in spans]
    found += [(tokens[first].start, text[tokens[first].start : tokens[last].end]) for first, last in spans]
    unknown = sorted((start, -len(name), name) for start, name in found if not is_catalogue_name(name, courses))
    return unknown[0][2] if unknown else None  # the earliest, and the longest there
