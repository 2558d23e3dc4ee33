"""Signing keys and tokens that the tests make themselves (no identity provider needed)."""

from __future__ import annotations

import base64
import json
import time
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from jwt.algorithms import ECAlgorithm, OKPAlgorithm, RSAAlgorithm

ISSUER = "https://idp.test.invalid/realms/wmp"
AUDIENCE = "safesteps"
HMAC_SECRET = b"a shared secret of at least 32 bytes, for HS256"

_RSA = rsa.generate_private_key(public_exponent=65537, key_size=2048)
_EC = ec.generate_private_key(ec.SECP256R1())
_ED = ed25519.Ed25519PrivateKey.generate()
PRIVATE: dict[str, Any] = {"RS256": _RSA, "ES256": _EC, "EdDSA": _ED}
KIDS = {"RS256": "rsa-1", "ES256": "ec-1", "EdDSA": "ed-1"}


def jwks() -> dict[str, Any]:
    keys = []
    for alg, codec in (("RS256", RSAAlgorithm), ("ES256", ECAlgorithm), ("EdDSA", OKPAlgorithm)):
        jwk = json.loads(codec.to_jwk(PRIVATE[alg].public_key()))
        keys.append({**jwk, "kid": KIDS[alg], "alg": alg, "use": "sig"})
    # A symmetric key in the set must never be used, whatever a token claims.
    keys.append({"kty": "oct", "k": base64.urlsafe_b64encode(HMAC_SECRET).decode(), "kid": "hmac-1"})
    return {"keys": keys}


def write_jwks(path: Path) -> Path:
    path.write_text(json.dumps(jwks()), "utf-8")
    return path


def token(
    alg: str = "RS256",
    *,
    role: object = "auditor",
    force: str | None = None,
    aud: str = AUDIENCE,
    iss: str = ISSUER,
    exp_in: int = 300,
    kid: str | None = None,
    drop: tuple[str, ...] = (),
    **extra: object,
) -> str:
    now = int(time.time())
    claims: dict[str, Any] = {
        "iss": iss,
        "aud": aud,
        "sub": "user-4711",
        "iat": now,
        "exp": now + exp_in,
        "safesteps_role": role,
        **extra,
    }
    if force is not None:
        claims["force"] = force
    for name in drop:
        claims.pop(name, None)
    return jwt.encode(claims, PRIVATE[alg], algorithm=alg, headers={"kid": kid or KIDS[alg]})


def hmac_token(secret: bytes = HMAC_SECRET, kid: str = "hmac-1") -> str:
    now = int(time.time())
    claims = {"iss": ISSUER, "aud": AUDIENCE, "sub": "x", "exp": now + 300, "safesteps_role": "admin"}
    return jwt.encode(claims, secret, algorithm="HS256", headers={"kid": kid})
