"""Who is asking: verify the website's signed token and seal the verified claims to one conversation.

The website signs a JWT (HS256 with BOT_JWT_SECRET, or RS256 checked with BOT_JWT_PUBLIC_KEY) carrying the
learner id (`sub`), a `role` (learner or staff) and an expiry. The channel verifies it at the edge and passes
on only the verified claims plus a seal (an HMAC binding them to the conversation), so raw tokens never reach
the conversation store. Actions re-check the seal and the expiry on every turn. No Rasa imports here.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from dataclasses import dataclass
from typing import Any, Dict, Mapping, Optional

import jwt

from bot.settings import jwt_keys

DEV_SECRET = "ibers-dev-only-secret-do-not-use-in-production"
ROLES = ("learner", "staff")
AUTH_KEY = "auth"  # the metadata key holding sealed claims
TOKEN_KEY = "token"  # the metadata key the website puts its token in
MAX_TOKEN_LENGTH = 4096


@dataclass(frozen=True)
class Claims:
    """A verified identity."""

    sub: str
    role: str
    exp: int

    @property
    def is_staff(self) -> bool:
        """Staff may look up any learner."""
        return self.role == "staff"


@dataclass(frozen=True)
class IdentitySettings:
    """How tokens are checked: the algorithm and its key."""

    algorithm: str
    verify_key: str
    seal_key: bytes

    @classmethod
    def from_env(cls, env: Optional[Mapping[str, str]] = None) -> "IdentitySettings":
        """HS256 with BOT_JWT_SECRET (development secret if unset), or RS256 with BOT_JWT_PUBLIC_KEY; read by bot.settings."""
        keys = jwt_keys(env)
        secret = keys.secret or DEV_SECRET
        public_key = keys.public_key
        if public_key:
            return cls("RS256", public_key, _seal_key(public_key + secret))
        return cls("HS256", secret, _seal_key(secret))

    @property
    def is_development(self) -> bool:
        """Whether the well-known development secret is in use (demo sign-in allowed)."""
        return self.algorithm == "HS256" and self.verify_key == DEV_SECRET


def _seal_key(material: str) -> bytes:
    """A key for sealing claims, derived from (and distinct from) the token key."""
    return hashlib.sha256(b"ibers-claims-seal\x00" + material.encode()).digest()


def verify_token(token: Any, settings: IdentitySettings, now: Optional[float] = None) -> Optional[Claims]:
    """The claims of a valid token; None for a missing, malformed, expired, tampered or wrongly signed one."""
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    try:
        payload = jwt.decode(
            token,
            settings.verify_key,
            algorithms=[settings.algorithm],
            options={"require": ["exp", "sub"], "verify_exp": False},
        )
    except (jwt.PyJWTError, ValueError, TypeError):
        return None
    return _claims_from(payload, time.time() if now is None else now)


def _claims_from(payload: Mapping[str, Any], now: float) -> Optional[Claims]:
    """Claims from a decoded payload, if its fields are well formed and it has not expired."""
    sub, role, exp = payload.get("sub"), payload.get("role", "learner"), payload.get("exp")
    if not isinstance(sub, str) or not sub or len(sub) > 254 or role not in ROLES:
        return None
    if not isinstance(exp, int) or exp <= now:
        return None
    return Claims(sub=sub, role=role, exp=exp)


def mint_token(
    sub: str, role: str, settings: IdentitySettings, ttl_seconds: int = 3600, now: Optional[float] = None
) -> str:
    """A token as the website would issue it (demo and tests; HS256 only)."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}")
    if settings.algorithm != "HS256":
        raise ValueError("tokens can only be minted here with the HS256 secret")
    issued = int(time.time() if now is None else now)
    return jwt.encode(
        {"sub": sub, "role": role, "iat": issued, "exp": issued + ttl_seconds}, settings.verify_key, algorithm="HS256"
    )


def _seal(claims: Claims, conversation_id: str, settings: IdentitySettings) -> str:
    """An HMAC binding the claims to one conversation."""
    message = f"{conversation_id}\x00{claims.sub}\x00{claims.role}\x00{claims.exp}".encode()
    return hmac.new(settings.seal_key, message, hashlib.sha256).hexdigest()


def sealed_claims(claims: Claims, conversation_id: str, settings: IdentitySettings) -> Dict[str, Any]:
    """What the channel stores in the message metadata instead of the token."""
    return {"sub": claims.sub, "role": claims.role, "exp": claims.exp, "seal": _seal(claims, conversation_id, settings)}


def unseal_claims(
    sealed: Any, conversation_id: str, settings: IdentitySettings, now: Optional[float] = None
) -> Optional[Claims]:
    """Verified claims from message metadata: the seal must match this conversation and the expiry be ahead."""
    if not isinstance(sealed, Mapping):
        return None
    claims = _claims_from(sealed, time.time() if now is None else now)
    seal = sealed.get("seal")
    if claims is None or not isinstance(seal, str):
        return None
    if not hmac.compare_digest(seal, _seal(claims, conversation_id, settings)):
        return None
    return claims
