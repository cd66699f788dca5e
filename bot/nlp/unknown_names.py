"""Course names that are not in the catalogue ("the Soil Science microcredential", "Genomics 7"), and near misses.

find_unknown_course reads the places a course name sits in a question: before a word like "course", "module",
"set" or "one"; after "a course on/in/about/called"; after "do you offer/have/do/run"; in quotes; or before a
course number ("Advanced Genomics 7"). A name there that the catalogue knows (see bot.nlp.names) is not
unknown; ordinary words ("the credit-bearing one", "the data set one", "a whole set") are not names at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import FrozenSet, Iterable, Iterator, List, Optional, Sequence, Tuple

from bot.nlp.names import resolve_course, resolve_set
from bot.nlp.numbers import ROMAN, WORDS
from bot.nlp.silent_topics import silent_topic
from bot.rules.model import Course

MAX_NAME_WORDS = 5
SIMILARITY = 0.6  # difflib's own cut-off for get_close_matches: one or two letters wrong in a name still pass
SHARED_WORD_LETTERS = 5  # a shared word this long ("genomics", "science") makes a name a near miss too


def _words(text: str) -> FrozenSet[str]:
    """A set of words written as one string."""
    return frozenset(text.split())


KEYWORDS = _words(
    "course courses microcredential microcredentials micro-credential micro-credentials module modules set sets one ones"
)
ONE = _words("one ones")  # "the beekeeping one": only after "the", so "a good one" and "square one" are not names
PRECEDERS = _words(
    "the a an any some your these those this that no there about do have offer run on in for of with is are does "
    "what which and or"
)
PREPOSITIONS = _words("on in about covering called named titled")
CALLED = _words("called named titled")
OFFER_VERBS = _words("offer have do run teach provide deliver")
STOP = _words(
    "a an the any some this that these those there here it its it's is are was were be been am do does did done "
    "doing have has had will would can could should shall may might must i i'm i've me my mine you your we us our "
    "they them their he she his her what what's whats which who whom whose when where why how tell on in of for "
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
DESCRIPTORS = _words(
    "credit credits credit-bearing bearing learning learning-only only online full whole complete entire next "
    "first second third fourth last final latest new newest old other same different cheaper cheapest cheap "
    "expensive short shortest long longest easy easiest hard hardest free paid data dataset data-set analysis "
    "report test quiz exam assessment masters master's msc postgraduate undergraduate degree university uni "
    "ibers aberystwyth aber wales welsh english cymraeg distance micro top-up topup self-paced part-time "
    "full-time current upcoming future remaining missing agrifood agri-food biotech bioinnovation related "
    "relevant similar particular specific certain individual single separate semester term year week weeks "
    "month months level part step stage page section question number option tier version campus person "
    "general total advance january february march april may june july august september october november "
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
UNITS = _words("week weeks credit credits hour hours month months year years percent per pounds times of x %")
CATALOGUE_CUES = re.compile(
    r"\b(?:course|module|microcredential|micro-credential|set|release|released|come out|comes out|out yet|"
    r"bookable|book|available|launch|tell me about|assessment|pass mark|info on|details of)",
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
_CODE = re.compile(r"([a-z]{2,3})(\d{1,2})")


@dataclass(frozen=True)
class _Token:
    """One word, number or punctuation mark of the message, with where it sits."""

    text: str  # lower case, straight apostrophes
    start: int
    end: int

    @property
    def is_number(self) -> bool:
        """A course number: 1-20 in digits (no leading zero), a number word up to twenty, or a Roman numeral ii-vi."""
        digits = self.text.isdigit() and not self.text.startswith("0") and int(self.text) <= 20
        return digits or self.text in NUMBER_WORDS or self.text in ROMAN_NUMBERS

    @property
    def is_name_word(self) -> bool:
        """A word that can be part of a course name (not a function word, a descriptor or a keyword)."""
        word = self.text
        plain = word not in STOP and word not in DESCRIPTORS and word not in KEYWORDS
        return word[0].isalpha() and plain and not self.is_number


def _tokens(text: str) -> List[_Token]:
    """The message's tokens, lower-cased."""
    return [_Token(m.group(0).lower().replace("\u2019", "'"), m.start(), m.end()) for m in _TOKEN.finditer(text)]


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
        if token.text in ONE and not (span[0] > 0 and tokens[span[0] - 1].text == "the"):
            continue
        if _preceded_well(tokens, span[0]) or _whole_message(tokens, span[0], index):
            yield span


def _after_prepositions(tokens: Sequence[_Token]) -> Iterator[Tuple[int, int]]:
    """Names after "a course on/in/about/called": "a course on beekeeping"."""
    for index, token in enumerate(tokens[:-2]):
        if (token.text in KEYWORDS | {"anything", "something"}) and tokens[index + 1].text in PREPOSITIONS:
            naming = tokens[index + 1].text in CALLED
            if span := (_called(tokens, index + 2) if naming else _name_right_of(tokens, index + 2)):
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
        span = _name_right_of(tokens, start)
        if span is None:
            continue
        after = tokens[span[1] + 1].text if span[1] + 1 < len(tokens) else "?"
        words = [t.text for t in tokens[span[0] : span[1] + 1]]
        ends_clause = after in KEYWORDS or not (after[0].isalnum())
        if ends_clause and not NOT_OFFERINGS.intersection(words) and silent_topic(" ".join(words)) is None:
            yield span


