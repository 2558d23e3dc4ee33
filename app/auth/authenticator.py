"""Turn a presented bearer credential into a ``Principal``: API key (``ss_...``) or OIDC token.

Verified API keys are cached for ``auth_cache_seconds`` so the hot path does not read the database
on every request; the cached row is re-checked (hash, expiry, revocation) on every use. A key
revoked through this process is dropped from its cache at once; other processes notice within the
cache time. When a cached row runs out, one request reads it again; the others presenting that key
meanwhile wait for that read instead of each reading (and noting the key's use) themselves.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, update
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, col

from app.auth import tokens
from app.auth.oidc import InvalidToken, OidcVerifier
from app.auth.roles import Principal, Role
from app.db import begin_write, session_scope
from app.errors import DatabaseBusy
from app.models.auth import ApiKey
from app.models.base import utcnow
from app.settings import Settings

log = logging.getLogger("safesteps.auth")
LAST_USED_RESOLUTION = timedelta(minutes=1)


def _aware(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def principal_of(row: ApiKey) -> Principal:
    """The caller an ``api_key`` row names."""
    return Principal(
        id=f"key:{row.key_id}", name=row.name, role=Role(row.role), force=row.force, kind="api_key"
    )


class AuthFailed(Exception):
    """No valid credential. The reason is for logs and tests, never for the client."""


@dataclass(frozen=True, slots=True)
class _Key:
    """What authentication needs of an ``api_key`` row, as plain values (cheap to re-check)."""

    principal: Principal
    secret_hash: str
    expires_at: datetime | None
    revoked: bool
    fetched: float
    last_used_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class _Token:
    principal: Principal
    until: float  # monotonic time after which the token is verified again


class Authenticator:
    def __init__(
        self,
        settings: Settings,
        *,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        self.pepper = settings.key_pepper.get_secret_value()
        self.cache_seconds = settings.auth_cache_seconds
        self.oidc = OidcVerifier(settings) if settings.oidc_enabled else None
        self.clock, self.now = clock, now
        self._cache: dict[str, _Key] = {}
        self._tokens: dict[str, _Token] = {}
        # Per key id: the cached row a secret last verified against, and that secret's BLAKE2b
        # fingerprint (never the secret). The same secret against the same cached row again needs
        # no HMAC (OpenSSL's, ~3-13 us a request on the hot path); another secret or a row read
        # again does. CPython's own BLAKE2b: no OpenSSL call.
        self._verified: dict[str, tuple[_Key, bytes]] = {}
        self._lock = threading.Lock()
        # Per key id being read from the database: the lock of that one read (see ``_key``).
        self._reading: dict[str, threading.Lock] = {}

    def authenticate(self, credential: str, engine: Engine) -> Principal:
        if tokens.looks_like_api_key(credential):
            return self._api_key(credential, engine)
        if self.oidc is None:
            raise AuthFailed("bearer tokens are not configured")
        # A verified token is remembered (by digest) for at most ``auth_cache_seconds`` and never
        # past its own expiry: signature checks cost about 250 us each.
        digest = hashlib.sha256(credential.encode()).hexdigest()
        tick = self.clock()
        hit = self._tokens.get(digest)
        if hit is not None and tick < hit.until:
            return hit.principal
        try:
            principal, expires = self.oidc.verify_with_expiry(credential)
        except InvalidToken as exc:
            raise AuthFailed(str(exc)) from exc
        if self.cache_seconds > 0:
            remaining = expires - self.now().timestamp()
            with self._lock:
                if len(self._tokens) > 10_000:
                    self._tokens.clear()
                self._tokens[digest] = _Token(principal, tick + min(self.cache_seconds, remaining))
        return principal

    def cached(self, credential: str) -> Principal | None:
        """Decide from memory alone (no database, no signature check): the principal, ``AuthFailed``
        for a cached key that no longer verifies, or ``None`` when ``authenticate`` must run."""
        if tokens.looks_like_api_key(credential):
            parsed = tokens.parse(credential)
            if parsed is None:
                raise AuthFailed("malformed API key")
            key = self._cache.get(parsed.key_id)
            if key is None or self.clock() - key.fetched >= self.cache_seconds:
                return None
            return self._check(parsed, key)
        hit = self._tokens.get(hashlib.sha256(credential.encode()).hexdigest())
        return hit.principal if hit is not None and self.clock() < hit.until else None

    def forget(self, key_id: str) -> None:
        with self._lock:
            self._cache.pop(key_id, None)
            self._verified.pop(key_id, None)

    def _api_key(self, credential: str, engine: Engine) -> Principal:
        parsed = tokens.parse(credential)
        if parsed is None:
            raise AuthFailed("malformed API key")
        key, read_now = self._key(parsed.key_id, engine)
        if key is None:
            raise AuthFailed("unknown API key")
        principal = self._check(parsed, key)
        if read_now:  # read from the database by this request, not from the cache
            self._record_use(parsed.key_id, key.last_used_at, engine)
        return principal

    def _record_use(self, key_id: str, last_used_at: datetime | None, engine: Engine) -> None:
        """Note when a key was last used (for `safesteps keys list`), at most once a minute a key:
        only when its row was read anyway, best effort (a busy database skips it)."""
        now = self.now()
        if last_used_at is not None and now - _aware(last_used_at) < LAST_USED_RESOLUTION:
            return
        try:
            with session_scope(engine) as session:
                begin_write(session)
                session.execute(update(ApiKey).where(col(ApiKey.key_id) == key_id).values(last_used_at=now))
        except (DatabaseBusy, SQLAlchemyError):
            log.debug("could not record the use of key %s", key_id)

    def _check(self, parsed: tokens.ParsedKey, key: _Key) -> Principal:
        if not self._matches(parsed, key):
            raise AuthFailed("unknown API key")
        if key.revoked or (key.expires_at is not None and self.now() >= key.expires_at):
            raise AuthFailed("expired or revoked API key")
        return key.principal

    def _matches(self, parsed: tokens.ParsedKey, key: _Key) -> bool:
        """``tokens.matches`` against ``key``'s hash, remembered for that cached row (see ``_verified``)."""
        fingerprint = hashlib.blake2b(parsed.secret.encode(), digest_size=32).digest()
        seen = self._verified.get(parsed.key_id)
        if seen is not None and seen[0] is key and hmac.compare_digest(seen[1], fingerprint):
            return True
        if not tokens.matches(self.pepper, parsed, key.secret_hash):
            return False
        with self._lock:
            if len(self._verified) > 10_000:
                self._verified.clear()
            self._verified[parsed.key_id] = (key, fingerprint)
        return True

    def _fresh(self, key_id: str) -> _Key | None:
        cached = self._cache.get(key_id)
        if cached is not None and self.clock() - cached.fetched < self.cache_seconds:
            return cached
        return None

    def _key(self, key_id: str, engine: Engine) -> tuple[_Key | None, bool]:
        """The key's row, from the cache or else read now; and whether this call read it.

        One read at a time per key id: when a cached row runs out under load, every request in
        flight with that key would otherwise read the row (a thread each) and record its use."""
        cached = self._fresh(key_id)
        if cached is not None:
            return cached, False
        with self._lock:
            reading = self._reading.setdefault(key_id, threading.Lock())
        try:
            with reading:
                cached = self._fresh(key_id)  # read by the request this one waited for
                if cached is not None:
                    return cached, False
                return self._read(key_id, engine), True
        finally:
            with self._lock:
                if self._reading.get(key_id) is reading:
                    del self._reading[key_id]

    def _read(self, key_id: str, engine: Engine) -> _Key | None:
        tick = self.clock()
        # Its own short session: the request's session may not have begun its unit of work yet.
        with Session(engine, expire_on_commit=False) as session:
            row = session.get(ApiKey, key_id)
            if row is None:
                return None
            key = _Key(
                principal_of(row),
                row.secret_hash,
                row.expires_at,
                row.revoked_at is not None,
                tick,
                row.last_used_at,
            )
        if self.cache_seconds > 0:
            with self._lock:
                if len(self._cache) > 10_000:
                    self._cache.clear()
                self._cache[key_id] = key
        return key
