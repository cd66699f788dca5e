"""Which topic the page is silent on a question is about ("can I get a refund?" -> refunds), from an editable table.

Each row of TABLE is one topic: an id (its English and Welsh labels, "I don't have information about <label>",
are in bot/answers/texts/not_covered.yaml), optionally the rule-module function that already words the page's silence on it, the patterns
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
_TOPPING = r"(?:top[- ]?ups?|topping[- ]?up|top (?:it |them |this |that )?up)"
_NAMED_COURSE = r"\b(?:[a-z]{2}\s?\d{1,2}|[a-z]+ (?:[1-9]|one|two|three|four|five|six))\b(?! ?(?:weeks?|hours?|credits?|months?|years?|%))"
_UNIT_AFTER = r"(?! ?(?:%|percent|per\b|credits?|pounds|quid|hours?|weeks?|months?|days?|minutes?|marks?|points?|words?|courses?))"
_ASSESSMENT = r"(?:final )?(?:assessment|test|exam|report)s?"
_UPGRADING = r"\b(?:upgrad|msc\b|masters?\b|master's|degree|postgraduate|deduct|first module|full course)"

# (id, rule, patterns, unless-patterns); each id's English and Welsh label is in bot/answers/texts/not_covered.yaml
TABLE: Tuple[Tuple[str, Optional[str], Tuple[str, ...], Tuple[str, ...]], ...] = (
    ("refunds", None, (
        r"\brefund", r"money back", r"\bcancel", r"cooling[- ]off", r"£\s?\d+ back\b",
        r"\b(?:withdraw|drop(?:ping)? out|pull(?:ing)? out)\b",
    ), (_UPGRADING,)),
    ("course_transfer", None, (
        r"\b(?:swap|switch)(?:ing)?\b", r"\btransfer(?:ring)? (?:to|onto|from) (?:a |an )?(?:different|another|other)",
        r"\bchange (?:to|onto) (?:a |an )?(?:different|another)",
    ), (_UPGRADING, r"\bto (?:the )?credits?\b")),
    ("credit_transfer", None, (
        r"\btransfer(?:ring)? (?:my |the |these |those )?credits", r"credits? (?:to|at) (?:another|a different|other) uni",
        r"(?:other|another|different) universit(?:y|ies) (?:accept|recogni[sz]e)",
    ), ()),
    ("entry_requirements", None, (
        r"\bentry (?:requirement|criteri)", r"\badmissions? (?:requirement|criteri)", r"\bpre-?req", r"\bprerequisite",
        r"\brequirements? (?:to|for) (?:join|enrol|apply|get on|start|sign up|take)",
        r"\b(?:prior|previous|any previous) (?:knowledge|experience|qualifications?|study)",
        r"\bneed (?:a |an |any |to have )?(?:\w+ )?(?:degree|a[- ]?levels?|gcses?|qualifications?|background|diploma)",
        r"\bwhat qualifications", r"\b(?:degree|qualifications?|background) (?:is |are )?(?:required|needed|necessary)",
        r"\bno (?:degree|gcses?|qualifications?|a[- ]?levels?)\b", r"\bneed to (?:know|have done) (?:[\w']+ ){0,4}(?:beforehand|first)\b",
        r"\bwould i be accepted", r"\bcan anyone (?:start|do|join|enrol|apply|sign up)", r"\beligib(?:le|ility)\b",
        r"\bpeople with (?:a |an )?(?:\w+ )?(?:degree|qualifications?|background)",
    ), ()),
    ("english_language", None, (
        r"\bielts\b", r"\btoefl\b", r"\blevel of english", r"\blanguage requirement", r"\bmy english\b",
        r"\benglish (?:language )?(?:requirement|test|level|score)",
    ), ()),
    ("age", None, (
        r"\bage (?:limit|requirement|restriction)", r"\b(?:minimum|maximum) age", r"\btoo (?:old|young)\b",
        r"\b(?:old|young) enough\b", r"\b[1-9]\d[ -]?(?:years?[- ]olds?|yo|yrs? old)\b", r"\bi'?m (?:1[0-7]|[2-9]\d)\b" + _UNIT_AFTER,
        r"\b(?:i'?m|i am|am i|aged?|people|someone|anyone|students?|learners?|those|if you're|you're) (?:over |under |in (?:my|their) )(?:1\d|[2-9]\d)s?\b" + _UNIT_AFTER,
        r"\b(?:under|over)[- ](?:1[0-9]|[2-9]0)s\b", r"\b(?:age|ages|aged)\b (?:\w+ )?(?:matter|ok|okay|problem|limit)", r"\bupper age\b",
        r"\b(?:pensioners?|retirees?|i'?m retired|school (?:pupils?|leavers?|children))\b", r"\bhow old (?:do|must|should|can) (?:i|you|we|people|someone|learners|students) (?:have to |need to )?be\b",
    ), ()),
    ("instalments", None, (
        r"\binstal+ments?\b", r"\bpayment plans?\b", r"\bspread (?:the |my )?(?:cost|payments?|fees?|£\s?\d+)",
        r"\bpay (?:it |this |the fee )?(?:monthly|in monthly|in parts|in stages|bit by bit)",
        r"\bmonthly (?:amounts|payments|plan|instal|direct debit|fee|cost|price|option)", r"\brather than all at once",
        r"\bpay (?:in|over) (?:a few|several|\d+) months", r"\bpay(?:ing|ments?)?\b (?:[\w£']+ ){0,4}(?:monthly|each month|every month|per month|a month)\b",
        r"\b(?:monthly|each month|every month|per month|a month)\b (?:[\w']+ ){0,2}(?:pay|paying|payments?|instal)", r"\bdirect[- ]debits?\b",
        r"\bpay(?:ing)? (?:\w+ )?(?:by|via|with|through|using) (?:a )?direct[- ]debit", r"\bsplit (?:the |my |up the )?(?:payments?|cost|fees?|bill|price)",
        r"\bpay (?:it |the fee |for it )?(?:in|over) (?:two|2|three|3|four|4|several) (?:parts|payments|goes|chunks|lots)", r"\bpay as (?:i|you) go\b", r"\bin (?:two|2) halves\b",
    ), ()),
    ("employer_funding", None, (
        r"\bemployers? (?:funding|pay|fund|cover|sponsor|contribut)",
        r"\b(?:my|our|the) (?:company|employer|firm|boss|workplace|organi[sz]ation|work) .{0,25}\b(?:pay|fund|sponsor|cover)",
    ), ()),
    ("invoices", None, (r"\binvoic", r"\bpurchase order", r"\breceipts?\b"), ()),
    ("payment_methods", None, (
        r"\bpayment (?:methods?|options?)", r"\bhow (?:can|do|should|would|could) (?:i|we|you) pay\b", r"\bways? to pay",
        r"\bpay (?:by|with|using|via) ", r"\b(?:paypal|bank transfer|credit card|debit card|apple pay|google pay|cheque|bacs)\b",
        r"\bdo you (?:take|accept) (?:cards?|cash|payment)",
    ), ()),
    ("discounts", None, (
        r"\bdiscount", r"\bmoney off\b", r"\bearly[- ]bird", r"\bconcessions?\b", r"\b(?:promo|voucher|coupon)",
        r"\breduced (?:fee|price|rate)", r"\bcheaper (?:if|for)",
    ), (_UPGRADING,)),
    ("group_bookings", None, (
        r"\bgroup (?:rates?|bookings?|discounts?)", r"\b(?:to|for) (?:schools|colleges|companies|businesses|organi[sz]ations)\b",
        r"\b(?:five|several|\d+|a few) of us\b",
    ), ()),
    ("funding", None, (
        r"\bfunding\b", r"\bfunded\b", r"\bbursar(?:y|ies)\b", r"\bscholarships?\b", r"\bgrants?\b", r"\bloans?\b",
        r"\bstudent finance\b", r"\bfinancial (?:help|support|aid|assistance)", r"\bpersonal learning account",
    ), ()),
    ("start_dates", None, (
        r"\bstart(?:ing)? dates?\b", r"\bintakes?\b", r"\b(?:fixed|set) (?:start )?dates?\b",
        r"\bwhen (?:can|do|does|will|could|should) (?:i|we|it|they|the (?:course|microcredential)s?) (?:start|begin)\b",
        r"\bstart (?:any ?time|whenever|at any time|straight away|immediately|tomorrow|today|right away|next week)",
        r"\bcan i (?:start|begin)\b",
    ), ()),
    ("weekly_workload", None, (
        r"\bhours? (?:a|per|each|every) week", r"\bhow many hours", r"\bhow much time (?:a|per|each|every) week",
        r"\b(?:weekly|per week) (?:time|hours|commitment|workload)", r"\bworkload", r"\btime commitment", r"\bstudy hours",
        r"\bhours (?:of )?study", r"\b(?:a lot|lots) of work\b", r"\bhow much (?:work|study|effort)", r"\bhow intense",
    ), ()),
    ("visas", None, (r"\bvisas?\b", r"\btier ?4\b", r"\bstudent route\b", r"\bimmigration\b"), ()),
    ("certificates", None, (
        r"\bcertificat", r"\bcertified\b", r"\b(?:digital |open )?badges?\b", r"\btranscripts?\b", r"\b(?:cv|linkedin)\b",
        r"\b(?:proof|evidence|record|confirmation) (?:of|that) (?:my |i |the )?(?:completion|completing|study|studying|attendance|passing|passed|finished|completed)",
        r"\bsomething (?:to show|i can show)\b", r"\bwhat proof\b", r"\b(?:get|receive) anything (?:at the end|when i finish|afterwards)", r"\bshow (?:to )?(?:my )?(?:employer|boss|manager) (?:that|what)\b",
    ), (r"\b(?:grades?|marks?|percentage|say pass|pass or)\b", r"\bpg ?cert", r"\bpostgraduate certificate")),
    ("recognition", None, (
        r"\bcpd\b", r"\baccredit", r"\b(?:employers|industry) recogni[sz]e", r"\brecogni[sz]ed by (?:employers|industry)",
    ), ()),
    ("accessibility", None, (
        r"\bdisab", r"\bdyslexi", r"\bdyspraxi", r"\baccessib", r"\bscreen ?readers?\b", r"\b(?:visual|hearing)(?:ly)? impair",
        r"\b(?:deaf|blind)\b", r"\badhd\b", r"\bautis", r"\bneurodiver", r"\breasonable adjustments?", r"\bextra time\b",
        r"\bsubtitle", r"\bcaptions?\b", r"\b(?:additional|special) (?:learning |educational )?needs", r"\bpartially sighted\b",
        r"\blearning (?:difficult|disabilit|differences?)", r"\bspecific learning\b", r"\bmental health\b", r"\bchronic (?:illness|condition|pain)",
        r"\bwheelchair", r"\b(?:more|additional) time (?:for|on|in) (?:the |my )?(?:assessment|test|exam|report)", r"\bspld\b", r"\bdsa\b",
        r"\btext[- ]to[- ]speech\b", r"\b(?:large|bigger) (?:print|text|font)", r"\b(?:support|help) for (?:disabled|dyslexic|deaf|blind)",
    ), ()),
    ("resits", "resit_after_fail", (
        r"\bre-?sits?\b", r"\bre-?tak(?:e|ing)\b", r"\bre-?submi", r"\bre-?do\b", r"\b(?:another|second|2nd) (?:go|attempt|chance|try)\b",
        r"\bhow many attempts", r"\bif (?:i|you) (?:fail|don't pass|do not pass)", r"\bfail(?:ed)? (?:the|my)\b",
        r"\b(?:doesn't|does not|didn't|did not) pass\b", r"\b(?:sit|take|do) it again\b",
    ), ()),
    ("top_up_deadline", "top_up_deadline", (
        _TOP_UP + r" (?:fee )?deadline", r"\bdeadline (?:to|for) (?:pay(?:ing)? )?(?:the |my |a )?" + _TOP_UP,
        r"\bhow late can i (?:leave )?(?:paying|pay)", r"\b(?:cut[- ]?off|closing|last) (?:date|day) (?:for|to) (?:pay|paying)\b",
        r"\bwhen (?:do|must|should|can) i (?:have to )?pay (?:the |my )?" + _TOP_UP,
        r"\btime limit .{0,20}" + _TOPPING, r"\bpay(?:ing)? (?:the |my )?" + _TOP_UP + r" (?:later|after|at the end|once)",
        r"\bwhen (?:is|are) (?:the |my )?" + _TOP_UP + r"(?: fee| payment)? (?:due|payable)",
        r"\bwhen (?:must|should|do|does|will|would|can|has) (?:the |my )?" + _TOP_UP + r"(?: fee)? (?:have to )?(?:be )?paid",
        r"\bhow (?:long|soon|late|many (?:months|weeks|years)) .{0,50}" + _TOPPING, r"\b(?:until|till|up to) when\b .{0,30}" + _TOPPING,
        r"\b(?:can|could|may) (?:i|we|you) (?:still |only )?" + _TOPPING + r"\b.{0,30}\b(?:afterwards|too late|(?:years?|months?|weeks?) (?:later|after|on))\b",
        r"\b(?:latest|last) (?:date |day |time |point )?(?:i can |to |for |by which )?(?:pay(?:ing)? )?(?:the |my )?" + _TOPPING,
        r"\b(?:can|could) i (?:still )?" + _TOPPING + r" (?:\w+ ){0,4}(?:after|once|when) (?:i'?ve |i have |the course |it )?(?:finish|finished|ended|ends|passed|completed|over)",
        r"\bis there (?:a |any )?(?:time limit|deadline|limit) (?:on|for|to) " + _TOPPING, r"\bby when\b .{0,30}" + _TOP_UP,
    ), ()),
    ("extensions", None, (
        r"\bextensions?\b", r"\bextend\b", r"\bdefer", r"\bpause", r"\b(?:take|taking) a break\b", r"\binterrupt",
        r"\b(?:not|don't|do not|didn't|can't) finish (?:in|within) (?:the |a )?(?:year|time)",
    ), ()),
    ("deadlines", None, (
        r"\bdeadlines?\b", r"\bdue dates?\b", r"\bcut[- ]?off\b", r"\bclosing dates?\b",
        r"\b(?:applications?|bookings?|enrolments?|registrations?) close", r"\blate (?:submission|penalt)",
        r"\bwhen (?:is|are) (?:the |my )?" + _ASSESSMENT + r" due\b",
    ), ()),
    ("welsh", None, (
        r"\b(?:in|through|via) (?:the medium of )?welsh\b", r"\bwelsh[- ](?:medium|language|speakers?|versions?)\b",
        r"\bc?[gy]?cymraeg\b", r"\bgymraeg\b", r"\b(?:speak|write|study|learn) (?:in )?welsh\b",
    ), ()),
    ("languages", None, (r"\b(?:other|different|which|what) languages?\b",), ()),
    ("technical_requirements", None, (
        r"\btechnical (?:requirements?|specs?|specifications?)", r"\bsystem requirements?", r"\b(?:ipad|tablet|chromebook)s?\b",
        r"\bwhat (?:computer|laptop|device|software|equipment|hardware|kit)\b", r"\binternet (?:speed|connection)", r"\bbroadband\b",
        r"\b(?:need|require)s? (?:a |an |any )?(?:special |particular |specific )?(?:computer|laptop|software|webcam|camera|microphone|headset|pc|mac|browser|equipment)\b",
        r"\bon (?:my|a|an) (?:phone|mobile|smartphone|ipad|tablet|mac|macbook|chromebook|android|iphone)\b", r"\bwi-?fi\b",
        r"\b(?:computer|laptop|device|hardware|software|it) (?:requirements?|specs?|specifications?|needs)\b", r"\bbrowsers?\b", r"\boperating systems?\b",
        r"\b(?:work|run)s? (?:on|with) (?:a |an |my )?(?:mac|macbook|linux|windows|chromebook|android|iphone|ipad|tablet|phone|mobile|pc)\b",
        r"\b(?:internet|broadband) (?:access|speed|connection|needed|required)", r"\bslow (?:internet|connection|broadband)", r"\bsoftware\b",
        r"\b(?:need|have|require|use|buy|get) (?:a |an |my |any |to have a )?(?:new |good |decent |powerful |fast |own )?(?:laptop|computer|pc|mac|tablet|webcam)s?\b",
        r"\b(?:microsoft office|ms office)\b", r"\bdownload (?:any|special|some) (?:programs?|apps?)", r"\bis there an app\b",
        r"\b(?:pc|computer|laptop|machine)\b (?:\w+ )?(?:be )?(?:good|powerful|fast|new) enough", r"\b(?:turn on|switch on|use) (?:my |a )?(?:camera|webcam|microphone|mic)\b",
    ), ()),
    ("references", None, (r"\breferences?\b",), ()),
    ("tutor_support", None, (
        r"\btutors?\b", r"\blecturers?\b", r"\bmentor",
        r"\b(?:get|i'm|am) stuck\b", r"\bfeedback on\b", r"\bwho teaches\b", r"\bcourse (?:leader|coordinator|director)s?\b",
        r"\boffice hours\b", r"\b(?:one[- ]to[- ]one|1[- ]to[- ]1)\b", r"\b(?:academic|teaching) (?:staff|support)\b",
    ), ()),
    ("pass_rates", None, (r"\b(?:pass|success) rates?\b", r"\bhow many (?:people|students|learners) pass",), ()),
    ("other_learners", None, (
        r"\bforums?\b", r"\bother (?:learners|students)\b", r"\b(?:class|cohort|group) sizes?\b", r"\bcohort",
        r"\bhow many (?:people|students|learners) (?:are )?(?:on|in|take|do)\b", r"\bgroup (?:projects?|work)\b",
    ), ()),
    ("assessment_location", None, (
        r"\b(?:sit|take|do) (?:the |my )?" + _ASSESSMENT + r" (?:from |while |when )?(?:abroad|overseas|remotely|from home|in another country)",
        r"\b" + _ASSESSMENT + r"\b.{0,40}\b(?:abroad|overseas|another country|remotely|travel)\b",
        r"\b(?:abroad|overseas|another country) .{0,30}\b(?:assessment|test|exam)", r"\bbe in the uk\b", r"\binvigilat", r"\bproctor",
    ), ()),
    ("results", None, (
        r"\b(?:get|receive|find out) (?:my |the )?(?:results?|marks?|outcome)", r"\bwhen will i (?:find out|know|hear)\b",
        r"\bhow long .{0,25}\b(?:marking|marked|results?)\b", r"\bmarking (?:time|period)",
    ), ()),
    ("materials", None, (
        r"\baccess (?:to )?(?:the )?(?:course )?(?:materials?|content|videos?)", r"\bdownload (?:the )?(?:course )?(?:videos?|materials?|content)",
        r"\breading lists?\b", r"\btext ?books?\b", r"\b(?:buy|purchase) (?:any )?(?:books|materials)",
        r"\b(?:keep|still have|lose|retain|continue to have) (?:my |the |any )?access\b", r"\bhow long (?:do|will|can|would) (?:i|we|you) (?:have|keep|get|retain) access",
        r"\baccess\b.{0,40}\b(?:after|once|when) (?:the |my |i )?(?:course|microcredential|module|finish|complete|end|it ends|it's over)",
        r"\b(?:materials?|content|videos?|notes|resources)\b.{0,30}\b(?:after (?:the course|i finish|it ends|completion|finishing)|afterwards|forever|for life)",
    ), ()),
    ("syllabus", None, (
        r"\bsyllab", r"\bcurricul", r"\bcourse (?:content|outline|structure|breakdown|plan|programme)s?\b", r"\bmodule (?:content|outline|descriptors?)",
        r"\bcontents? of (?:the |each |a )?(?:course|module|microcredential)", r"\bwhat (?:will|do|would|shall) (?:i|we) (?:actually )?(?:learn|study|cover|be taught|be learning)", r"\bwhat (?:will|do|would) you (?:learn|study|be taught)\b",
        r"\bwhat(?:'s| is| gets| will be) (?:covered|taught)", r"\btopics (?:covered|included|taught)", r"\blearning (?:outcomes|objectives|aims)",
        r"\bwhat (?:topics|subjects|units|lessons|weeks) (?:are|does|do|will|is) (?:covered|taught|included|in it|it|each|this|that|the course|the module)\b", r"\b(?:week[- ]by[- ]week|weekly) (?:content|topics|plan|breakdown)",
        r"\bwhat (?:is|are) (?:in|inside) (?:the |each )?(?:course|module|microcredential)s?\b", r"\bcourse materials? (?:like|cover)",
        r"\b(?:see|look at|preview) (?:some |the |any )?(?:course )?(?:materials?|content) (?:before|first)",
    ), (_NAMED_COURSE,)),
    ("waiting_lists", None, (
        r"\bwait(?:ing)?[- ]?lists?\b", r"\bfully booked\b", r"\b(?:is|it's|are|course is|courses are|it is|already) full\b", r"\bsold out\b",
        r"\bnotif(?:y|ied|ication)", r"\b(?:email|e-mail|message|text|alert|ping) (?:me|us) (?:when|once|if|as soon as)\b",
        r"\bbe (?:told|notified|informed|emailed|alerted|contacted|kept updated) (?:when|once|if|as soon as|about)", r"\b(?:register|express|note|log) (?:my |an )?interest",
        r"\bput (?:my name|me) down\b", r"\bno (?:places|spaces|spots) left", r"\bmailing list\b", r"\bkeep me (?:updated|posted|informed)",
    ), ()),
    ("student_status", None, (
        r"\bstudent (?:card|status|id)\b", r"\bnus\b", r"\blibrary\b", r"\bgraduation\b", r"\bbecome an? .{0,25}\bstudent\b",
    ), ()),
    ("credit_expiry", None, (
        r"\bcredits? (?:ever )?expire", r"\bcredits? (?:are |be )?(?:valid|last)\b", r"\bhow long (?:are|do|will) (?:the |my )?credits",
    ), ()),
    ("report_topic", None, (r"\bchoose (?:the |my )?(?:topic|subject|title)",), ()),
    ("induction", None, (
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

    id: str  # its label, "refunds", "whether courses are taught in Welsh", is in bot/answers/texts/not_covered.yaml
    rule: Optional[str] = None  # a key of RULES


@dataclass(frozen=True)
class _Row:
    """One compiled row of the table."""

    topic: SilentTopic
    patterns: Tuple[Pattern[str], ...]
    unless: Tuple[Pattern[str], ...]


def _compile(table: Sequence[Tuple[str, Optional[str], Tuple[str, ...], Tuple[str, ...]]]) -> Tuple[_Row, ...]:
    """The table's rows with their patterns compiled; an unknown rule name is a mistake in the table."""
    rows = []
    for topic_id, rule, patterns, unless in table:
        if rule is not None and rule not in RULES:
            raise ValueError(f"silent topic {topic_id}: unknown rule {rule!r}")
        rows.append(_Row(SilentTopic(topic_id, rule), tuple(map(re.compile, patterns)), tuple(map(re.compile, unless))))
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