def _numbered(tokens: Sequence[_Token], text: str, courses: Sequence[Course]) -> Iterator[Tuple[int, int]]:
    """Names before a course number ("Advanced Genomics 7", "PB 7") or course codes ("PB7")."""
    set_words = {word for course in courses for word in _SPLIT_WORDS.findall(course.set_name.lower())}
    set_codes = {course.set_code.lower() for course in courses}
    cue = bool(CATALOGUE_CUES.search(text))
    for index, token in enumerate(tokens):
        code = _CODE.fullmatch(token.text)
        if code and code.group(1) in set_codes:
            yield index, index
            continue
        if not token.is_number or token.text == "one" and index + 1 < len(tokens) and tokens[index + 1].text in UNITS:
            continue
        if index + 1 < len(tokens) and tokens[index + 1].text in UNITS:
            continue
        span = _name_left_of(tokens, index, allow_number=False)
        if span is None:
            continue
        words = {t.text for t in tokens[span[0] : index]}
        if words & (set_words | set_codes) or (cue and _preceded_well(tokens, span[0])):
            yield span[0], index


_SPLIT_WORDS = re.compile(r"[a-z]+")


def _quoted(text: str) -> Iterator[Tuple[int, str]]:
    """Names in quotes: "is 'Soil Science' bookable?"."""
    for match in _QUOTED.finditer(text):
        inner = match.group(1).strip()
        if any(t.is_name_word for t in _tokens(inner)) and silent_topic(inner) is None:
            yield match.start(1), inner


def is_catalogue_name(name: str, courses: Iterable[Course]) -> bool:
    """Whether a typed name is a course or set of the catalogue (a trailing plural "s" either way is forgiven)."""
    courses = tuple(courses)
    variants = {name, name + "s", name[:-1] if name.lower().endswith("s") else name}
    if any(resolve_course(v, courses) or resolve_set(v, courses) for v in variants):
        return True
    return _part_of_one_set(name, courses)


def _part_of_one_set(name: str, courses: Sequence[Course]) -> bool:
    """Whether a number-less name is part of exactly one set's name ("livestock" -> Livestock Science)."""
    words = set(_SPLIT_WORDS.findall(name.lower()))
    if not words or re.search(r"\d", name) or words & (NUMBER_WORDS | ROMAN_NUMBERS):
        return False
    owners = {c.set_code for c in courses if words <= set(_SPLIT_WORDS.findall(c.set_name.lower()))}
    return len(owners) == 1


def find_unknown_course(text: str, courses: Sequence[Course]) -> Optional[str]:
    """The name, as typed, of a course or set the message asks about that the catalogue does not have, else None."""
    tokens = _tokens(text)
    found: List[Tuple[int, str]] = list(_quoted(text))
    spans = [
        *_before_keywords(tokens),
        *_after_prepositions(tokens),
        *_offered(tokens),
        *_numbered(tokens, text, courses),
    ]
    found += [(tokens[first].start, text[tokens[first].start : tokens[last].end]) for first, last in spans]
    unknown = sorted((start, name) for start, name in found if not is_catalogue_name(name, courses))
    return unknown[0][1] if unknown else None


def _similarity(name: str, candidate: str) -> float:
    """How alike two names are, 0..1: difflib's ratio, or the cut-off itself when they share a long word."""
    name, candidate = name.lower(), candidate.lower()
    ratio = SequenceMatcher(None, name, candidate).ratio()
    shared = {w for w in _SPLIT_WORDS.findall(name) if len(w) >= SHARED_WORD_LETTERS} & set(
        _SPLIT_WORDS.findall(candidate)
    )
    return max(ratio, SIMILARITY if shared else 0.0)


def _split_number(name: str) -> Tuple[str, Optional[int]]:
    """A typed name without its trailing course number, and the number ("Genomics 7" -> ("Genomics", 7))."""
    code = _CODE.fullmatch(name.lower().replace(" ", ""))
    if code:
        return code.group(1), int(code.group(2))
    words = name.split()
    last = words[-1].lower() if words else ""
    if len(words) > 1 and (last.isdigit() or last in NUMBER_WORDS or last in ROMAN_NUMBERS):
        number = int(last) if last.isdigit() else WORDS.get(last, ROMAN.get(last, 0))
        return " ".join(words[:-1]), number
    return name, None


def closest_courses(name: str, courses: Sequence[Course], limit: int = 3) -> List[str]:
    """Real names close to a typed one, best first, for "did you mean": a set, or its course when the number exists."""
    words, number = _split_number(name)
    titles = {(course.set_name, course.position): course.title for course in courses}
    set_names = list(dict.fromkeys(course.set_name for course in courses))
    named = resolve_set(words, courses)
    if named is not None:
        return [titles.get((named[1], number or 0), named[1])]
    scored = sorted((-_similarity(words, set_name), order, set_name) for order, set_name in enumerate(set_names))
    return [titles.get((set_name, number or 0), set_name) for score, _, set_name in scored if -score >= SIMILARITY][
        :limit
    ]
