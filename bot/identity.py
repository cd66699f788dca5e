"""Who is asking: verify the website's signed token and seal the verified claims to one conversation.

The website signs a JWT (HS256 with BOT_JWT_SECRET, or RS256 checked with BOT_JWT_PUBLIC_KEY) carrying the
learner id (`sub`), a `role` (learner or staff), `iat` and an expiry no more than BOT_TOKEN_MAX_MINUTES later
(and `iss` / `aud` when BOT_JWT_ISSUER / BOT_JWT_AUDIENCE are set). The seal key comes from BOT_SEAL_SECRET
(else, with HS256 only, from BOT_JWT_SECRET); RS256 without BOT_SEAL_SECRET accepts no token at all, since
a seal derived from a public key could be computed by anyone. The channel verifies it at the edge and passes
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

from bot import settings as bot_settings
from bot.settings import jwt_keys

DEV_SECRET = bot_settings.DEV_JWT_SECRET
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
    seal_key: Optional[bytes]  # None: nothing can be sealed, so no token is accepted
    max_lifetime_seconds: int = bot_settings.DEFAULT_TOKEN_MAX_MINUTES * 60
    issuer: Optional[str] = None
    audience: Optional[str] = None
    production: bool = False

    @classmethod
    def from_env(cls, env: Optional[Mapping[str, str]] = None) -> "IdentitySettings":
        """HS256 with BOT_JWT_SECRET (development secret if unset), or RS256 with BOT_JWT_PUBLIC_KEY; read by bot.settings."""
        keys = jwt_keys(env)
        secret = keys.secret or DEV_SECRET
        seal_secret = bot_settings.seal_secret(env)
        if keys.public_key:
            algorithm, verify_key = "RS256", keys.public_key
            seal_key = _seal_key(seal_secret) if seal_secret else None
        else:
            algorithm, verify_key, seal_key = "HS256", secret, _seal_key(seal_secret or secret)
        return cls(
            algorithm,
            verify_key,
            seal_key,
            max_lifetime_seconds=bot_settings.token_max_minutes(env) * 60,
            issuer=bot_settings.jwt_issuer(env),
            audience=bot_settings.jwt_audience(env),
            production=bot_settings.production(env),
        )

    @property
    def is_development(self) -> bool:
        """Whether the well-known development secret is in use."""
        return self.algorithm == "HS256" and self.verify_key == DEV_SECRET

    @property
    def demo_sign_in(self) -> bool:
        """Whether demo tokens may be minted: the development secret, and never in production."""
        return self.is_development and not self.production


def _seal_key(material: str) -> bytes:
    """A key for sealing claims, derived from (and distinct from) the secret it is given."""
    return hashlib.sha256(b"ibers-claims-seal\x00" + material.encode()).digest()


def verify_token(token: Any, settings: IdentitySettings, now: Optional[float] = None) -> Optional[Claims]:
    """The claims of a valid token; None for a missing, malformed, expired, tampered or wrongly signed one."""
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_LENGTH or settings.seal_key is None:
        return None
    required = ["exp", "sub"] + (["iss"] if settings.issuer else []) + (["aud"] if settings.audience else [])
    try:
        payload = jwt.decode(
            token,
            settings.verify_key,
            algorithms=[settings.algorithm],
            issuer=settings.issuer,
            audience=settings.audience,
            options={"require": required, "verify_exp": False, "verify_iat": False},
        )
    except (jwt.PyJWTError, ValueError, TypeError):
        return None
    now = time.time() if now is None else now
    if not _lifetime_allowed(payload, now, settings.max_lifetime_seconds):
        return None
    return _claims_from(payload, now, settings.max_lifetime_seconds)


def _lifetime_allowed(payload: Mapping[str, Any], now: float, max_seconds: int) -> bool:
    """Whether exp - iat (exp - now without iat) is within the maximum lifetime; a non-integer iat is refused."""
    iat, exp = payload.get("iat", None), payload.get("exp")
    if not isinstance(exp, int) or isinstance(exp, bool):
        return False
    if iat is None:
        return exp - now <= max_seconds
    if not isinstance(iat, int) or isinstance(iat, bool):
        return False
    return exp - iat <= max_seconds


def _claims_from(payload: Mapping[str, Any], now: float, max_seconds: int) -> Optional[Claims]:
    """Claims from a decoded payload, if well formed, not expired and expiring no later than max_seconds from now."""
    sub, role, exp = payload.get("sub"), payload.get("role", "learner"), payload.get("exp")
    if not isinstance(sub, str) or not sub or len(sub) > 254 or role not in ROLES:
        return None
    if not isinstance(exp, int) or isinstance(exp, bool) or exp <= now or exp - now > max_seconds:
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
    payload: Dict[str, Any] = {"sub": sub, "role": role, "iat": issued, "exp": issued + ttl_seconds}
    payload.update({key: value for key, value in (("iss", settings.issuer), ("aud", settings.audience)) if value})
    return jwt.encode(payload, settings.verify_key, algorithm="HS256")


def _seal(claims: Claims, conversation_id: str, settings: IdentitySettings) -> str:
    """An HMAC binding the claims to one conversation."""
    if settings.seal_key is None:
        raise ValueError(f"no seal key: set {bot_settings.SEAL_SECRET_VAR}")
    message = f"{conversation_id}\x00{claims.sub}\x00{claims.role}\x00{claims.exp}".encode()
    return hmac.new(settings.seal_key, message, hashlib.sha256).hexdigest()


def sealed_claims(claims: Claims, conversation_id: str, settings: IdentitySettings) -> Dict[str, Any]:
    """What the channel stores in the message metadata instead of the token."""
    return {"sub": claims.sub, "role": claims.role, "exp": claims.exp, "seal": _seal(claims, conversation_id, settings)}


def unseal_claims(
    sealed: Any, conversation_id: str, settings: IdentitySettings, now: Optional[float] = None
) -> Optional[Claims]:
    """Verified claims from message metadata: the seal must match this conversation and the expiry be ahead."""
    if not isinstance(sealed, Mapping) or settings.seal_key is None:
        return None
    claims = _claims_from(sealed, time.time() if now is None else now, settings.max_lifetime_seconds)
    seal = sealed.get("seal")
    if claims is None or not isinstance(seal, str):
        return None
    if not hmac.compare_digest(seal, _seal(claims, conversation_id, settings)):
        return None
    return claims
