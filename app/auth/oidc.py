"""OIDC bearer tokens from a force's identity provider, verified with PyJWT.

Only asymmetric signatures verify (the allow-list in settings admits nothing else, and each key is
bound to its own algorithm, so an HS256 token "signed" with the public key is refused). Issuer and
audience must be on the allow-lists, ``exp`` is required and enforced. Keys come from a JWKS file
(read at start-up) or URL (fetched with a timeout and cached by ``PyJWKClient``).
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from typing import Any

import jwt
from jwt import PyJWK, PyJWKClient

from app.auth.roles import Principal, Role
from app.settings import Settings

_USABLE_KEY_TYPES = frozenset({"RSA", "EC", "OKP"})
_FORCE = re.compile(r"^[A-Z0-9_-]{2,16}$")


class InvalidToken(Exception):
    """The token is not acceptable (malformed, wrong signature, issuer, audience, expired...)."""


class KeysUnavailable(Exception):
    """The identity provider's keys could not be fetched."""


class NoRole(Exception):
    """A valid token that names no SafeSteps role, or several."""


class JwksSource:
    """Signing keys by ``kid``: from a file loaded once, or a URL fetched and cached."""

    def __init__(self, settings: Settings) -> None:
        self.algorithms = frozenset(settings.oidc_algorithms)
        self._keys: dict[str | None, PyJWK] = {}
        self._client: PyJWKClient | None = None
        if settings.oidc_jwks_file is not None:
            document = json.loads(settings.oidc_jwks_file.read_text("utf-8"))
            for data in document.get("keys", []):
                key = self._usable(data)
                if key is not None:
                    self._keys[key.key_id] = key
            if not self._keys:
                raise ValueError(f"{settings.oidc_jwks_file} holds no usable asymmetric key")
        elif settings.oidc_jwks_url is not None:
            self._client = PyJWKClient(
                settings.oidc_jwks_url,
                cache_jwk_set=settings.oidc_jwks_cache_seconds > 0,
                lifespan=max(settings.oidc_jwks_cache_seconds, 1),
                timeout=settings.oidc_jwks_timeout_seconds,
            )

    def _usable(self, data: dict[str, Any]) -> PyJWK | None:
        if data.get("kty") not in _USABLE_KEY_TYPES or data.get("use", "sig") != "sig":
            return None
        try:
            key = PyJWK(data)
        except jwt.PyJWKError:
            return None
        return key if key.algorithm_name in self.algorithms else None

    def key(self, kid: str | None) -> PyJWK:
        if self._client is None:
            found = self._keys.get(kid) or (
                next(iter(self._keys.values())) if kid is None and len(self._keys) == 1 else None
            )
            if found is None:
                raise InvalidToken("no key for this token")
            return found
        if kid is None:
            raise InvalidToken("token has no key id")
        try:
            fetched = self._client.get_signing_key(kid)
        except jwt.PyJWKClientConnectionError as exc:
            raise KeysUnavailable("identity provider keys unavailable") from exc
        except jwt.PyJWKClientError as exc:
            raise InvalidToken("no key for this token") from exc
        if fetched.algorithm_name not in self.algorithms:
            raise InvalidToken("key algorithm not allowed")
        return fetched


class OidcVerifier:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.source = JwksSource(settings)

    def verify(self, token: str) -> Principal:
        return self.verify_with_expiry(token)[0]

    def verify_with_expiry(self, token: str) -> tuple[Principal, float]:
        """The caller, and the token's ``exp`` (seconds since the epoch)."""
        s = self.settings
        try:
            header = jwt.get_unverified_header(token)
        except jwt.InvalidTokenError as exc:
            raise InvalidToken("malformed token") from exc
        if header.get("alg") not in self.source.algorithms:
            raise InvalidToken("token algorithm not allowed")
        key = self.source.key(header.get("kid"))
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=sorted(self.source.algorithms),
                audience=s.oidc_audiences,
                issuer=s.oidc_issuers,
                leeway=s.oidc_leeway_seconds,
                options={"require": ["exp", "iss", "aud", "sub"]},
            )
        except jwt.InvalidTokenError as exc:
            raise InvalidToken(type(exc).__name__) from exc
        # A token valid for longer than the service accepts is refused, however it was signed: a
        # stolen long-lived token must not outlive the policy. Measured from iat (or from now).
        issued = claims.get("iat")
        start = float(issued) if isinstance(issued, int | float) else time.time()
        if float(claims["exp"]) - start > s.oidc_max_token_lifetime_seconds:
            raise InvalidToken("token lifetime exceeds the maximum")
        principal = Principal(
            id=_subject_id(str(claims["iss"]), str(claims["sub"])),
            name=str(claims.get("azp") or claims.get("client_id") or claims["sub"])[:128],
            role=self._role(claims.get(s.oidc_role_claim)),
            force=_force(claims.get(s.oidc_force_claim)),
            kind="oidc",
        )
        return principal, float(claims["exp"])

    def _role(self, claim: object) -> Role:
        values = [claim] if isinstance(claim, str) else claim if isinstance(claim, list) else []
        mapped: set[Role] = set()
        for value in values:
            if not isinstance(value, str):
                continue
            # With a role map, the map is the only way to a role: a raw "admin" in a groups claim
            # must not become admin. Without one, SafeSteps role names stand for themselves.
            role_map = self.settings.oidc_role_map
            name = role_map.get(value) if role_map else value
            if name is not None and name in Role.__members__:
                mapped.add(Role(name))
        if len(mapped) != 1:
            raise NoRole("the token must carry exactly one SafeSteps role")
        return mapped.pop()


def _subject_id(issuer: str, subject: str) -> str:
    """``oidc:<issuer tag>:<subject>``: subjects are unique per issuer only, so the issuer is in it.

    Bounded and printable: a long or odd subject is replaced by a digest.
    """
    tag = hashlib.sha256(issuer.encode()).hexdigest()[:8]
    if len(subject) > 100 or not subject.isprintable():
        subject = "sha256-" + hashlib.sha256(subject.encode()).hexdigest()[:32]
    return f"oidc:{tag}:{subject}"


def _force(claim: object) -> str | None:
    if claim is None:
        return None
    if not isinstance(claim, str) or not _FORCE.fullmatch(claim):
        raise InvalidToken("malformed force claim")
    return claim
