"""The held-out conversation sets: reading the case files, rendering their facts and judging a reply (no servers).

A case file holds one class of cases. Each case is one short conversation whose LAST reply is judged by its
`expect`:
  topics         page topics whose answers (domain.yml utter_<topic>) must appear, in this order
  contains       texts that must all appear; an item that is itself a list passes when any one of them appears
  absent         texts that must not appear
  absent_topics  "all": no topic's answer may appear, other than those listed in `topics`
  asks           the utter_ask_* questions that must be asked; every other utter_ask_* must not be
A text is a case-insensitive substring, or a regex written /like this/. A substring may hold {expressions}
over bot/policy.yaml and bot/data/catalogue.yaml, rendered as the assistant would say them:
{3 * credit_fee} is the money, {set_size * credits_per_microcredential} a number, {booking_url} a link,
{title('GN2')}, {released('GN2')}, {assessment('GN2')} and {pass_mark('GN2')} a course's facts, and
{pass_mark('report')} or {assessment('masters_test')} an assessment's. A file's `expect_all` applies to every
case in it (its lists are added to each case's, its other keys are defaults). Every class also forbids the
replies that are never right: the staff-only refusal, the fallback, out-of-scope and apologies.

The Welsh sets (cy/, or a file with `language: cy`) are typed with no language hint, so the assistant must find
the language itself. Their cases are judged against the Welsh variation of each domain response, their
{expressions} render as the Welsh reply says them ({released('GN2')} is "13 Hydref 2025", {assessment('GN2')} the
Welsh label), and the never-right replies are the Welsh forms. Every reply of a Welsh case is also checked for
English: it must not be empty nor hold the English form of a domain response, of a never-right reply or of a
composed answer's wording (bot/answers/texts/*.yaml).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Sequence, Tuple, Union

import yaml

from bot.answers.assessment import assessment_label
from bot.answers.contact import apology, not_understood, out_of_scope, service_unavailable
from bot.answers.enquiries import staff_only
from bot.answers.reply import format_date
from bot.answers.texts import ENGLISH, WELSH
from bot.answers.texts import FOLDER as TEXTS_FOLDER
from bot.files.catalogue import load_catalogue_file
from bot.files.policy import get_policy
from bot.rules import assessment_for, assessment_rule
from bot.rules.model import AssessmentType, Course
from bot.rules.money import format_money
from bot.rules.policy import Policy

FOLDER = Path(__file__).resolve().parent
ROOT = FOLDER.parents[2]
DOMAIN_FILE = ROOT / "domain.yml"
MINIMUM_CASES = {"several": 30, "facts": 30, "followup": 30, "unknown": 30, "silent": 30, "paraphrase": 60}
PASS_RATE = 0.95  # the target of issue #12 for every class
# Until every class reaches PASS_RATE, the suite holds each class at its floor: the rate last measured on main,
# rounded down, so a regression fails the build. Raise a floor whenever the class improves; delete FLOORS at 0.95.
FLOORS = {"several": 0.90, "facts": 0.80, "followup": 0.80, "unknown": 0.95, "silent": 0.80, "paraphrase": 0.95}
# The Welsh sets (issue #14): half the English minimums, the same 95 % target. FLOORS_CY are the rates first
# measured on main, rounded down to 0.05, as FLOORS are; a Welsh turn answered in English or not at all is never
# allowed (the runner holds both at 0).
WELSH_FOLDER = FOLDER / WELSH
MINIMUM_CASES_CY = {"several": 15, "facts": 15, "followup": 15, "unknown": 15, "silent": 15, "paraphrase": 30}
FLOORS_CY = {"several": 0.85, "facts": 0.85, "followup": 0.85, "unknown": 0.50, "silent": 0.85, "paraphrase": 0.90}
MINIMUMS = {ENGLISH: MINIMUM_CASES, WELSH: MINIMUM_CASES_CY}
FLOORS_BY_LANGUAGE = {ENGLISH: FLOORS, WELSH: FLOORS_CY}
ANSWERED_IN_ENGLISH = "answered in English"
EMPTY_REPLY = "empty reply"
# An English fragment of a composed answer (the text between its {fields}) that is this long says the reply is
# English; shorter ones ("the {name} set") could be a course title or a quoted word.
MIN_ENGLISH_FRAGMENT = 25
MAX_TURNS = 3
TOPICS = (
    "what_are",
    "who_for",
    "duration",
    "reregistration",
    "cost",
    "topup",
    "assessment",
    "pass_mark",
    "grades",
    "credits",
    "how_many",
    "qualification",
    "upgrade",
    "format",
)
EXPECT_KEYS = frozenset({"topics", "contains", "absent", "absent_topics", "asks"})
LIST_KEYS = ("contains", "absent")
# A marker is the start of a response's first sentence: long enough to be that answer and no other, short
# enough to survive an answer being shortened or continued when several are given in one turn. A first
# sentence shorter than MIN_MARKER_CHARS ("Thanks.") says too little, so the text's start is used instead.
MARKER_CHARS = 60
MIN_MARKER_CHARS = 30
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_TYPOGRAPHY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})

Text = Union[str, List[str]]


@dataclass(frozen=True)
class Case:
    """One held-out conversation: the user's turns and what the last reply must (not) say."""

    id: str
    kind: str
    turns: Tuple[str, ...]
    expect: Mapping[str, Any]
    source: str
    language: str = ENGLISH


