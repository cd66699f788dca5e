"""Replies that point people to the team: enquiries, downloads, fallback and out-of-scope (texts/contact.yaml)."""

from __future__ import annotations

from typing import Any, Tuple

from bot.answers.reply import Button, Reply
from bot.answers.texts import ENGLISH, Texts
from bot.rules.policy import Policy

T = Texts("contact")


def topic_buttons(language: Any = ENGLISH) -> Tuple[Button, ...]:
    """The main topics, offered when the assistant could not answer."""
    return (
        Button(T("button_what_are", language), "/ask_what_are"),
        Button(T("button_cost", language), "/ask_cost"),
        Button(T("button_qualification", language), "/ask_qualification"),
        Button(T("button_courses", language), "/ask_courses"),
    )


def contact_button(language: Any = ENGLISH) -> Button:
    """The button that leads to the enquiry route."""
    return Button(T("button_contact", language), "/ask_enquire")


def courses_button(language: Any = ENGLISH) -> Button:
    """The button that lists the courses on offer."""
    return Button(T("button_courses", language), "/ask_courses")


def enquiry_route(policy: Policy, language: Any = ENGLISH) -> Reply:
    """How to reach the IBERS Distance Learning team."""
    contact = policy.contact
    return Reply(T("enquiry_route", language, email=contact.enquiry_email, url=contact.enquiry_url))


def downloads(policy: Policy, language: Any = ENGLISH) -> Reply:
    """The page's downloadable resources."""
    contact = policy.contact
    text = T("downloads", language, form_url=contact.research_proposal_form_url, brochure_url=contact.brochure_url)
    return Reply(text, (courses_button(language), contact_button(language)))


def not_understood(policy: Policy, language: Any = ENGLISH) -> Reply:
    """An honest reply to a message the assistant is not confident about."""
    text = T("not_understood", language, email=policy.contact.enquiry_email)
    return Reply(text, topic_buttons(language) + (contact_button(language),))


def out_of_scope(policy: Policy, language: Any = ENGLISH) -> Reply:
    """An honest reply to a question outside what the assistant covers."""
    text = T("out_of_scope", language, email=policy.contact.enquiry_email)
    return Reply(text, topic_buttons(language) + (contact_button(language),))


def service_unavailable(policy: Policy, language: Any = ENGLISH) -> Reply:
    """An apology when the records cannot be reached."""
    return Reply(T("service_unavailable", language, email=policy.contact.enquiry_email), (contact_button(language),))


def apology(policy: Policy, language: Any = ENGLISH) -> Reply:
    """The reply when part of the service did not answer: an apology and the enquiry route."""
    return Reply(T("apology", language) + " " + enquiry_route(policy, language).text)
