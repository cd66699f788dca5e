"""Which topic the page is silent on a question is about ("can I get a refund?" -> refunds), from an editable table.

Each row of TABLE is one topic: an id, the English label the assistant names it by ("I don't have information
about <label>"), optionally the rule-module function that already words the page's silence on it, the patterns
that recognise it and, optionally, patterns that rule it out. Patterns are regular expressions matched against
the lower-cased message after a few text-speak words are spelt out ("u" -> "you", "hrs" -> "hours"); write
British and American spellings both. The topic whose pattern matches earliest in the message wins; at the same
position the longer match, then the earlier row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Dict, Mapping, Optional, Pattern, Sequence, Tuple

from bot.rules import resit_after_fail, top_up_deadline
from bot.rules.model import NotCovered

_TOP_UP = r"top[- ]?ups?"
_ASSESSMENT = r"(?:final )?(?:assessment|test|exam|report)s?"
_UPGRADING = r"\b(?:upgrad|msc\b|masters?\b|master's|degree|postgraduate|deduct|first module|full course)"

# (id, label, rule, patterns, unless-patterns)
TABLE: Tuple[Tuple[str, str, Optional[str], Tuple[str, ...], Tuple[str, ...]], ...] = (
    ("refunds", "refunds", None, (
        r"\brefund", r"money back", r"\bcancel", r"cooling[- ]off", r"£\s?\d+ back\b",
        r"\b(?:withdraw|drop(?:ping)? out|pull(?:ing)? out)\b",
    ), (_UPGRADING,)),
    ("course_transfer", "changing to a different course", None, (
        r"\b(?:swap|switch)(?:ing)?\b", r"\btransfer(?:ring)? (?:to|onto|from) (?:a |an )?(?:different|another|other)",
        r"\bchange (?:to|onto) (?:a |an )?(?:different|another)",
    ), (_UPGRADING, r"\bto (?:the )?credits?\b")),
    ("credit_transfer", "transferring credits to another university", None, (
        r"\btransfer(?:ring)? (?:my |the |these |those )?credits", r"credits? (?:to|at) (?:another|a different|other) uni",
        r"(?:other|another|different) universit(?:y|ies) (?:accept|recogni[sz]e)",
    ), ()),
    ("entry_requirements", "entry requirements", None, (
        r"\bentry (?:requirement|criteri)", r"\badmissions? (?:requirement|criteri)", r"\bpre-?req", r"\bprerequisite",
        r"\brequirements? (?:to|for) (?:join|enrol|apply|get on|start|sign up|take)",
        r"\b(?:prior|previous|any previous) (?:knowledge|experience|qualifications?|study)",
        r"\bneed (?:a |an |any |to have )?(?:\w+ )?(?:degree|a[- ]?levels?|gcses?|qualifications?|background|diploma)",
        r"\bwhat qualifications", r"\b(?:degree|qualifications?|background) (?:is |are )?(?:required|needed|necessary)",
        r"\bno (?:degree|gcses?|qualifications?|a[- ]?levels?)\b", r"\bneed to (?:know|have done) (?:[\w']+ ){0,4}(?:beforehand|first)\b",
        r"\bwould i be accepted", r"\bcan anyone (?:start|do|join|enrol|apply|sign up)", r"\beligib(?:le|ility)\b",
        r"\bpeople with (?:a |an )?(?:\w+ )?(?:degree|qualifications?|background)",
    ), ()),
    ("english_language", "English language requirements", None, (
        r"\bielts\b", r"\btoefl\b", r"\blevel of english", r"\blanguage requirement", r"\bmy english\b",
        r"\benglish (?:language )?(?:requirement|test|level|score)",
    ), ()),
    ("age", "age limits", None, (
        r"\bage (?:limit|requirement|restriction)", r"\b(?:minimum|maximum) age", r"\btoo (?:old|young)\b",
        r"\b(?:old|young) enough\b", r"\b1[0-7][ -]?(?:year[- ]old|yo)\b", r"\bi'?m 1[0-7]\b",
    ), ()),
    ("instalments", "paying in instalments", None, (
        r"\binstal+ments?\b", r"\bpayment plans?\b", r"\bspread (?:the |my )?(?:cost|payments?|fees?|£\s?\d+)",
        r"\bpay (?:it |this |the fee )?(?:monthly|in monthly|in parts|in stages|bit by bit)",
        r"\bmonthly (?:amounts|payments)", r"\brather than all at once", r"\bpay (?:in|over) (?:a few|several|\d+) months",
    ), ()),
    ("employer_funding", "employer funding", None, (
        r"\bemployers? (?:funding|pay|fund|cover|sponsor|contribut)",
        r"\b(?:my|our|the) (?:company|employer|firm|boss|workplace|organi[sz]ation|work) .{0,25}\b(?:pay|fund|sponsor|cover)",
    ), ()),
    ("invoices", "invoices and receipts", None, (r"\binvoic", r"\bpurchase order", r"\breceipts?\b"), ()),
    ("payment_methods", "payment methods", None, (
        r"\bpayment (?:methods?|options?)", r"\bhow (?:can|do|should|would|could) (?:i|we|you) pay\b", r"\bways? to pay",
        r"\bpay (?:by|with|using|via) ", r"\b(?:paypal|bank transfer|credit card|debit card|apple pay|google pay|cheque|bacs)\b",
        r"\bdo you (?:take|accept) (?:cards?|cash|payment)",
    ), ()),
    ("discounts", "discounts", None, (
        r"\bdiscount", r"\bmoney off\b", r"\bearly[- ]bird", r"\bconcessions?\b", r"\b(?:promo|voucher|coupon)",
        r"\breduced (?:fee|price|rate)", r"\bcheaper (?:if|for)",
    ), (_UPGRADING,)),
    ("group_bookings", "group and organisation bookings", None, (
        r"\bgroup (?:rates?|bookings?|discounts?)", r"\b(?:to|for) (?:schools|colleges|companies|businesses|organi[sz]ations)\b",
        r"\b(?:five|several|\d+|a few) of us\b",
    ), ()),
    ("funding", "funding, grants and loans", None, (
        r"\bfunding\b", r"\bfunded\b", r"\bbursar(?:y|ies)\b", r"\bscholarships?\b", r"\bgrants?\b", r"\bloans?\b",
        r"\bstudent finance\b", r"\bfinancial (?:help|support|aid|assistance)", r"\bpersonal learning account",
    ), ()),
    ("start_dates", "start dates", None, (
        r"\bstart(?:ing)? dates?\b", r"\bintakes?\b", r"\b(?:fixed|set) (?:start )?dates?\b",
        r"\bwhen (?:can|do|does|will|could|should) (?:i|we|it|they|the (?:course|microcredential)s?) (?:start|begin)\b",
        r"\bstart (?:any ?time|whenever|at any time|straight away|immediately|tomorrow|today|right away|next week)",
        r"\bcan i (?:start|begin)\b",
    ), ()),
    ("weekly_workload", "the weekly workload and study hours", None, (
        r"\bhours? (?:a|per|each|every) week", r"\bhow many hours", r"\bhow much time (?:a|per|each|every) week",
        r"\b(?:weekly|per week) (?:time|hours|commitment|workload)", r"\bworkload", r"\btime commitment", r"\bstudy hours",
        r"\bhours (?:of )?study", r"\b(?:a lot|lots) of work\b", r"\bhow much (?:work|study|effort)", r"\bhow intense",
    ), ()),
    ("visas", "visas", None, (r"\bvisas?\b", r"\btier ?4\b", r"\bstudent route\b", r"\bimmigration\b"), ()),
    ("certificates", "certificates", None, (
        r"\bcertificat", r"\b(?:digital )?badges?\b", r"\btranscripts?\b", r"\b(?:cv|linkedin)\b", r"\bproof of (?:completion|study)",
    ), (r"\b(?:grades?|marks?|percentage|say pass|pass or)\b", r"\bpg ?cert", r"\bpostgraduate certificate")),
    ("recognition", "professional recognition and CPD", None, (
        r"\bcpd\b", r"\baccredit", r"\b(?:employers|industry) recogni[sz]e", r"\brecogni[sz]ed by (?:employers|industry)",
    ), ()),
    ("accessibility", "disability and accessibility support", None, (
        r"\bdisab", r"\bdyslexi", r"\bdyspraxi", r"\baccessib", r"\bscreen ?readers?\b", r"\b(?:visual|hearing)(?:ly)? impair",
        r"\b(?:deaf|blind)\b", r"\badhd\b", r"\bautis", r"\bneurodiver", r"\breasonable adjustments?", r"\bextra time\b",
        r"\bsubtitle", r"\bcaptions?\b", r"\b(?:additional|special) (?:learning |educational )?needs",
    ), ()),
    ("resits", "resits", "resit_after_fail", (
        r"\bre-?sits?\b", r"\bre-?tak(?:e|ing)\b", r"\bre-?submi", r"\bre-?do\b", r"\b(?:another|second|2nd) (?:go|attempt|chance|try)\b",
        r"\bhow many attempts", r"\bif (?:i|you) (?:fail|don't pass|do not pass)", r"\bfail(?:ed)? (?:the|my)\b",
        r"\b(?:doesn't|does not|didn't|did not) pass\b", r"\b(?:sit|take|do) it again\b",
    ), ()),
    ("top_up_deadline", "the deadline for the top-up", "top_up_deadline", (
        _TOP_UP + r" (?:fee )?deadline", r"\bdeadline (?:to|for) (?:pay(?:ing)? )?(?:the |my |a )?" + _TOP_UP,
        r"\bhow late can i (?:leave )?(?:paying|pay)", r"\b(?:cut[- ]?off|closing|last) (?:date|day) (?:for|to) (?:pay|paying)\b",
        r"\bwhen (?:do|must|should|can) i (?:have to )?pay (?:the |my )?" + _TOP_UP,
        r"\btime limit .{0,20}" + _TOP_UP, r"\bpay(?:ing)? (?:the |my )?" + _TOP_UP + r" (?:later|after|at the end|once)",
    ), ()),
    ("extensions", "extensions, pauses and deferrals", None, (
        r"\bextensions?\b", r"\bextend\b", r"\bdefer", r"\bpause", r"\b(?:take|taking) a break\b", r"\binterrupt",
        r"\b(?:not|don't|do not|didn't|can't) finish (?:in|within) (?:the |a )?(?:year|time)",
    ), ()),
    ("deadlines", "deadlines", None, (
        r"\bdeadlines?\b", r"\bdue dates?\b", r"\bcut[- ]?off\b", r"\bclosing dates?\b",
        r"\b(?:applications?|bookings?|enrolments?|registrations?) close", r"\blate (?:submission|penalt)",
        r"\bwhen (?:is|are) (?:the |my )?" + _ASSESSMENT + r" due\b",
    ), ()),
    ("welsh", "whether courses are taught in Welsh", None, (
        r"\b(?:in|through|via) (?:the medium of )?welsh\b", r"\bwelsh[- ](?:medium|language|speakers?|versions?)\b",
        r"\bc?[gy]?cymraeg\b", r"\bgymraeg\b", r"\b(?:speak|write|study|learn) (?:in )?welsh\b",
    ), ()),
    ("languages", "which languages the courses are taught in", None, (r"\b(?:other|different|which|what) languages?\b",), ()),
    ("technical_requirements", "technical requirements", None, (
        r"\btechnical (?:requirements?|specs?|specifications?)", r"\bsystem requirements?", r"\b(?:ipad|tablet|chromebook)s?\b",
        r"\bwhat (?:computer|laptop|device|software|equipment|hardware|kit)\b", r"\binternet (?:speed|connection)", r"\bbroadband\b",
        r"\b(?:need|require)s? (?:a |an |any )?(?:special |particular |specific )?(?:computer|laptop|software|webcam|camera|microphone|headset|pc|mac|browser|equipment)\b",
        r"\bon (?:my|a) (?:phone|mobile|smartphone)\b", r"\bwi-?fi\b",
    ), ()),
    ("references", "references", None, (r"\breferences?\b",), ()),
    ("tutor_support", "tutor support", None, (
        r"\btutors?\b", r"\blecturers?\b", r"\bmentor",
        r"\b(?:get|i'm|am) stuck\b", r"\bfeedback on\b", r"\bwho teaches\b", r"\bcourse (?:leader|coordinator|director)s?\b",
        r"\boffice hours\b", r"\b(?:one[- ]to[- ]one|1[- ]to[- ]1)\b", r"\b(?:academic|teaching) (?:staff|support)\b",
    ), ()),
    ("pass_rates", "pass rates", None, (r"\b(?:pass|success) rates?\b", r"\bhow many (?:people|students|learners) pass",), ()),
    ("other_learners", "class sizes and contact with other learners", None, (
        r"\bforums?\b", r"\bother (?:learners|students)\b", r"\b(?:class|cohort|group) sizes?\b", r"\bcohort",
        r"\bhow many (?:people|students|learners) (?:are )?(?:on|in|take|do)\b", r"\bgroup (?:projects?|work)\b",
    ), ()),
    ("assessment_location", "where and how the final assessment is taken", None, (
        r"\b(?:sit|take|do) (?:the |my )?" + _ASSESSMENT + r" (?:from |while |when )?(?:abroad|overseas|remotely|from home|in another country)",
        r"\b" + _ASSESSMENT + r"\b.{0,40}\b(?:abroad|overseas|another country|remotely|travel)\b",
        r"\b(?:abroad|overseas|another country) .{0,30}\b(?:assessment|test|exam)", r"\bbe in the uk\b", r"\binvigilat", r"\bproctor",
    ), ()),
    ("results", "when results come back", None, (
        r"\b(?:get|receive|find out) (?:my |the )?(?:results?|marks?|outcome)", r"\bwhen will i (?:find out|know|hear)\b",
        r"\bhow long .{0,25}\b(?:marking|marked|results?)\b", r"\bmarking (?:time|period)",
    ), ()),
    ("materials", "access to course materials and reading", None, (
        r"\baccess (?:to )?(?:the )?(?:course )?(?:materials?|content|videos?)", r"\bdownload (?:the )?(?:course )?(?:videos?|materials?|content)",
        r"\breading lists?\b", r"\btext ?books?\b", r"\b(?:buy|purchase) (?:any )?(?:books|materials)",
    ), ()),
    ("student_status", "student status and university facilities", None, (
        r"\bstudent (?:card|status|id)\b", r"\bnus\b", r"\blibrary\b", r"\bgraduation\b", r"\bbecome an? .{0,25}\bstudent\b",
    ), ()),
    ("credit_expiry", "whether credits expire", None, (
        r"\bcredits? (?:ever )?expire", r"\bcredits? (?:are |be )?(?:valid|last)\b", r"\bhow long (?:are|do|will) (?:the |my )?credits",
    ), ()),
    ("report_topic", "choosing the topic of your report", None, (r"\bchoose (?:the |my )?(?:topic|subject|title)",), ()),
    ("induction", "induction and login details", None, (
        r"\binduction\b", r"\blog-?in (?:details)?\b", r"\blog in details\b", r"\busername\b", r"\bpassword\b", r"\bonboarding\b",
    ), ()),
)  # fmt: skip

_TEXT_SPEAK: Mapping[str, str] = {
    "u": "you", "ur": "your", "r": "are", "wot": "what", "wat": "what", "wht": "what", "hw": "how", "cn": "can",
    "mny": "many", "hrs": "hours", "hr": "hour", "wk": "week", "wks": "weeks", "reqs": "requirements",
    "req": "requirement", "cert": "certificate", "certs": "certificates", "pls": "please", "plz": "please",
    "wen": "when", "shd": "should", "cud": "could", "wud": "would", "b4": "before", "thru": "through", "im": "i'm",
    "ive": "i've", "dont": "don't", "doesnt": "doesn't", "cant": "can't", "whats": "what's", "uni": "university",
}  # fmt: skip
_WORD = re.compile(r"[a-z0-9']+")
RULES: Mapping[str, Callable[[], NotCovered]] = {
    "resit_after_fail": resit_after_fail,
    "top_up_deadline": top_up_deadline,
}


@dataclass(frozen=True)
class SilentTopic:
    """A topic the page says nothing about, and the rule-module function that words that, if there is one."""

    id: str
    label: str  # English, reads after "about": "refunds", "whether courses are taught in Welsh"
    rule: Optional[str] = None  # a key of RULES


@dataclass(frozen=True)
class _Row:
    """One compiled row of the table."""

    topic: SilentTopic
    patterns: Tuple[Pattern[str], ...]
    unless: Tuple[Pattern[str], ...]


def _compile(table: Sequence[Tuple[str, str, Optional[str], Tuple[str, ...], Tuple[str, ...]]]) -> Tuple[_Row, ...]:
    """The table's rows with their patterns compiled; an unknown rule name is a mistake in the table."""
    rows = []
    for topic_id, label, rule, patterns, unless in table:
        if rule is not None and rule not in RULES:
            raise ValueError(f"silent topic {topic_id}: unknown rule {rule!r}")
        rows.append(
            _Row(SilentTopic(topic_id, label, rule), tuple(map(re.compile, patterns)), tuple(map(re.compile, unless)))
        )
    return tuple(rows)


