"""Read what a calculator question already says ("three to learn, two of them topped up later", "I spent £350").

A small grammar over clauses. The text is normalised (spellings, typos, hyphens), sums of money are read first,
then words are lexed into items: counts, kinds (with credits, learning only, topped up), anaphors ("of them",
"both", "all of them", "the rest", "it"), price cues ("each", "at £250") and clause separators. Each clause
holds at most one quantity phrase; phrases are then resolved in order, a phrase that refers back ("two of them
topped up") taking its courses out of the group it refers to. `starting_counts` then leaves the form to ask
only for what is truly missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple

from bot.nlp.numbers import NOUNS, Item, fold, lex, message_tokens
from bot.rules.policy import Policy

CREDIT, LEARN, TOPUP = "credit", "learn", "topup"  # the kinds of course; TOPUP is also the top-up calculator's mode
DEDUCTION = "deduction"
MAX_COURSES = 40


@dataclass(frozen=True)
class CalculatorFacts:
    """What a message states; None where it says nothing.

    learning_only: courses still learning-only; with_credits: paid for credits up front; topped_up: learning-only
    courses topped up (paid or to be paid); total: courses stated without a kind; spent: pence stated as spent.
    """

    with_credits: Optional[int] = None
    learning_only: Optional[int] = None
    topped_up: Optional[int] = None
    total: Optional[int] = None
    spent: Optional[int] = None


_NOUN_READING_OF_ONE = frozenset({"the", "that", "this", "each", "every", "which", "any", "other", "first", "last"})
_NOUN_READING_OF_UN = frozenset({"y", "yr", "pa", "unrhyw", "pob", "bob", "rhyw"})  # "pa un", "unrhyw un"
_ONE = frozenset({"one", "un"})
_SET_WORDS = frozenset({"whole", "full", "complete", "entire", "a", "an", "one", "the", "all", "y", "yr", "holl"})


def _readings(items: List[Item], set_size: int, set_names: Sequence[Tuple[str, ...]]) -> List[Item]:
    """Second pass: "a course" is one, "the other one" a noun, "no top-ups" zero, "a whole set" a set, names counted."""
    out: List[Item] = []
    for index, item in enumerate(items):
        before = out[-1] if out else None
        after = items[index + 1] if index + 1 < len(items) else None
        if item.category == "num" and item.word in _ONE and before is not None:
            if before.category in {"kind:credit", "kind:learn"} or before.word in _NOUN_READING_OF_ONE:
                item = Item("word", None, item.word)
            elif item.word == "un" and before.word in _NOUN_READING_OF_UN:
                item = Item("word", None, item.word)
        elif item.word in {"a", "an"} and _leads_to_noun(items[index + 1 :]):
            item = Item("num", 1, item.word)
        elif item.word in {"no", "none", "zero", "nil", "dim"} and after is not None:
            if after.category.startswith("kind") or after.word in NOUNS or item.word not in {"no", "dim"}:
                item = Item("num", 0, item.word)
        elif item.category in {"all", "rest"} and after is not None and after.category == "num":
            continue  # "all four", "the other two": the count says it
        elif item.word in {"set", "sets", "setiau"}:
            item = _set_quantity(out, item, set_size)
        out.append(item)
    return _named_courses(out, set_names)


def _leads_to_noun(rest: List[Item]) -> bool:
    """Whether "a"/"an" starts "a course", "a learning only one", "a £250 microcredential"."""
    for item in rest[:4]:
        if item.word in NOUNS or item.word in _ONE:
            return True
        if not (item.category.startswith("kind") or item.category == "money" or item.word in {"single", "short"}):
            return False
    return False


def _set_quantity(out: List[Item], item: Item, set_size: int) -> Item:
    """ "a whole set", "the full genomics set", "two sets", "dwy set gyfan": set_size courses each (replacing the words
    before); "all four in the genomics set" is the four."""
    start = None
    for back in range(1, min(6, len(out)) + 1):
        previous = out[-back]
        if previous.category == "num":
            between = out[
                len(out) - back + 1 :
            ]  # "two full sets", "dwy set gyfan": whole sets; "four in the set": four
            sets = item.word in {"sets", "setiau"} or all(i.word in {"whole", "full", "complete"} for i in between)
            del out[-back:]
            value = previous.value or 0
            return Item("setnum", value * set_size if sets else value, "set")
        if previous.word in _SET_WORDS:
            start = back
        elif previous.category != "word":
            break
    if start is None:
        return Item("word", None, item.word)
    del out[-start:]
    return Item("setnum", set_size, "set")


_JOINERS = frozenset({"and", ",", "&", "to", "a", "ac"})


def _named_courses(items: List[Item], set_names: Sequence[Tuple[str, ...]]) -> List[Item]:
    """ "plant breeding 1, 2 and 3" is three courses (the numbers name courses, they are not counts)."""
    words = [item.word for item in items]
    for name in sorted(set_names, key=len, reverse=True):
        index = 0
        while index + len(name) < len(items):
            if tuple(words[index : index + len(name)]) != name or items[index + len(name)].category != "num":
                index += 1
                continue
            end, positions, previous = index + len(name), 0, None
            while end < len(items) and (items[end].category == "num" or items[end].word in _JOINERS):
                value = items[end].value if items[end].category == "num" else None
                ranged = previous is not None and value is not None and items[end - 1].word == "to"
                positions += max((value or 0) - (previous or 0), 1) if ranged else int(value is not None)
                previous = value if value is not None else previous
                end += 1
            while items[end - 1].category != "num":
                end -= 1
            items[index:end] = [Item("num", positions, " ".join(name))]
            words[index:end] = [" ".join(name)]
            index += 1
    return items


# --- clauses and phrases ----------------------------------------------------------------------------

_QUANTITIES = {"num", "setnum", "all", "rest", "vague", "pron"}


@dataclass
class _Phrase:
    """One quantity with what the clause says about it."""

    quantity: Optional[Item] = None
    kinds: List[str] = field(default_factory=list)
    money: Optional[int] = None
    priced: bool = False
    of_them: bool = False
    after: bool = False
    kind_first: bool = False


def _clauses(items: List[Item]) -> List[List[Item]]:
    """Split at separators, then again before each further quantity; "then" stays with the clause it opens."""
    clauses: List[List[Item]] = [[]]
    for item in items:
        if item.category == "sep":
            clauses.append([])
            continue
        current = clauses[-1]
        has_quantity = any(i.category in _QUANTITIES - {"pron"} for i in current)
        if item.category == "setnum" and has_quantity:
            continue  # "all four in the genomics set": the set names where the four come from
        if item.category in _QUANTITIES - {"pron"} and has_quantity:
            clauses.append([])
        clauses[-1].append(item)
    return [clause for clause in clauses if clause]


def _phrase(clause: List[Item]) -> _Phrase:
    """What one clause says: its quantity, kinds, price and whether it refers back."""
    phrase = _Phrase()
    quantities = [i for i in clause if i.category in _QUANTITIES - {"pron"}]
    kinds = [i for i in clause if i.category.startswith("kind:")]
    pronouns = [i for i in clause if i.category == "pron"]
    phrase.quantity = quantities[0] if quantities else (pronouns[0] if pronouns and kinds else None)
    phrase.kinds = [i.category[5:] for i in kinds]
    phrase.of_them = any(i.category == "of" for i in clause)
    phrase.after = any(i.category == "after" for i in clause)
    if phrase.quantity is not None and kinds:
        phrase.kind_first = clause.index(kinds[0]) < clause.index(phrase.quantity)
    for index, item in enumerate(clause):
        if item.category == "money":
            phrase.money = (phrase.money or 0) + (item.value or 0)
            before = clause[index - 1].word if index else ""
            after = clause[index + 1] if index + 1 < len(clause) else Item("word")
            phrase.priced = (
                before in {"at", "for", "@", "x", "am", "ar"} or after.word in NOUNS or after.category == "each"
            )
            phrase.priced = phrase.priced or any(i.category == "each" or i.word == "twice" for i in clause)
    return phrase


@dataclass
class _Tally:
    """Counts being resolved, phrase by phrase."""

    learn: Optional[int] = None
    credit: Optional[int] = None
    topup: Optional[int] = None
    total: Optional[int] = None
    spent: Optional[int] = None
    last: Optional[int] = None  # the courses of the last phrase, which "of them", "both", "them" refer to
    last_kind: Optional[str] = None
    group: Optional[int] = None  # the last total stated without a kind ("I did five, ...")
    assigned: int = 0  # courses of that total given a kind since

    def add(self, kind: str, count: int) -> None:
        """Add courses of a kind (from the last total, if there is one)."""
        setattr(self, kind, (getattr(self, kind) or 0) + count)
        self.assigned += count

    def spend(self, pence: int) -> None:
        """Add money stated as spent."""
        self.spent = (self.spent or 0) + pence


def _kind(phrase: _Phrase, policy: Policy) -> Optional[str]:
    """The phrase's kind, from its words (the last one said) or the fee it names ("two at £250")."""
    if TOPUP in phrase.kinds and CREDIT in phrase.kinds:
        return TOPUP  # "a top-up to get the credits"
    if phrase.kinds:
        return phrase.kinds[-1]
    if phrase.priced and phrase.money is not None:
        fees = {policy.credit_fee: CREDIT, policy.learning_fee: LEARN, policy.top_up: TOPUP}
        return fees.get(phrase.money)
    return None


