"""The enquiry form's answers as people type them, in English and Welsh: leave the form, yes, no, a name, an email.

The word lists recognise the user's words; they are not wording the assistant says (bot/answers/enquiry_form.py). Both languages are always
recognised, whatever the conversation's language, since people switch mid-conversation ("ie", "stop please").
Accents and curly apostrophes are dropped first, as people type them: "rŵan" is "rwan", "ocê" is "oce".
"""

from __future__ import annotations

import re
from typing import FrozenSet, List, Optional

from bot.rules.refs import looks_like_email

MAX_NAME_WORDS = 8
MAX_NAME_CHARS = 100
MIN_QUESTION_CHARS = 5
MAX_QUESTION_CHARS = 2000

# A whole command, once the polite words around it are dropped: "cancel", "stopio", "anghofio fe".
CANCEL_WORDS: FrozenSet[str] = frozenset(
    {
        # English
        "cancel",
        "stop",
        "quit",
        "never mind",
        "nevermind",
        "forget it",
        "forget",
        "exit",
        "leave",
        "end",
        "restart",
        "start again",
        "start over",
        # Welsh (with the soft-mutated forms: "ga i ganslo?", "ga i adael?")
        "canslo",
        "ganslo",
        "stopio",
        "stopia",
        "stopiwch",
        "gadael",
        "adael",
        "gorffen",
        "rhoi gorau iddi",
        "anghofio",
        "anghofio fe",
        "anghofio fo",
        "anghofio e",
        "anghofio o",
        "anghofia",
        "anghofia fe",
        "anghofia fo",
        "anghofia fi",
        "anghofiwch",
        "anghofiwch e",
        "anghofiwch o",
        "anghofiwch fe",
        "anghofiwch fo",
        "anghofiwch am",
        "na hidia",
        "hidia befo",
        "gad o",
        "gad e",
        "gadewch e",
        "gadewch o",
        "ailddechrau",
        "ailgychwyn",
        "dechrau eto",
        "dechrau o'r newydd",
    }
)
# Words around a command that do not change it: "stop please", "please cancel that", "dwi isio stopio rŵan".
POLITE: FrozenSet[str] = frozenset(
    """
    please pls plz now just it that this the form enquiry ok okay thanks thank you oh i want wanna to would like can we
    let's lets actually
    plis os gwelwch yn dda diolch nawr rwan jyst dwi dw rwy rydw rwyf i fi ni isio eisiau eisie moyn
    hoffwn hoffen ga gaf gawn allwn gallwn alla galla y yr 'r hyn hynny hynna hwn hon hwnna ffurflen ymholiad oce iawn
    wir plîs
    """.split()
)
# Replies that are never a name: what people answer to some other question, or a greeting.
NOT_NAMES: FrozenSet[str] = frozenset(
    {
        # English
        "yes",
        "no",
        "ok",
        "okay",
        "sure",
        "hi",
        "hello",
        "hey",
        "thanks",
        "thank you",
        "help",
        "why",
        # Welsh
        "ie",
        "ia",
        "na",
        "nage",
        "do",
        "naddo",
        "ydw",
        "nac ydw",
        "nag ydw",
        "oes",
        "nac oes",
        "nag oes",
        "iawn",
        "oce",
        "hoffwn",
        "helo",
        "shwmae",
        "s'mae",
        "sumae",
        "smae",
        "sut mae",
        "bore da",
        "prynhawn da",
        "noswaith dda",
        "diolch",
        "diolch yn fawr",
        "helpu",
        "pam",
        "croeso",
    }
)
# Yes to a question, at the start of the answer: "yes please", "ie", "ydw, plis", "cytuno", "wrth gwrs".
YES = re.compile(
    r"^\s*(?:y|yes|yeah|yep|yup|ok|okay|sure|i agree|agree|i do|of course|please do|fine|no problem|no worries"
    r"|ie|ia|iawn|oce|ydw|yndw|ydy|ydi|oes|hoffwn|hoffen|baswn|faswn|byddwn|gwnaf|gwnewch|caiff|cewch|cei"
    r"|cytuno|rwy'?n cytuno|rydw i'?n cytuno|dwi'?n cytuno|dw i'?n cytuno|wrth gwrs|siwr|yn sicr|croeso|plis"
    r"|os gwelwch yn dda|dim problem|dim ots|does dim ots|sdim ots)\b",
    re.IGNORECASE,
)
# No to a question, at the start of the answer: "no thanks", "na", "nac ydw", "dim diolch", "dwi ddim yn cytuno".
NO = re.compile(
    r"^\s*(?:n|no|nope|nah|i don'?t|do not|don'?t|not really"
    r"|na|nac|nag|naddo|nage|dim diolch|dim o gwbl|ddim o gwbl|dim felly|ddim felly|dim rili|ddim rili"
    r"|(?:dwi|dw i|dydw i|rydw i|rwy) ddim (?:yn cytuno|eisiau|isio|moyn)|ddim yn cytuno|dim eisiau|ddim eisiau"
    r"|ddim isio|gwrthod|rwy'?n gwrthod|dwi'?n gwrthod|peidiwch|paid a)\b",
    re.IGNORECASE,
)