def normalise(text: str) -> str:
    """Straight quotes, single spaces: the form replies and expected texts are compared in."""
    return " ".join(text.translate(_TYPOGRAPHY).split())


def marker(text: str) -> str:
    """The start of a response's first sentence (or of the text, when that sentence is very short)."""
    text = normalise(text)
    sentence = _SENTENCE_END.split(text, maxsplit=1)[0]
    return (sentence if len(sentence) >= MIN_MARKER_CHARS else text)[:MARKER_CHARS]


def case_files(folder: Path = FOLDER) -> List[Path]:
    """The case files of one folder, one per class."""
    return sorted(folder.glob("*.yml"))


def file_language(path: Path, document: Mapping[str, Any]) -> str:
    """The language a case file is written in: its `language`, else cy for a file under cy/, else English."""
    return str(document.get("language") or (WELSH if path.parent.name == WELSH else ENGLISH))


def load_cases(folder: Path = FOLDER) -> List[Case]:
    """Every case of every file of one folder, `expect_all` merged in."""
    cases: List[Case] = []
    for path in case_files(folder):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        defaults = document.get("expect_all") or {}
        language, source = file_language(path, document), path.relative_to(FOLDER).as_posix()
        for raw in document["cases"]:
            turns = tuple(str(turn["user"]) for turn in raw["turns"])
            expect = merge(defaults, raw.get("expect") or {})
            cases.append(Case(str(raw["id"]), str(document["class"]), turns, expect, source, language))
    return cases


def all_cases() -> List[Case]:
    """The English sets, then the Welsh ones."""
    return load_cases(FOLDER) + load_cases(WELSH_FOLDER)


def merge(defaults: Mapping[str, Any], own: Mapping[str, Any]) -> Dict[str, Any]:
    """A case's expectations over its file's: lists of texts add up, other keys override."""
    merged = {**defaults, **own}
    for key in LIST_KEYS:
        if key in defaults and key in own:
            merged[key] = [*defaults[key], *own[key]]
    return merged


@dataclass(frozen=True)
class Money:
    """An amount in pence that renders as the assistant writes money."""

    pence: int

    def __add__(self, other: Any) -> "Money":
        return Money(self.pence + _pence(other))

    __radd__ = __add__

    def __sub__(self, other: Any) -> "Money":
        return Money(self.pence - _pence(other))

    def __mul__(self, other: Any) -> "Money":
        if not isinstance(other, int):
            raise TypeError("money can only be multiplied by a whole number")
        return Money(self.pence * other)

    __rmul__ = __mul__

    def __lt__(self, other: "Money") -> bool:
        return self.pence < other.pence

    def __str__(self) -> str:
        return format_money(self.pence)


def _pence(value: Any) -> int:
    """The pence of a Money (adding a plain number to money is a mistake in the case file)."""
    if not isinstance(value, Money):
        raise TypeError("money can only be added to money")
    return value.pence