def _resolve(phrases: List[_Phrase], policy: Policy) -> _Tally:
    """Apply phrases in order; a phrase that refers back takes its courses from the group it refers to."""
    tally = _Tally()
    for index, phrase in enumerate(phrases):
        kind = _kind(phrase, policy)
        priced = phrase.priced and phrase.money is not None and phrase.quantity is not None
        if phrase.money is not None and not priced:
            tally.spend(phrase.money)
        if phrase.quantity is None:
            _no_quantity(tally, phrase, kind, phrases[index + 1 :], policy)
            continue
        count = _count(phrase.quantity, tally)
        if count is None and phrase.quantity.category == "pron":
            _no_quantity(tally, phrase, kind, phrases[index + 1 :], policy)  # "it" with nothing before it
            continue
        refers_back = phrase.of_them or phrase.quantity.category in {"all", "rest", "pron"}
        if count is None or (kind is None and refers_back):
            continue
        if priced and kind is None:
            tally.spend(count * (phrase.money or 0))  # "two at £300 each": not a fee, so money spent
        if kind is None:
            _untyped(tally, phrases[index + 1 :], count, policy)
            continue
        later = refers_back or phrase.after or phrase.kind_first
        if kind == TOPUP and later and tally.last_kind == LEARN and tally.learn:
            count = min(count, tally.learn)
            tally.learn -= count
            tally.assigned -= count
        tally.add(kind, count)
        tally.last, tally.last_kind = count, kind
    return tally


