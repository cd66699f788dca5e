"""Read small whole numbers and sums of money written as digits or words ("2", "two", "none", "350 quid"), and lex a
message into the calculator's items (counts, kinds of course, anaphors, money, separators), in English or Welsh
("tri", "dau gyda chredydau", "dim un", "wedi gwario £350"): Welsh number words with their mutations, accents
folded (â, ŵ) as most people type them without."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

WORDS = {
    "zero": 0,
    "none": 0,
    "nothing": 0,
    "no": 0,
    "nil": 0,
    "nought": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "single": 1,
    "once": 1,
    "two": 2,
    "couple": 2,
    "both": 2,
    "twice": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
}
# Welsh, with the mutations a number takes after a word ("dau/ddau", "tri/dri/thri", "pump/bump/pum"); "dim" and
# "na" are zero like "no": a count only alone or before a kind or a noun ("dim gyda chredydau", "dim un").
WELSH_WORDS = {
    "dim": 0, "na": 0, "un": 1, "dau": 2, "ddau": 2, "dwy": 2, "ddwy": 2, "tri": 3, "dri": 3, "thri": 3, "tair": 3,
    "dair": 3, "thair": 3, "pedwar": 4, "bedwar": 4, "phedwar": 4, "pedair": 4, "bedair": 4, "phedair": 4, "pump": 5,
    "bump": 5, "pum": 5, "bum": 5, "phump": 5, "phum": 5, "chwech": 6, "chwe": 6, "saith": 7, "wyth": 8, "naw": 9,
    "deg": 10, "ddeg": 10, "deuddeg": 12, "ddeuddeg": 12, "pymtheg": 15, "bymtheg": 15, "ugain": 20, "hugain": 20,
}  # fmt: skip
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}
NUMBER_WORDS = tuple(word for word, value in WORDS.items() if word not in {"a", "an", "no", "once", "both", "twice"})
_TOKEN = re.compile(r"[a-z]+|\d+")
PENCE = 100


_ZERO_ONLY_BEFORE_A_KIND = frozenset({"no", "both", "dim", "na"})  # not counts in a sentence unless a kind follows


def fold(text: str) -> str:
    """Lower case, accents folded ("siŵr" -> "siwr", "â" -> "a") and curly apostrophes straight."""
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("\u2019", "'").replace("\u2018", "'"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def word_value(token: str) -> Optional[int]:
    """The value of one token written as digits or a number word (English or Welsh), else None."""
    token = token.lower()
    if token.isdigit():
        return int(token)
    if token in WELSH_WORDS:
        return WELSH_WORDS[token]
    return WORDS.get(token) if token in NUMBER_WORDS or token in {"no", "both"} else None


_NEGATED_ANY = re.compile(
    r"\b(?:not|never|haven't|havent|didn't|didnt|don't|dont|n't)\b.*\bany\b"
    r"|\b(?:ddim|heb|erioed)\b(?:\s+(?:wedi|yn|eto|erioed))*\s+(?:g?wneud|neud|n?ghwneud|dilyn|ddilyn|cymryd|gymryd"
    r"|astudio|talu|dalu|gwario|wario|cwblhau|gwblhau|cael|gael)\b[^.?!]*\b(?:unrhyw|un|dim)\b"
)
ZERO_ANSWERS = frozenset({"nope", "nah", "zilch", "naught", "nowt", "neither", "naddo", "dim"})
_UNSURE = re.compile(
    r"\b(?:no idea|no clue|not sure|unsure|dunno|don'?t know|do not know|can'?t remember|cannot remember|not a clue"
    r"|dim syniad|dim clem|dim cliw|ddim yn siwr|ddim yn sicr|ansicr|dwn i ddim|dwn im|dwi ddim yn gwybod"
    r"|ddim yn gwybod|sai'n gwybod|sa i'n gwybod|sai'n siwr|sa i'n siwr|ddim yn cofio|methu cofio|sai'n cofio)\b"
)
_VAGUE = re.compile(r"\b(?:or|few|some|several|many|maybe|neu|ychydig|rhai|sawl|llawer|efallai|falle|hwyrach)\b")
# Welsh words that change what the numbers in a short answer mean: "dim ond dau" is two ("only two"); "dim un" and
# "nac oes" are none; "pob un" and "yr un" are every one and each (a count only the question knows).
_CY_ANSWER = (
    (re.compile(r"\bdim ond\b|\bjyst\b|\bjest\b|\byn unig\b"), " "),
    (re.compile(r"\bd?dim (?:un|byd|o gwbl|eto)\b|\bna[cg] oes\b|\bheb un\b"), " dim "),
    (re.compile(r"\b(?:pob|bob|yr|pa|unrhyw) un\b"), " "),
)


def parse_count(text: str) -> Optional[int]:
    """The single count a short answer gives ("3", "three of them", "none", "nope", "just one", "tri", "dim un",
    "dim ond dau"), else None."""
    text = fold(text).replace(",", "")
    if _UNSURE.search(text):
        return None
    if _NEGATED_ANY.search(text):
        return 0
    for pattern, replacement in _CY_ANSWER:
        text = pattern.sub(replacement, text)
    tokens = _TOKEN.findall(text)
    if any(token in ZERO_ANSWERS for token in tokens):
        return 0
    values = [word_value(token) for token in tokens]
    found = [value for value in values if value is not None]
    if not found or (len(set(found)) > 1 or _VAGUE.search(text) and len(found) > 1):
        return None
    return found[0]


# --- money ----------------------------------------------------------------------------------------

_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "grand": 1000, "k": 1000}
_MONEY_WORDS = (
    "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
    "|sixty|seventy|eighty|ninety|hundred|thousand|grand|and"
)
_MONEY_WORD = re.compile(r"\b((?:(?:" + _MONEY_WORDS + r")\s+)+)(?:pounds?|quid)\b")
# Welsh sums in words: "tri chant a hanner o bunnoedd" (£350), "mil o bunnoedd", "dau gant o bunnoedd"
_MONEY_CY = re.compile(
    r"\b(?:([a-z]+)\s+)?(cant|chant|gant|mil|fil)(\s+a\s+hanner)?\s+(?:o\s+)?(?:b|p|ph)(?:unt|unnoedd)\b"
)
_MONEY_DIGITS = re.compile(
    r"£\s*(\d+(?:\.\d{1,2})?)\s*(k\b|grand\b)?|\b(\d+(?:\.\d{1,2})?)\s*(k|grand)?\s*(?:pounds?|quid|gbp"
    r"|(?:o\s+)?(?:p|b|ph)unt|(?:o\s+)?(?:p|b|ph)unnoedd)\b"
)


def _words_value(words: str) -> Optional[int]:
    """ "two hundred and fifty" -> 250; None if the words are not a number."""
    total, current = 0, 0
    for word in words.split():
        if word == "and":
            continue
        if word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
        elif word in _TENS:
            current += _TENS[word]
        elif word in {"a", "an"}:
            current += 1
        elif word_value(word) is not None:
            current += word_value(word) or 0
        else:
            return None
    return total + current


def money_spans(text: str) -> List[Tuple[int, int, int]]:
    """(start, end, pence) of every sum of money in lower-case text: "£350", "350 quid", "£1.2k", "two hundred pounds"."""
    found: List[Tuple[int, int, int]] = []
    for match in _MONEY_DIGITS.finditer(text):
        number = match.group(1) or match.group(3)
        scale = 1000 if (match.group(2) or match.group(4)) else 1
        found.append((match.start(), match.end(), round(float(number) * scale * PENCE)))
    for match in _MONEY_WORD.finditer(text):
        words = match.group(1).strip()
        value = _words_value(words) if re.search(r"hundred|thousand|grand", words) else None
        if value and not any(start <= match.start() < end for start, end, _ in found):
            found.append((match.start(), match.end(), value * PENCE))
    for match in _MONEY_CY.finditer(text):
        counted = match.group(1) in WELSH_WORDS and WELSH_WORDS[match.group(1)] > 0
        scale = 1000 if match.group(2) in {"mil", "fil"} else 100
        pounds = (WELSH_WORDS[match.group(1)] if counted else 1) * scale + (scale // 2 if match.group(3) else 0)
        start = match.start(1) if counted else match.start(2)
        if not any(begin <= start < end for begin, end, _ in found):
            found.append((start, match.end(), pounds * PENCE))
    return sorted(found)


# --- a message as tokens --------------------------------------------------------------------------

_REWRITES: Tuple[Tuple[str, str], ...] = (
    (r"[\u2018\u2019`]", "'"),
    (r"(?<=\d),(?=\d{3})", ""),
    (r"\b(\d+)\s*-\s*(\d+)\b", r"\1 to \2"),
    (r"(?<=[a-z0-9])-(?=[a-z0-9])", " "),
    (r"\bw/o\b", "without"),
    (r"\bw/", "with "),
    (r"\btop(ped|ping)? (them|it|those|both) (all |both )?up\b", r"top\1 up \2 \3"),
    (r"\btop\s?ups?\b|\btopups?\b|\btop\s?up\s?fees?\b", "top up"),
    (r"\btopp?p?ed\s?up\b|\btopedup\b|\btoppedup\b", "topped up"),
    (r"\btopp?ing\b", "topping"),
    (r"\bcredit\s+bearing\b", "with credits"),
    (r"\b(?:y |yr )?(?:set (?:gyfan|gyflawn|lawn|cyfan|cyflawn|llawn)(?: gwbl)?|holl set|set i gyd)\b", "whole set"),
    (r"\bun ar ddeg\b", "11"),
    (r"\by cant\b", "percent"),
)
_TYPOS = {
    "creds": "credits", "cedits": "credits", "crdits": "credits", "credts": "credits", "creidts": "credits",
    "creditss": "credits", "credits.": "credits", "lerning": "learning", "learnin": "learning", "learing": "learning",
    "leaning": "learning", "learnng": "learning", "wiht": "with", "wth": "with", "whit": "with", "onyl": "only",
    "ony": "only", "tow": "two", "thre": "three", "fourr": "four", "coures": "courses", "corses": "courses",
    "couses": "courses", "cources": "courses", "microcredentails": "microcredentials", "ive": "i've",
    "nd": "and", "n": "and", "abt": "about", "u": "you", "topupped": "topped",
}  # fmt: skip
_MESSAGE_TOKEN = re.compile(r"§\d+|\d+|[a-z']+|[,.;:!?()+&/]")


def message_tokens(text: str) -> List[str]:
    """Lower-case tokens with every sum of money replaced by one "§<pence>" token."""
    text = " ".join(fold(text).split())
    for pattern, replacement in _REWRITES[:2]:
        text = re.sub(pattern, replacement, text)
    for start, end, pence in reversed(money_spans(text)):
        text = f"{text[:start]} §{pence} {text[end:]}"
    for pattern, replacement in _REWRITES[2:]:
        text = re.sub(pattern, replacement, text)
    return [_TYPOS.get(token, token) for token in _MESSAGE_TOKEN.findall(text)]


# --- the lexicon -----------------------------------------------------------------------------------

_WELSH_NOUNS = (
    "cwrs gwrs chwrs nghwrs cyrsiau gyrsiau chyrsiau nghyrsiau microgymhwyster ficrogymhwyster microgymwysterau"
    " ficrogymwysterau microgymhwysterau ficrogymhwysterau"
)
NOUNS = frozenset({"course", "courses", "microcredential", "microcredentials", "mc", "mcs", "ones"}) | frozenset(
    _WELSH_NOUNS.split()
)
_UNITS = frozenset(
    {"week", "weeks", "month", "months", "year", "years", "percent", "%", "hours", "credits", "pm", "module", "modules"}
) | frozenset(
    "credyd gredyd chredyd credydau gredydau chredydau wythnos wythnosau mis misoedd blwyddyn flwyddyn blynedd"
    " mlynedd awr oriau munud modiwl modiwlau fodiwl fodiwlau cant chant gant mil fil"
    .split()
)  # fmt: skip
_SEPARATORS = frozenset(",.;:!?()+&/") | {"and", "but", "then", "plus", "while", "whereas", "also", "so", "after"}
_SEPARATORS |= {"ac", "ond", "hefyd", "plws", "tra"}
_THEN = frozenset({"then", "wedyn", "yna"})  # a separator and "after" at once: "one learning only, then topped up"
# category, value, phrases separated by "|"
# fmt: off
_LEXICON: Tuple[Tuple[str, Optional[int], str], ...] = (
    ("kind:credit", None, "with credits|with credit|with the credits|with university credits|for credits|for credit"
     "|for the credits|for university credits|to get credits|to get the credits|to earn credits|get credits"
     "|get the credits|credit course|credit courses|credit ones|credit one|credited|including credits"
     "|with assessment|full price|the full price|with the credit|paid for credits|credits on|credits for|credit on"),
    ("kind:learn", None, "learning only|for learning only|just for learning|for learning|learning purposes"
     "|for learning purposes|learning purposes only|to learn|just to learn|just learning|for interest"
     "|just for interest|for fun|without credits|without credit|without the credits|without|with no credits"
     "|with no credit|no credits|no credit|non credit|not for credits|not for credit|uncredited|learning"
     "|only learning"),
    ("kind:topup", None, "topped up|top up|topping up|converted|convert|converting|upgraded to credits"
     "|upgrade to credits|add credits|added credits|adding credits|topped|paid the top up"),
    ("of", None, "of them|of those|of these|of which|of the courses"),
    ("all", None, "all of them|all of those|them all|all|each of them|every one|all of these|the lot|them both"),
    ("all", 2, "both|both of them"),
    ("pron", 1, "it|that one|this one"),
    ("pron", None, "them|those|these"),
    ("rest", None, "the rest|the others|the other ones|the remaining|the remaining ones|the rest of them"),
    ("rest", 1, "the other|the other one"),
    ("num", 1, "another|another one|just the one|a single|single|one more"),
    ("num", 2, "a couple|a couple of|couple|a pair|a pair of|twice"),
    ("vague", None, "a few|few|some|several|a number of|lots|a bunch"),
    ("each", None, "each|apiece|a piece|per course|at|@|x"),
    ("after", None, "later|afterwards|since|subsequently|eventually|were|was|have been|got|then|wedyn"),
)
_CREDITS_CY = ("credydau", "gredydau", "chredydau", "credyd", "gredyd", "chredyd")


def _with_credits_cy(*before: str) -> str:
    """ "gyda chredydau|gyda credydau|efo'r credydau|...": every way of writing credits after each of the words."""
    words = [word for start in before for word in (start, f"{start}'r", f"{start} y")]
    return "|".join(f"{word} {credits}" for word in words for credits in _CREDITS_CY)


_WELSH_LEXICON: Tuple[Tuple[str, Optional[int], str], ...] = (
    ("kind:credit", None, _with_credits_cy("gyda", "gydag", "efo", "hefo", "a", "am", "i gael", "i ennill", "ennill",
     "er mwyn cael", "ar gyfer", "yn cynnwys", "gan gynnwys", "talu am", "wedi talu am", "dalu am")
     + "|pris llawn|y pris llawn|y ffi lawn|ffi lawn|cwrs credyd|cyrsiau credyd|gyda asesiad|gydag asesiad"),
    ("kind:learn", None, "dysgu yn unig|ddysgu yn unig|dysgu'n unig|ddysgu'n unig|i ddysgu|i ddysgu yn unig"
     "|er mwyn dysgu|er mwyn dysgu yn unig|ar gyfer dysgu|ar gyfer dysgu yn unig|at ddibenion dysgu"
     "|at ddibenion dysgu yn unig|dim ond dysgu|dim ond i ddysgu|dim ond er mwyn dysgu|jyst dysgu|jest dysgu"
     "|jyst i ddysgu|jest i ddysgu|er diddordeb|am hwyl|dysgu|ddysgu|heb|hebddyn|hebddynt|hebddyn nhw|hebddo"
     "|hebddi|heb ennill credydau|heb gael credydau|heb dalu am gredydau|un credited|" + _with_credits_cy("heb", "dim")),
    ("kind:topup", None, "topio|dopio|thopio|topio i fyny|dopio i fyny|talu'r ffi ychwanegol|dalu'r ffi ychwanegol"
     "|thalu'r ffi ychwanegol|talu ffi ychwanegol|dalu ffi ychwanegol|ffi ychwanegol|ffioedd ychwanegol"
     "|y ffi ychwanegol|uwchraddio|huwchraddio|ychwanegu credydau|ychwanegu'r credydau|troi'n gredydau|trosi"),
    ("of", None, "ohonyn nhw|ohonynt|ohonyn|ohonon nhw|o'r rhain|o'r rheiny|o'r rheini|o'r rheina|o'r cyrsiau"),
    ("all", None, "pob un|bob un|pob un ohonyn nhw|bob un ohonyn nhw|y cwbl|y cyfan|i gyd|nhw i gyd"
     "|y cwbl ohonyn nhw|y cyfan ohonyn nhw|y rhain i gyd|y rheiny i gyd|pob cwrs|bob cwrs"),
    ("all", 2, "y ddau|y ddwy|y ddau ohonyn nhw|y ddwy ohonyn nhw|ill dau|ill dwy|nhw ill dau|nhw ill dwy"),
    ("pron", 1, "hwnnw|honno|yr un yna|yr un hwnnw|yr un honno"),
    ("pron", None, "nhw|y rhain|y rheiny|y rheini|nhwythau"),
    ("rest", None, "y gweddill|gweddill|y gweddill ohonyn nhw|y lleill|y rhai eraill|y cyrsiau eraill|a'r gweddill"
     "|a'r lleill|a'r rhai eraill|'r gweddill|'r lleill"),
    ("rest", 1, "y llall|yr un arall|a'r llall|'r llall|a'r un arall"),
    ("num", 0, "dim un|ddim un|dim un ohonyn nhw|heb wneud un|heb wneud unrhyw|heb wneud dim"),
    ("num", 1, "un arall|dim ond un|jyst un|jest un"),
    ("num", 2, "cwpl|cwpwl|cwpl o|cwpwl o|par o"),
    ("vague", None, "ychydig|rhai|sawl|sawl un|nifer o|llawer|rhyw ychydig|tipyn"),
    ("each", None, "yr un|y cwrs|fesul cwrs|am bob cwrs"),
    ("after", None, "yn ddiweddarach|wedi hynny|ers hynny|nes ymlaen|yn nes ymlaen|yn y pen draw|yn hwyrach"
     "|ac yna|a yna"),
    ("word", None, "dim ond|dysgu o bell|ddysgu o bell|heb wneud|yn unig|sawl credyd|sawl credydau|faint o gredydau"
     "|faint o gredyd|sawl cwrs|sawl microgymhwyster"),  # "sawl credyd?" asks how many: not "several"
)
# fmt: on
_PHRASES: Dict[Tuple[str, ...], Tuple[str, Optional[int]]] = {
    tuple(phrase.split()): (category, value)
    for category, value, phrases in (*_LEXICON, *_WELSH_LEXICON)
    for phrase in phrases.split("|")
}
_MAX_PHRASE = max(len(phrase) for phrase in _PHRASES)


@dataclass
class Item:
    """One lexed unit: a category ("num", "kind:credit", "money", "sep", ...), a value and the words."""

    category: str
    value: Optional[int] = None
    word: str = ""


def _number(tokens: List[str], index: int) -> Optional[int]:
    """A count at tokens[index], unless it is a unit ("20 credits", "8 weeks") or a year."""
    value = word_value(tokens[index]) if tokens[index] not in _ZERO_ONLY_BEFORE_A_KIND else None
    following = tokens[index + 1] if index + 1 < len(tokens) else ""
    after_that = tokens[index + 2] if index + 2 < len(tokens) else ""
    if value is None or value > 999 or following in _UNITS:
        return None
    if following == "credit" and after_that not in NOUNS:
        return None
    return value


def lex(tokens: List[str]) -> List[Item]:
    """Longest phrase first; everything else is a number, money, a separator or a plain word."""
    items: List[Item] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        for size in range(min(_MAX_PHRASE, len(tokens) - index), 0, -1):
            entry = _PHRASES.get(tuple(tokens[index : index + size]))
            if entry and not (entry[0] == "each" and size == 1 and token == "x" and not items):
                items.append(Item(entry[0], entry[1], " ".join(tokens[index : index + size])))
                if entry[0] == "after" and tokens[index + size - 1] in _THEN:  # "then", "wedyn", "ac yna"
                    items[-1:] = [Item("sep", None, token), Item("after", None, token)]
                index += size
                break
        else:
            if token.startswith("§"):
                items.append(Item("money", int(token[1:]), token))
            elif token in _SEPARATORS:
                items.append(Item("sep", None, token))
            elif (value := _number(tokens, index)) is not None:
                items.append(Item("num", value, token))
            else:
                items.append(Item("word", None, token))
            index += 1
    return items
