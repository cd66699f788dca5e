"""Tokens from the website: only a valid, unexpired token signed with our key identifies anyone."""

from __future__ import annotations

import base64
import json
import time

import jwt
import pytest

from bot.identity import (
    DEV_SECRET,
    IdentitySettings,
    mint_token,
    sealed_claims,
    unseal_claims,
    verify_token,
)

SETTINGS = IdentitySettings.from_env({"BOT_JWT_SECRET": "unit-test-secret"})


def test_a_valid_learner_token_identifies_the_learner():
    claims = verify_token(mint_token("L0003", "learner", SETTINGS), SETTINGS)
    assert (claims.sub, claims.role, claims.is_staff) == ("L0003", "learner", False)


def test_a_staff_token_identifies_staff():
    assert verify_token(mint_token("S0001", "staff", SETTINGS), SETTINGS).is_staff


def test_an_expired_token_is_anonymous():
    token = mint_token("L0003", "learner", SETTINGS, ttl_seconds=60, now=time.time() - 3600)
    assert verify_token(token, SETTINGS) is None


def test_a_token_signed_with_another_key_is_anonymous():
    other = IdentitySettings.from_env({"BOT_JWT_SECRET": "someone-elses-secret"})
    assert verify_token(mint_token("L0003", "learner", other), SETTINGS) is None


def test_a_tampered_token_is_anonymous():
    header, payload, signature = mint_token("L0003", "learner", SETTINGS).split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["sub"] = "L0004"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    assert verify_token(f"{header}.{forged}.{signature}", SETTINGS) is None


def test_an_unsigned_alg_none_token_is_anonymous():
    token = jwt.encode({"sub": "L0003", "role": "staff", "exp": int(time.time()) + 600}, None, algorithm="none")
    assert verify_token(token, SETTINGS) is None


@pytest.mark.parametrize("token", [None, "", "not-a-jwt", 42, {"sub": "L0003"}, "x" * 10_000])
def test_garbage_is_anonymous(token):
    assert verify_token(token, SETTINGS) is None


def test_an_unknown_role_is_anonymous():
    token = jwt.encode(
        {"sub": "L0003", "role": "admin", "exp": int(time.time()) + 600}, "unit-test-secret", algorithm="HS256"
    )
    assert verify_token(token, SETTINGS) is None


def test_a_token_without_expiry_is_anonymous():
    token = jwt.encode({"sub": "L0003", "role": "learner"}, "unit-test-secret", algorithm="HS256")
    assert verify_token(token, SETTINGS) is None


