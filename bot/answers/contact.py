"""Replies that point people to the team: enquiries, downloads, fallback and out-of-scope."""

from __future__ import annotations

from bot.answers.reply import Button, Reply
from bot.rules.policy import Policy

TOPIC_BUTTONS = (
    Button("What are microcredentials?", "/ask_what_are"),
    Button("Cost", "/ask_cost"),
    Button("Towards an MSc", "/ask_qualification"),
    Button("Courses on offer", "/ask_courses"),
)
CONTACT_BUTTON = Button("Contact the team", "/ask_enquire")


def enquiry_route(policy: Policy) -> Reply:
    """How to reach the IBERS Distance Learning team."""
    contact = policy.contact
    return Reply(
        "You can reach the IBERS Distance Learning team by email at "
        f"{contact.enquiry_email} or through the enquiry form at {contact.enquiry_url}; "
        "if you're thinking of using microcredentials towards an MSc, it's worth talking to us before you apply."
    )


def downloads(policy: Policy) -> Reply:
    """The page's downloadable resources."""
    contact = policy.contact
    return Reply(
        f"Two documents can be downloaded: the Research Proposal Form ({contact.research_proposal_form_url}) "
        f"and the Brochure ({contact.brochure_url}).",
        (Button("Courses on offer", "/ask_courses"), CONTACT_BUTTON),
    )


def not_understood(policy: Policy) -> Reply:
    """An honest reply to a message the assistant is not confident about."""
    return Reply(
        "Sorry, I'm not sure I understood that. I can answer questions about IBERS Distance Learning "
        "microcredentials, for example the ones below; for anything else, email the team at "
        f"{policy.contact.enquiry_email}.",
        TOPIC_BUTTONS + (CONTACT_BUTTON,),
    )


def out_of_scope(policy: Policy) -> Reply:
    """An honest reply to a question outside what the assistant covers."""
    return Reply(
        "I'm afraid I can only help with IBERS Distance Learning microcredentials, so I can't answer that. "
        f"The team at {policy.contact.enquiry_email} may be able to point you in the right direction.",
        TOPIC_BUTTONS + (CONTACT_BUTTON,),
    )


def service_unavailable(policy: Policy) -> Reply:
    """An apology when the records cannot be reached."""
    return Reply(
        "Sorry, I can't look that up right now. Please try again in a few minutes, or email the team at "
        f"{policy.contact.enquiry_email}.",
        (CONTACT_BUTTON,),
    )


def apology(policy: Policy) -> Reply:
    """The reply when part of the service did not answer: an apology and the enquiry route."""
    return Reply(
        "Sorry, part of my service isn't responding just now, so I couldn't answer that fully. "
        "Please try again in a few minutes. " + enquiry_route(policy).text
    )
