"""Who is asking, re-verified on every turn from the sealed claims the channel put in the metadata."""

from __future__ import annotations

import functools
import re
from typing import Optional

from rasa_sdk import Tracker

from bot.identity import AUTH_KEY, Claims, IdentitySettings, unseal_claims

_LEARNER_REF = re.compile(r"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})|\b(L\d{4,})\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def identity_settings() -> IdentitySettings:
    """Token and seal keys, read once from the environment."""
    return IdentitySettings.from_env()


def current_claims(tracker: Tracker) -> Optional[Claims]:
    """The verified identity behind the latest message, or None (anonymous)."""
    metadata = tracker.latest_message.get("metadata") or {}
    return unseal_claims(metadata.get(AUTH_KEY), tracker.sender_id, identity_settings())


def learner_named_in_text(tracker: Tracker) -> Optional[str]:
    """A learner id or email typed by a member of staff ("credits for L0003"); only ever used for staff."""
    match = _LEARNER_REF.search(tracker.latest_message.get("text") or "")
    if not match:
        return None
    return match.group(1) or match.group(2)