def rsa_key_pair():
    """A fresh RSA private key and its PEM public key."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    return key, public


def test_rs256_tokens_are_checked_with_the_public_key():
    key, public = rsa_key_pair()
    settings = IdentitySettings.from_env({"BOT_JWT_PUBLIC_KEY": public, "BOT_SEAL_SECRET": "unit-seal-secret"})
    token = jwt.encode({"sub": "L0002", "role": "learner", "exp": int(time.time()) + 600}, key, algorithm="RS256")
    assert verify_token(token, settings).sub == "L0002"
    assert verify_token(mint_token("L0002", "learner", SETTINGS), settings) is None  # an HS256 token is refused


def test_sealed_claims_only_open_in_their_own_conversation():
    claims = verify_token(mint_token("L0003", "learner", SETTINGS), SETTINGS)
    sealed = sealed_claims(claims, "conversation-a", SETTINGS)
    assert unseal_claims(sealed, "conversation-a", SETTINGS) == claims
    assert unseal_claims(sealed, "conversation-b", SETTINGS) is None


def test_claims_typed_by_a_user_do_not_open():
    forged = {"sub": "L0004", "role": "staff", "exp": int(time.time()) + 600, "seal": "0" * 64}
    assert unseal_claims(forged, "conversation-a", SETTINGS) is None


def test_changing_a_sealed_claim_breaks_the_seal():
    claims = verify_token(mint_token("L0003", "learner", SETTINGS), SETTINGS)
    sealed = dict(sealed_claims(claims, "c", SETTINGS), role="staff")
    assert unseal_claims(sealed, "c", SETTINGS) is None


def test_sealed_claims_expire_with_the_token():
    claims = verify_token(mint_token("L0003", "learner", SETTINGS, ttl_seconds=60), SETTINGS)
    sealed = sealed_claims(claims, "c", SETTINGS)
    assert unseal_claims(sealed, "c", SETTINGS, now=time.time() + 120) is None


def test_the_development_secret_is_recognised():
    assert IdentitySettings.from_env({}).is_development
    assert not SETTINGS.is_development
    assert IdentitySettings.from_env({"BOT_JWT_SECRET": DEV_SECRET}).is_development


def hs256(payload, secret="unit-test-secret"):
    """A token signed with the unit-test secret."""
    return jwt.encode(payload, secret, algorithm="HS256")


def test_a_token_living_longer_than_the_maximum_is_refused():
    now = int(time.time())
    assert verify_token(hs256({"sub": "S0001", "role": "staff", "iat": now, "exp": now + 721 * 60}), SETTINGS) is None
    assert verify_token(hs256({"sub": "S0001", "role": "staff", "iat": now, "exp": now + 720 * 60}), SETTINGS)


def test_a_token_expiring_in_the_year_3000_is_refused_with_or_without_iat():
    year_3000 = 32503680000
    assert verify_token(hs256({"sub": "S0001", "role": "staff", "exp": year_3000}), SETTINGS) is None
    late_iat = {"sub": "S0001", "role": "staff", "iat": year_3000 - 60, "exp": year_3000}
    assert verify_token(hs256(late_iat), SETTINGS) is None


def test_a_token_without_expiry_or_with_a_non_numeric_iat_is_refused():
    now = int(time.time())
    assert verify_token(hs256({"sub": "L0003", "role": "learner", "iat": now}), SETTINGS) is None
    assert verify_token(hs256({"sub": "L0003", "iat": "yesterday", "exp": now + 60}), SETTINGS) is None


def test_the_maximum_lifetime_comes_from_bot_token_max_minutes():
    short = IdentitySettings.from_env({"BOT_JWT_SECRET": "unit-test-secret", "BOT_TOKEN_MAX_MINUTES": "10"})
    assert verify_token(mint_token("L0003", "learner", short, ttl_seconds=11 * 60), short) is None
    assert verify_token(mint_token("L0003", "learner", short, ttl_seconds=10 * 60), short)


def test_issuer_and_audience_are_required_when_configured():
    env = {"BOT_JWT_SECRET": "unit-test-secret", "BOT_JWT_ISSUER": "https://ibers.example", "BOT_JWT_AUDIENCE": "bot"}
    strict = IdentitySettings.from_env(env)
    now = int(time.time())
    base = {"sub": "L0003", "iat": now, "exp": now + 600}
    assert verify_token(hs256({**base, "iss": "https://ibers.example", "aud": "bot"}), strict)
    assert verify_token(mint_token("L0003", "learner", strict), strict)  # the demo minter adds them
    assert verify_token(hs256(base), strict) is None
    assert verify_token(hs256({**base, "iss": "https://evil.example", "aud": "bot"}), strict) is None
    assert verify_token(hs256({**base, "iss": "https://ibers.example", "aud": "other"}), strict) is None


def test_rs256_seal_key_comes_from_the_seal_secret_not_the_public_key():
    key, public = rsa_key_pair()
    token = jwt.encode({"sub": "L0002", "exp": int(time.time()) + 600}, key, algorithm="RS256")
    one = IdentitySettings.from_env({"BOT_JWT_PUBLIC_KEY": public, "BOT_SEAL_SECRET": "seal-one"})
    two = IdentitySettings.from_env({"BOT_JWT_PUBLIC_KEY": public, "BOT_SEAL_SECRET": "seal-two"})
    sealed = sealed_claims(verify_token(token, one), "c", one)
    assert unseal_claims(sealed, "c", one) is not None
    assert unseal_claims(sealed, "c", two) is None  # the public key (known to all) is not enough to seal


def test_rs256_without_a_seal_secret_accepts_no_token():
    key, public = rsa_key_pair()
    settings = IdentitySettings.from_env({"BOT_JWT_PUBLIC_KEY": public})
    token = jwt.encode({"sub": "L0002", "exp": int(time.time()) + 600}, key, algorithm="RS256")
    assert settings.seal_key is None
    assert verify_token(token, settings) is None
    forged = {"sub": "L0002", "role": "staff", "exp": int(time.time()) + 600, "seal": "0" * 64}
    assert unseal_claims(forged, "c", settings) is None


def test_demo_sign_in_never_exists_in_production():
    assert IdentitySettings.from_env({}).demo_sign_in
    assert not IdentitySettings.from_env({"BOT_ENV": "production"}).demo_sign_in
    assert not SETTINGS.demo_sign_in
