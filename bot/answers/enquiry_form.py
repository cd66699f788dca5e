"""The enquiry form's wording and the checks on each answer (pure: no Rasa, no database)."""

from __future__ import annotations

import re
from typing import Optional

from bot.answers.contact import enquiry_route
from bot.answers.reply import Button, Reply
from bot.rules.policy import Policy
from bot.rules.refs import looks_like_email

MAX_NAME_WORDS = 8
MAX_NAME_CHARS = 100
MIN_QUESTION_CHARS = 5
MAX_QUESTION_CHARS = 2000
CANCEL_WORDS = {
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
}
# Words around a command that do not change it: "stop please", "please cancel that", "I want to stop now".
_POLITE = {
    "please", "pls", "plz", "now", "just", "it", "that", "this", "the", "form", "enquiry", "ok", "okay", "thanks",
    "thank", "you", "oh", "i", "want", "wanna", "to", "would", "like", "can", "we", "let's", "lets", "actually",
}  # fmt: skip
# Replies that are never a name: what people answer to some other question, or a greeting.
NOT_NAMES = {"yes", "no", "ok", "okay", "sure", "hi", "hello", "hey", "thanks", "thank you", "help", "why"}
_YES = re.compile(r"^\s*(y|yes|yeah|yep|yup|ok|okay|sure|i agree|agree|i do|of course|please do|fine)\b", re.I)
_NO = re.compile(r"^\s*(n|no|nope|nah|i don'?t|do not|don'?t|not really)\b", re.I)


def is_cancel(text: str) -> bool:
    """Whether the user wants to leave the form ("cancel", "stop please", "I want to stop", "restart")."""
    words = re.findall(r"[a-z']+", text.lower().replace("\u2019", "'"))
    command = " ".join(word for word in words if word not in _POLITE)
    return command in CANCEL_WORDS


def is_payload(text: str) -> bool:
    """Whether the text is a button's or the widget's intent payload ("/greet", "/affirm"), not a typed answer."""
    return text.strip().startswith("/")


def valid_name(text: str) -> Optional[str]:
    """A plausible name (short, not a question, a payload or a bare "yes"/"hello"), tidied; else None."""
    name = " ".join(text.split())
    if name.lower().rstrip(".!") in NOT_NAMES:
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
    """Yes or no to being contacted; None when the answer is neither (an intent payload is neither)."""
    if is_payload(text):
        return None
    if _YES.match(text):
        return True
    if _NO.match(text):
        return False
    return None


def offer(policy: Policy) -> Reply:
    """The enquiry route, with the offer to take the question here."""
    return Reply(
        enquiry_route(policy).text
        + " I can also pass your question to the team from here: would you like to leave it with me?",
        (Button("Yes, leave a question", "/affirm"), Button("No thanks", "/deny")),
    )


def ask_consent(policy: Policy) -> Reply:
    """The consent question with the one-line privacy notice."""
    return Reply(
        "May the team contact you by email about this enquiry? We use your name, email and question only to "
        f"answer it (privacy notice: {policy.contact.privacy_url}).",
        (Button("Yes", "yes"), Button("No", "no")),
    )


def saved(reference: str, name: str, email: str) -> Reply:
    """Confirmation, given only after the enquiry was committed."""
    return Reply(
        f"Thank you, {name}. Your enquiry is saved with reference {reference}; the team will reply to {email}."
    )


def not_saved(policy: Policy) -> Reply:
    """The enquiry could not be stored: say so, and give the email route."""
    return Reply(
        "Sorry, I couldn't save your enquiry just now, so it has not reached the team. Please email it to "
        f"{policy.contact.enquiry_email} instead."
    )


def no_consent(policy: Policy) -> Reply:
    """Without consent the team cannot reply, so nothing is stored."""
    return Reply(
        "No problem: I haven't kept your details. Without permission to contact you the team can't reply, but you "
        f"can email {policy.contact.enquiry_email} whenever you like."
    )


def cancelled() -> Reply:
    """The user left the form."""
    return Reply("OK, I've cancelled that and kept nothing. What else would you like to know?")


def reference(enquiry_id: int) -> str:
    """The reference people quote: ENQ-00012."""
    return f"ENQ-{enquiry_id:05d}"
