"""The enquiry form's wording, in English and Welsh (texts/enquiry_form.yaml; pure: no Rasa, no database).

The checks on each answer, and the English and Welsh words they recognise ("cancel", "canslo", "ie", "na"), are in
bot/nlp/form_replies.py.
"""

from __future__ import annotations

from typing import Any

from bot.answers.contact import enquiry_route
from bot.answers.reply import Button, Reply
from bot.answers.texts import ENGLISH, Texts
from bot.rules.policy import Policy

T = Texts("enquiry_form")


def offer(policy: Policy, language: Any = ENGLISH) -> Reply:
    """The enquiry route, with the offer to take the question here."""
    return Reply(
        enquiry_route(policy, language).text + " " + T("offer", language),
        (Button(T("button_leave_question", language), "/affirm"), Button(T("button_no_thanks", language), "/deny")),
    )


def ask_consent(policy: Policy, language: Any = ENGLISH) -> Reply:
    """The consent question with the one-line privacy notice."""
    return Reply(
        T("ask_consent", language, url=policy.contact.privacy_url),
        (
            Button(T("button_yes", language), T("payload_yes", language)),
            Button(T("button_no", language), T("payload_no", language)),
        ),
    )


def saved(reference: str, name: str, email: str, language: Any = ENGLISH) -> Reply:
    """Confirmation, given only after the enquiry was committed."""
    return Reply(T("saved", language, reference=reference, name=name, email=email))


def not_saved(policy: Policy, language: Any = ENGLISH) -> Reply:
    """The enquiry could not be stored: say so, and give the email route."""
    return Reply(T("not_saved", language, email=policy.contact.enquiry_email))


def no_consent(policy: Policy, language: Any = ENGLISH) -> Reply:
    """Without consent the team cannot reply, so nothing is stored."""
    return Reply(T("no_consent", language, email=policy.contact.enquiry_email))


def cancelled(language: Any = ENGLISH) -> Reply:
    """The user left the form."""
    return Reply(T("cancelled", language))


def reference(enquiry_id: int) -> str:
    """The reference people quote, the same in both languages: ENQ-00012."""
    return f"ENQ-{enquiry_id:05d}"