_AS_TYPED = str.maketrans("àáâäèéêëìíîïòóôöùúûüẁẃŵẅỳýŷÿ’‘", "aaaaeeeeiiiioooouuuuwwwwyyyy''")
_WORD = re.compile(r"[a-z']+")


def plain(text: str) -> str:
    """The text as people type it: lower case, accents and curly apostrophes dropped."""
    return text.lower().translate(_AS_TYPED)


def words(text: str) -> List[str]:
    """The words of a message, with a Welsh "'r" split off its word ("canslo'r ffurflen": canslo 'r ffurflen)."""
    found: List[str] = []
    for word in _WORD.findall(plain(text)):
        if word.endswith("'r") and len(word) > 2 and word != "o'r":
            found.extend((word[:-2], "'r"))
        elif word.strip("'"):
            found.append(word)
    return found


def is_cancel(text: str) -> bool:
    """Whether the message asks to leave the form ("cancel", "stop please", "canslo", "dwi isio stopio rŵan")."""
    command = " ".join(word for word in words(text) if word not in POLITE)
    return command in CANCEL_WORDS


def is_not_a_name(text: str) -> bool:
    """Whether a reply is something people say to another question or a greeting ("yes", "helo", "diolch!")."""
    return plain(" ".join(text.split())).rstrip(".!") in NOT_NAMES


def yes_or_no(text: str) -> Optional[bool]:
    """True for yes, False for no, None for neither, in either language."""
    typed = plain(text)
    if YES.match(typed):
        return True
    if NO.match(typed):
        return False
    return None


def is_payload(text: str) -> bool:
    """Whether the text is a button's or the widget's intent payload ("/greet", "/affirm"), not a typed answer."""
    return text.strip().startswith("/")


def valid_name(text: str) -> Optional[str]:
    """A plausible name (short, not a question, a payload or a bare "yes"/"hello"/"ie"/"helo"), tidied; else None."""
    name = " ".join(text.split())
    if is_not_a_name(name):
        return None
    if not name or is_payload(name) or "?" in name or len(name) > MAX_NAME_CHARS or len(name.split()) > MAX_NAME_WORDS:
        return None
    return name


def valid_email(text: str) -> Optional[str]:
    """An email address, lower-cased; else None."""
    email = text.strip().strip("<>").lower()
    return email if looks_like_email(email) else None


def valid_question(text: str) -> Optional[str]:
    """The question as typed, if it is long enough to act on, not too long and not an intent payload."""
    question = text.strip()
    if is_payload(question):
        return None
    return question if MIN_QUESTION_CHARS <= len(question) <= MAX_QUESTION_CHARS else None


def consent_answer(text: str) -> Optional[bool]:
    """Yes or no to being contacted, in English or Welsh; None when the answer is neither (nor for a payload)."""
    if is_payload(text):
        return None
    return yes_or_no(text)
