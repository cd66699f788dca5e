"""Who is asking, re-verified on every turn from the sealed claims the channel put in the metadata."""

from __future__ import annotations

from typing import Optional

from rasa_sdk import Tracker

from actions.services import current
from bot.identity import AUTH_KEY, Claims, IdentitySettings, unseal_claims
from bot.rules.refs import find_learner_ref


def current_claims(tracker: Tracker, identity: Optional[IdentitySettings] = None) -> Optional[Claims]:
    """The verified identity behind the latest message, or None (anonymous); keys from the services by default."""
    metadata = tracker.latest_message.get("metadata") or {}
    settings = current().identity if identity is None else identity
    return unseal_claims(metadata.get(AUTH_KEY), tracker.sender_id, settings)


def learner_named_in_text(tracker: Tracker) -> Optional[str]:
    """A learner id or email typed by a member of staff ("credits for L0003"); only ever used for staff."""
    return find_learner_ref(tracker.latest_message.get("text") or "")
