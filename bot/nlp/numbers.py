"""Read small whole numbers and sums of money written as digits or words ("2", "two", "none", "350 quid"), and lex a
message into the calculator's items (counts, kinds of course, anaphors, money, separators)."""

from __future__ import annotations

import re
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
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}
NUMBER_WORDS = tuple(word for word, value in WORDS.items() if word not in {"a", "an", "no", "once", "both", "twice"})
_TOKEN = re.compile(r"[a-z]+|\d+")
PENCE = 100


def word_value(token: str) -> Optional[int]:
    """The value of one token written as digits or a number word, else None."""
    token = token.lower()
    if token.isdigit():
        return int(token)
    return WORDS.get(token) if token in NUMBER_WORDS or token in {"no", "both"} else None


_NEGATED_ANY = re.compile(r"\b(?:not|never|haven't|havent|didn't|didnt|don't|dont|n't)\b.*\bany\b")
ZERO_ANSWERS = frozenset({"nope", "nah", "zilch", "naught", "nowt", "neither"})
_UNSURE = re.compile(
    r"\b(?:no idea|no clue|not sure|unsure|dunno|don'?t know|do not know|can'?t remember|cannot remember|not a clue)\b"
)
_VAGUE = re.compile(r"\b(?:or|few|some|several|many|maybe)\b")


def parse_count(text: str) -> Optional[int]:
    """The single count a short answer gives ("3", "three of them", "none", "nope", "just one"), else None."""
    text = text.lower().replace(",", "").replace("\u2019", "'")
    tokens = _TOKEN.findall(text)
    if _UNSURE.search(text):
        return None
    if any(token in ZERO_ANSWERS for token in tokens) or _NEGATED_ANY.search(text):
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
_MONEY_DIGITS = re.compile(
    r"£\s*(\d+(?:\.\d{1,2})?)\s*(k\b|grand\b)?|\b(\d+(?:\.\d{1,2})?)\s*(k|grand)?\s*(?:pounds?|quid|gbp)\b"
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
    text = " ".join(text.lower().split())
    for pattern, replacement in _REWRITES[:2]:
        text = re.sub(pattern, replacement, text)
    for start, end, pence in reversed(money_spans(text)):
        text = f"{text[:start]} §{pence} {text[end:]}"
    for pattern, replacement in _REWRITES[2:]:
        text = re.sub(pattern, replacement, text)
    return [_TYPOS.get(token, token) for token in _MESSAGE_TOKEN.findall(text)]


# --- the lexicon -----------------------------------------------------------------------------------

NOUNS = frozenset({"course", "courses", "microcredential", "microcredentials", "mc", "mcs", "ones"})
_UNITS = frozenset(
    {"week", "weeks", "month", "months", "year", "years", "percent", "%", "hours", "credits", "pm", "module", "modules"}
)
_SEPARATORS = frozenset(",.;:!?()+&/") | {"and", "but", "then", "plus", "while", "whereas", "also", "so", "after"}
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
    ("after", None, "later|afterwards|since|subsequently|eventually|were|was|have been|got|then"),
)
# fmt: on
_PHRASES: Dict[Tuple[str, ...], Tuple[str, Optional[int]]] = {
    tuple(phrase.split()): (category, value) for category, value, phrases in _LEXICON for phrase in phrases.split("|")
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
    value = word_value(tokens[index]) if tokens[index] not in {"no", "both"} else None
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
                if token == "then":
                    items[-1:] = [Item("sep", None, "then"), Item("after", None, "then")]
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
