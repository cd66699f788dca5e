"""Load and validate bot/policy.yaml, the one place to edit the programme's numbers, into a `Policy`.

A missing or bad value stops start-up with a `PolicyError` that names the key as a dotted path
(e.g. ``assessments.report.pass_mark``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import fields
from pathlib import Path
from types import MappingProxyType
from typing import Any, Dict, Mapping, Optional, Set, Tuple, Union

import yaml

from bot.files import POLICY_FILE
from bot.rules.model import AssessmentType, Outcome
from bot.rules.money import PENCE_PER_POUND, format_money
from bot.rules.policy import AssessmentRule, Contact, Policy
from bot.rules.refs import EMAIL_PATTERN

__all__ = [
    "DEFAULT_POLICY_PATH",
    "PolicyError",
    "get_policy",
    "load_policy",
    "parse_policy",
]

DEFAULT_POLICY_PATH = POLICY_FILE

PathLike = Union[str, Path]

_MONEY = re.compile(r"£(?P<pounds>\d{1,3}(?:,\d{3})*|\d+)(?:\.(?P<pence>\d{2}))?")
_URL = re.compile(r"https?://\S+")
_SAMPLE_MARKER = {"value", "sample"}
_REPORTED_OUTCOMES = frozenset({Outcome.PASS.value, Outcome.FAIL.value})


class PolicyError(ValueError):
    """policy.yaml is missing, malformed or holds a bad value; `key` is the dotted path at fault."""

    def __init__(self, key: str, problem: str, source: str = "policy.yaml") -> None:
        self.key = key
        self.problem = problem
        super().__init__(f"{source}: {key}: {problem}")


def load_policy(path: Optional[PathLike] = None) -> Policy:
    """Read and validate a policy file (default: bot/policy.yaml)."""
    source = Path(path) if path is not None else DEFAULT_POLICY_PATH
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as error:
        raise PolicyError("(file)", f"cannot read {source}: {error.strerror}", source.name) from error
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise PolicyError("(file)", f"not valid YAML: {error}", source.name) from error
    return parse_policy(document, source=source.name)


@functools.lru_cache(maxsize=None)
def get_policy() -> Policy:
    """The default policy, loaded once."""
    return load_policy()


def parse_policy(document: Any, *, source: str = "policy.yaml") -> Policy:
    """Validate an already-parsed policy document and build the `Policy`."""
    if not isinstance(document, Mapping):
        raise PolicyError("(file)", "expected a mapping of keys to values at the top level", source)
    reader = _Reader(document, source)
    values: Dict[str, Any] = dict(
        learning_fee=reader.money("learning_fee"),
        credit_fee=reader.money("credit_fee"),
        top_up=reader.money("top_up"),
        credits_per_microcredential=reader.count("credits_per_microcredential"),
        completion_weeks=reader.count("completion_weeks"),
        registration_months=reader.count("registration_months"),
        academic_year_start_month=reader.bounded("academic_year_start_month", 1, 12),
        assessments=_assessments(reader.section("assessments")),
        report_words=reader.count("assessments.report.words"),
        outcome_values=_outcome_values(reader),
        set_size=reader.count("set_size"),
        exemption_credits=reader.count("exemption_credits"),
        max_recognised_credits=reader.count("max_recognised_credits"),
        eligible_programmes=reader.texts("eligible_programmes"),
        module_credits=reader.count("module_credits"),
        module_fee=reader.money("module_fee"),
        deduction_counts_top_ups=reader.flag("deduction_counts_top_ups"),
        deduction_cap_modules=reader.count("deduction_cap_modules"),
        contact=_contact(reader),
    )
    reader.reject_unknown_keys()
    policy = Policy(**values, sample_keys=frozenset(reader.samples))
    _check_consistency(policy, source)
    return policy


def _assessments(reader: "_Reader") -> Mapping[AssessmentType, AssessmentRule]:
    """Read one rule per assessment type; every type the page names must be present."""
    known = {kind.value for kind in AssessmentType}
    for key in reader.keys():
        if key not in known:
            raise reader.error(key, f"unknown assessment type; expected one of {', '.join(sorted(known))}")
    return MappingProxyType({kind: _assessment(reader, kind) for kind in AssessmentType})


def _assessment(reader: "_Reader", kind: AssessmentType) -> AssessmentRule:
    """Read one assessment rule, filling a `{words}` placeholder in its label."""
    label = reader.text(f"{kind.value}.label")
    needs_words = "{words}" in label or reader.has(f"{kind.value}.words")
    words = reader.count(f"{kind.value}.words") if needs_words else None
    label = label.replace("{words}", str(words))
    if "{" in label or "}" in label:
        raise reader.error(f"{kind.value}.label", "unknown placeholder (only {words} is allowed, with a words value)")
    return AssessmentRule(kind, label, reader.bounded(f"{kind.value}.pass_mark", 0, 100), words)


def _outcome_values(reader: "_Reader") -> Tuple[str, ...]:
    """The page reports outcomes as pass or fail only."""
    values = reader.texts("outcome_values")
    if set(values) != _REPORTED_OUTCOMES:
        raise reader.error("outcome_values", "must be [pass, fail]: outcomes are reported as pass or fail only")
    return values


def _contact(reader: "_Reader") -> Contact:
    """Read the contact e-mail address and links."""
    section = reader.section("contact")
    urls = {item.name: section.url(item.name) for item in fields(Contact) if item.name != "enquiry_email"}
    return Contact(enquiry_email=section.email("enquiry_email"), **urls)


def _check_consistency(policy: Policy, source: str) -> None:
    """Cross-check values the page ties together."""
    if policy.learning_fee + policy.top_up != policy.credit_fee:
        raise PolicyError(
            "top_up",
            f"learning_fee + top_up must equal credit_fee ({format_money(policy.learning_fee)} + "
            f"{format_money(policy.top_up)} != {format_money(policy.credit_fee)})",
            source,
        )
    if policy.set_size * policy.credits_per_microcredential != policy.exemption_credits:
        raise PolicyError("exemption_credits", "must equal set_size x credits_per_microcredential", source)


class _Reader:
    """Typed access to one mapping of the policy document, with dotted keys in every error."""

    def __init__(
        self, raw: Mapping[Any, Any], source: str, prefix: str = "", samples: Optional[Set[str]] = None
    ) -> None:
        self._raw = raw
        self._source = source
        self._prefix = prefix
        self._used: Set[str] = set()
        self._sections: Dict[str, _Reader] = {}
        self.samples: Set[str] = samples if samples is not None else set()

    def error(self, key: str, problem: str) -> PolicyError:
        """A PolicyError for a key of this mapping."""
        return PolicyError(self._path(key), problem, self._source)

    def keys(self) -> Tuple[str, ...]:
        """The keys present in this mapping."""
        return tuple(str(key) for key in self._raw)

    def has(self, key: str) -> bool:
        """True when the (dotted) key is present."""
        head, _, rest = key.partition(".")
        if not rest:
            return head in self._raw
        return isinstance(self._raw.get(head), Mapping) and self.section(head).has(rest)

    def section(self, key: str) -> "_Reader":
        """A reader over a nested mapping (one per key, so unknown keys can be reported)."""
        if key not in self._sections:
            value = self._value(key)
            if not isinstance(value, Mapping):
                raise self.error(key, "must be a mapping")
            self._sections[key] = _Reader(value, self._source, self._path(key) + ".", self.samples)
        return self._sections[key]

    def money(self, key: str) -> int:
        """An amount written in pounds ("£1,100", "£12.50"), as integer pence."""
        value = self._value(key)
        if isinstance(value, str) and value.strip().startswith(("-", "£-")):
            raise self.error(key, f"must not be negative (got {value!r})")
        match = _MONEY.fullmatch(value.strip()) if isinstance(value, str) else None
        if match is None:
            raise self.error(key, f'must be an amount in pounds written like "£1,234" or "£12.50" (got {value!r})')
        whole = int(match["pounds"].replace(",", ""))
        return whole * PENCE_PER_POUND + int(match["pence"] or 0)

    def count(self, key: str) -> int:
        """A positive whole number."""
        return self.bounded(key, 1, None)

    def bounded(self, key: str, low: int, high: Optional[int]) -> int:
        """A whole number within [low, high] (no upper bound when high is None)."""
        value = self._value(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(key, f"must be a whole number (got {value!r})")
        if value < low or (high is not None and value > high):
            bounds = f"between {low} and {high}" if high is not None else f"at least {low}"
            raise self.error(key, f"must be {bounds} (got {value})")
        return int(value)

    def flag(self, key: str) -> bool:
        """A true/false value."""
        return bool(self._typed(key, bool, "true or false"))

    def text(self, key: str) -> str:
        """A non-empty string."""
        value = str(self._typed(key, str, "text"))
        if not value.strip():
            raise self.error(key, "must not be empty")
        return value

    def texts(self, key: str) -> Tuple[str, ...]:
        """A non-empty list of distinct non-empty strings."""
        value = self._value(key)
        if not isinstance(value, list) or not value:
            raise self.error(key, "must be a non-empty list")
        if not all(isinstance(item, str) and item.strip() for item in value):
            raise self.error(key, "every item must be non-empty text")
        if len(set(value)) != len(value):
            raise self.error(key, "items must not repeat")
        return tuple(value)

    def email(self, key: str) -> str:
        """An e-mail address."""
        return self._matching(key, EMAIL_PATTERN, "an e-mail address")

    def url(self, key: str) -> str:
        """An http(s) address."""
        return self._matching(key, _URL, "an http:// or https:// address")

    def reject_unknown_keys(self) -> None:
        """Fail on keys no reader asked for (typos would otherwise be ignored silently)."""
        for key in self.keys():
            if key not in self._used:
                raise self.error(key, "unknown key (is it misspelt?)")
        for section in self._sections.values():
            section.reject_unknown_keys()

    def _matching(self, key: str, pattern: "re.Pattern[str]", what: str) -> str:
        """A string matching the pattern."""
        value = self.text(key)
        if not pattern.fullmatch(value):
            raise self.error(key, f"must be {what} (got {value!r})")
        return value

    def _typed(self, key: str, kind: type, what: str) -> Any:
        """A value of one Python type (bools are not accepted as numbers and vice versa)."""
        value = self._value(key)
        if not isinstance(value, kind):
            raise self.error(key, f"must be {what} (got {value!r})")
        return value

    def _value(self, key: str) -> Any:
        """The value at a (dotted) key, unwrapping a `{value: ..., sample: true}` marker."""
        head, _, rest = key.partition(".")
        if rest:
            return self.section(head)._value(rest)
        self._used.add(head)
        if head not in self._raw:
            raise self.error(head, "missing")
        return self._unwrap(head, self._raw[head])

    def _unwrap(self, key: str, value: Any) -> Any:
        """Record and strip a SAMPLE marker."""
        if not (isinstance(value, Mapping) and "sample" in value):
            return value
        if set(value) != _SAMPLE_MARKER:
            raise self.error(key, "a sample-marked value must have exactly the keys 'value' and 'sample'")
        if not isinstance(value["sample"], bool):
            raise self.error(f"{key}.sample", "must be true or false")
        if value["sample"]:
            self.samples.add(self._path(key))
        return value["value"]

    def _path(self, key: str) -> str:
        """The dotted path of a key of this mapping."""
        return f"{self._prefix}{key}"