def _count(quantity: Item, tally: _Tally) -> Optional[int]:
    """The number of courses a quantity stands for, referring back where it must."""
    if quantity.category in {"num", "setnum"}:
        return quantity.value
    if quantity.category == "rest":
        return quantity.value if tally.group is None else max(tally.group - tally.assigned, 0)
    if quantity.category == "pron":
        return tally.last
    if quantity.category == "all":
        return tally.last if tally.last is not None else quantity.value
    return None


def _untyped(tally: _Tally, rest: List[_Phrase], count: int, policy: Policy) -> None:
    """An untyped count: "I did two, with credits" (kind in the next clause) or a total ("I've done five")."""
    following = rest[0] if rest else None
    if following is not None and following.quantity is None and (kind := _kind(following, policy)):
        following.kinds = []
        tally.add(kind, count)
        tally.last, tally.last_kind = count, kind
        return
    tally.total = (tally.total or 0) + count
    tally.last, tally.last_kind, tally.group, tally.assigned = count, None, count, 0


def _no_quantity(tally: _Tally, phrase: _Phrase, kind: Optional[str], rest: List[_Phrase], policy: Policy) -> None:
    """A clause without a count: a kind for the courses just or next mentioned, or a top-up on a stated spend."""
    if kind is None or phrase.money is not None:
        return
    if kind == TOPUP and tally.last_kind == LEARN and tally.learn:
        tally.topup, tally.learn = (tally.topup or 0) + tally.learn, 0  # "one learning only, then topped up"
    elif kind == TOPUP and tally.last is None and tally.spent is not None:
        tally.spend(policy.top_up)  # "I paid £100 then the top-up"
    elif tally.last is not None and tally.last_kind is None and tally.assigned == 0:
        tally.add(kind, tally.last)  # "I did three. All with credits" reads the same as "three, with credits"
        tally.last_kind = kind
    elif tally.last is None and rest and rest[0].quantity is not None and not rest[0].kinds:
        rest[0].kinds = [kind]  # "with credits, three"