class Facts:
    """The values a case's {expressions} may use, from the policy and the catalogue."""

    OPERATORS: Mapping[type, Callable[[Any, Any], Any]] = {
        ast.Add: lambda a, b: a + b,
        ast.Sub: lambda a, b: a - b,
        ast.Mult: lambda a, b: a * b,
    }

    def __init__(self, policy: Policy, courses: Sequence[Course], language: str = ENGLISH) -> None:
        contact = policy.contact
        self.language = language
        self.courses = {course.code: course for course in courses}
        self.policy = policy
        self.names: Dict[str, Any] = {
            **{name: Money(getattr(policy, name)) for name in ("learning_fee", "credit_fee", "top_up", "module_fee")},
            "deduction_cap": Money(policy.deduction_cap),
            **{
                name: getattr(policy, name)
                for name in ("credits_per_microcredential", "completion_weeks", "set_size", "exemption_credits")
            },
            "module_credits": policy.module_credits,
            "report_words": policy.report_words,
            **{name: getattr(contact, name) for name in contact.__dataclass_fields__},
        }
        self.functions: Dict[str, Callable[..., Any]] = {
            "title": lambda code: self.course(code).title,
            "released": lambda code: format_date(self.course(code).release_date, language),
            "assessment": lambda key: assessment_label(self.assessment(key), language),
            "pass_mark": lambda key: self.assessment(key).pass_mark,
            "min": min,
            "max": max,
        }

    @classmethod
    def from_files(cls, language: str = ENGLISH) -> "Facts":
        """The facts of bot/policy.yaml and bot/data/catalogue.yaml, as a reply in this language says them."""
        policy = get_policy()
        return cls(policy, load_catalogue_file(set_size=policy.set_size), language)

    def course(self, code: str) -> Course:
        """A catalogue course by its code."""
        if code not in self.courses:
            raise KeyError(f"no course {code!r} in the catalogue")
        return self.courses[code]

    def assessment(self, key: str) -> Any:
        """The assessment rule of a course (by code) or of a kind of assessment (report, ...)."""
        if key in self.courses:
            return assessment_for(self.policy, self.courses[key])
        return assessment_rule(self.policy, AssessmentType(key))

    def render(self, text: str) -> str:
        """The text with every {expression} replaced by its value as the assistant writes it."""
        return _PLACEHOLDER.sub(lambda found: str(self.evaluate(found.group(1))), text)

    def evaluate(self, expression: str) -> Any:
        """The value of one expression: names, whole numbers, quoted codes, + - *, and the functions above."""
        return self._value(ast.parse(expression.strip(), mode="eval").body)

    def _value(self, node: ast.AST) -> Any:
        """Evaluate a node of the small expression language, refusing anything else."""
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, str)):
            return node.value
        if isinstance(node, ast.Name) and node.id in self.names:
            return self.names[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in self.OPERATORS:
            return self.OPERATORS[type(node.op)](self._value(node.left), self._value(node.right))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in self.functions:
            return self.functions[node.func.id](*(self._value(argument) for argument in node.args))
        raise ValueError(f"not allowed in a case's expression: {ast.dump(node)}")


def variation_language(variation: Mapping[str, Any]) -> str:
    """cy for a variation conditioned on the language slot being cy, else English."""
    conditions = variation.get("condition") or []
    welsh = any(c.get("name") == "language" and c.get("value") == WELSH for c in conditions)
    return WELSH if welsh else ENGLISH


def read_responses(path: Path = DOMAIN_FILE, language: Any = None) -> Dict[str, Tuple[str, ...]]:
    """Each domain response's texts, one per variation: every variation, or those of one language."""
    responses = yaml.safe_load(path.read_text(encoding="utf-8"))["responses"]
    return {
        name: tuple(v["text"] for v in variations if "text" in v and language in (None, variation_language(v)))
        for name, variations in responses.items()
    }


def never_right(policy: Policy, responses: Mapping[str, Tuple[str, ...]], language: str = ENGLISH) -> Tuple[str, ...]:
    """Markers of the replies no case may get: staff-only refusal, fallback, out of scope, apologies."""
    replies = (
        staff_only(language),
        not_understood(policy, language),
        out_of_scope(policy, language),
        service_unavailable(policy, language),
        apology(policy, language),
    )
    return (*(marker(reply.text) for reply in replies), *(marker(text) for text in responses["utter_default"]))


def english_fragments(folder: Path = TEXTS_FOLDER) -> Tuple[str, ...]:
    """The wording of the composed answers' English forms (the text between fields) that no Welsh form shares."""
    fragments = []
    for path in sorted(folder.glob("*.yaml")):
        for forms in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).values():
            welsh = normalise(str(forms.get(WELSH, ""))).lower()
            for part in _PLACEHOLDER.split(str(forms.get(ENGLISH, "")))[::2]:
                part = normalise(part).strip(" .,:;()'\"")
                if len(part) >= MIN_ENGLISH_FRAGMENT and part.lower() not in welsh:
                    fragments.append(part)
    return tuple(dict.fromkeys(fragments))


def english_markers(policy: Policy) -> Tuple[str, ...]:
    """What says a reply is in English: any domain response's English form, never-right reply or composed wording."""
    english = read_responses(language=ENGLISH)
    responses = (marker(text) for texts in english.values() for text in texts)
    return tuple(dict.fromkeys((*responses, *never_right(policy, english), *english_fragments())))