_ROWS = _compile(TABLE)
TOPICS: Tuple[SilentTopic, ...] = tuple(row.topic for row in _ROWS)
_BY_ID: Dict[str, SilentTopic] = {topic.id: topic for topic in TOPICS}


def normalise(text: str) -> str:
    """Lower case, straight apostrophes, single spaces, common text-speak spelt out."""
    text = " ".join(text.lower().replace("\u2019", "'").replace("\u2018", "'").split())
    return _WORD.sub(lambda match: _TEXT_SPEAK.get(match.group(0), match.group(0)), text)


def _earliest(row: _Row, text: str) -> Optional[Tuple[int, int]]:
    """(start, -length) of the row's earliest, longest match in the text, or None."""
    if any(pattern.search(text) for pattern in row.unless):
        return None
    found = [(match.start(), -len(match.group(0))) for pattern in row.patterns if (match := pattern.search(text))]
    return min(found) if found else None


def silent_topic(text: str) -> Optional[SilentTopic]:
    """The page-silent topic a message asks about (the earliest mention wins), or None."""
    text = normalise(text)
    best: Optional[Tuple[Tuple[int, int, int], SilentTopic]] = None
    for index, row in enumerate(_ROWS):
        where = _earliest(row, text)
        if where is not None and (best is None or (*where, index) < best[0]):
            best = ((*where, index), row.topic)
    return best[1] if best else None


def topic(topic_id: str) -> SilentTopic:
    """The table's topic with this id (KeyError if there is none)."""
    return _BY_ID[topic_id]


def rule_note(silent: Optional[SilentTopic]) -> Optional[NotCovered]:
    """What the rule module says about the page's silence on this topic, when it has a function for it."""
    if silent is None or silent.rule is None:
        return None
    return RULES[silent.rule]()