def read_calculator_facts(text: str, policy: Policy, set_names: Sequence[str] = ()) -> CalculatorFacts:
    """The courses of each kind and the money a message states (a whole set is policy.set_size courses).

    set_names (lower-case or not) let "plant breeding 1 and 2" count as two courses.
    """
    names = tuple(tuple(message_tokens(name)) for name in set_names if name.strip())
    items = _readings(lex(message_tokens(text)), policy.set_size, names)
    tally = _resolve([_phrase(clause) for clause in _clauses(items)], policy)
    return CalculatorFacts(tally.credit, tally.learn, tally.topup, tally.total, tally.spent)


# --- what the form still needs ----------------------------------------------------------------------


@dataclass(frozen=True)
class CalculatorCounts:
    """The counts the calculator form starts from (None: still to ask), and a spend the message states."""

    with_credits: Optional[int]
    learning_only: Optional[int]
    spent: Optional[int] = None


def starting_counts(mode: str, facts: CalculatorFacts) -> CalculatorCounts:
    """What the opening message already answers, so the form asks only for the rest."""
    if mode == TOPUP:
        found = (facts.topped_up, facts.learning_only, facts.with_credits, facts.total)
        return CalculatorCounts(0, next((count for count in found if count is not None), None))
    if facts.spent is not None:
        return CalculatorCounts(0, 0, facts.spent)  # a spend answers the deduction: nothing to ask
    credit = None
    if facts.with_credits is not None or facts.topped_up is not None:
        credit = (facts.with_credits or 0) + (facts.topped_up or 0)
    learning = facts.learning_only
    if learning is None and credit is not None and facts.total is not None and facts.total >= credit:
        learning = facts.total - credit
    if credit is None and learning is not None and facts.total is not None and facts.total >= learning:
        credit = facts.total - learning
    return CalculatorCounts(credit, learning)


_ASKS_CREDITS = re.compile(
    r"how many (?:university )?credits|credits? (?:would|will|do|does|could|can|is|are)\b|\bearn|\bworth\b"
    r"|\bexemption\b|\bexempt|count(?:s)? towards|how many credits|credits? (?:i|you|they) (?:get|earn)"
    r"|\bget\b[^.?!]{0,25}\bcredits\b(?![^.?!]{0,15}\b(?:cost|price|pay)\b)"
    # Welsh: "faint o gredydau", "sawl credyd", "credydau fyddwn i'n eu cael", "ennill", "eithriad", "cyfrif tuag at"
    r"|\bfaint o (?:c|g|ch)redyd|\bsawl (?:c|g|ch)?redyd|\b(?:c|g|ch)redydau? (?:fyddwn|fyddai|fydd|bydd|byddwn"
    r"|byddai|fasai|faswn|ga i|gaf|gawn|gai|gaiff|ydw|ydy|ydi|yw|sydd|sy|fydda|ddaw|ddylwn)\b|(?<!\bi )\bennill"
    r"|\benill|\beithri|\besemptiad|\bhesemptiad|\b(?:c|g)yfrif? tuag at|\bg?werth\b"
)
_ASKS_COST = re.compile(
    r"cost|price|how much|pay|£|\bfees?\b|charge|total|quote|spend|expensive"
    r"|\b(?:g|ch)ost|\b(?:p|b|ph)ris\b|\b(?:t|d|th|nh)alu\b|\bffi\b|\bffioedd\b|\b(?:c|g|ngh)yfanswm\b|\bg?wario\b"
    r"|\bn?dd?rud\b|\bfaint\b(?!\s+o\s+(?:c|g|ch)?(?:redyd|yrs|wrs))"
)


def asks_credits(text: str) -> bool:
    """Whether a message asks how many credits ("how many credits would that earn?", "faint o gredydau?")."""
    return bool(_ASKS_CREDITS.search(fold(text)))


def asks_cost_or_credits(text: str) -> bool:
    """Whether a message asks for a cost or for credits at all (a bare "and for 4?" asks neither)."""
    return asks_credits(text) or bool(_ASKS_COST.search(fold(text)))


def quote_wants(text: str) -> Tuple[bool, bool]:
    """(cost, credits): what a quote question asks for; the cost when it says neither."""
    text = fold(text)
    credits = bool(_ASKS_CREDITS.search(text))
    cost = bool(_ASKS_COST.search(_ASKS_CREDITS.sub(" ", text)))
    return (cost or not credits, credits)