class Judge:
    """Decides whether a reply meets a case's expectations, and says what is wrong when it does not."""

    def __init__(self, facts: Facts, responses: Mapping[str, Tuple[str, ...]]) -> None:
        self.facts = facts
        self.language = facts.language
        self.markers = {name: tuple(dict.fromkeys(marker(text) for text in texts)) for name, texts in responses.items()}
        self.never = never_right(facts.policy, responses, self.language)
        self.english = english_markers(facts.policy) if self.language == WELSH else ()

    @classmethod
    def from_files(cls, language: str = ENGLISH) -> "Judge":
        """A judge over the policy, the catalogue and domain.yml, for the cases of one language.

        The English judge keeps every variation of a response (as it always has); the Welsh one only the Welsh.
        """
        return cls(Facts.from_files(language), read_responses(language=WELSH if language == WELSH else None))

    def pattern(self, text: str) -> re.Pattern[str]:
        """A regex for one expected text: /regex/ as written, else the rendered text with digit boundaries."""
        if len(text) > 1 and text.startswith("/") and text.endswith("/"):
            return re.compile(text[1:-1], re.IGNORECASE)
        rendered = normalise(self.facts.render(text))
        before = r"(?<![\d,.])" if rendered[:1].isdigit() else ""
        after = r"(?!\d|,\d)" if rendered[-1:].isdigit() else ""
        return re.compile(before + re.escape(rendered) + after, re.IGNORECASE)

    def found(self, text: Text, reply: str) -> bool:
        """Whether the text (or, for a list, any of its texts) is in the reply."""
        options = text if isinstance(text, list) else [text]
        return any(self.pattern(option).search(reply) for option in options)

    def response_at(self, name: str, reply: str, start: int = 0) -> int:
        """Where a response's marker ends in the reply from `start` on, or -1."""
        lowered = reply.lower()
        hits = [(lowered.find(m.lower(), start), len(m)) for m in self.markers[name]]
        return min((at + length for at, length in hits if at >= 0), default=-1)

    def problems(self, case: Case, reply_text: str) -> List[str]:
        """Everything wrong with the reply for this case (empty when it passes)."""
        reply = normalise(reply_text)
        expect = case.expect
        wrong = [f"missing {text!r}" for text in expect.get("contains", []) if not self.found(text, reply)]
        wrong += [f"should not say {text!r}" for text in expect.get("absent", []) if self.found(text, reply)]
        wrong += self.topic_problems(list(expect.get("topics", [])), expect.get("absent_topics"), reply)
        if "asks" in expect:
            wrong += self.ask_problems(list(expect["asks"]), reply)
        wrong += [f"never right: {text!r}" for text in self.never if text.lower() in reply.lower()]
        return wrong + self.english_problems(reply)

    def english_problems(self, reply_text: str) -> List[str]:
        """For a Welsh case's reply: empty, or English wording in it (nothing for an English case)."""
        if self.language != WELSH:
            return []
        reply = normalise(reply_text).lower()
        if not reply:
            return [EMPTY_REPLY]
        return [f"{ANSWERED_IN_ENGLISH}: {text!r}" for text in self.english if text.lower() in reply]

    def conversation_problems(self, case: Case, replies: Sequence[str]) -> List[str]:
        """The last reply judged by the case; for a Welsh case every earlier reply checked for English too."""
        earlier = [
            f"turn {number}: {problem}"
            for number, reply in enumerate(replies[:-1], 1)
            for problem in self.english_problems(reply)
        ]
        return earlier + self.problems(case, replies[-1] if replies else "")

    def topic_problems(self, topics: List[str], absent: Any, reply: str) -> List[str]:
        """The topics' answers in order; no other topic's answer when absent_topics is "all"."""
        wrong, cursor = [], 0
        for topic in topics:
            end = self.response_at(f"utter_{topic}", reply, cursor)
            if end < 0:
                wrong.append(f"no answer on {topic}" + (" after the previous topic" if cursor else ""))
            else:
                cursor = end
        if absent == "all":
            others = [topic for topic in TOPICS if topic not in topics]
            wrong += [f"answers {topic} instead" for topic in others if self.response_at(f"utter_{topic}", reply) >= 0]
        return wrong

    def ask_problems(self, asks: List[str], reply: str) -> List[str]:
        """The questions the assistant must ask, and none of the others."""
        questions = [name for name in self.markers if name.startswith("utter_ask_")]
        wrong = [f"does not ask {name}" for name in asks if self.response_at(name, reply) < 0]
        return wrong + [
            f"asks {name} needlessly" for name in questions if name not in asks and self.response_at(name, reply) >= 0
        ]
