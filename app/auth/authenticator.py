"""Turn a presented bearer credential into a ``Principal``: API key (``ss_...``) or OIDC token.

Verified API keys are cached for ``auth_cache_seconds`` so the hot path does not read the database
on every request; the cached row is re-checked (hash, expiry, revocation) on every use. A key
revoked through this process is dropped from its cache at once; other processes notice within the
cache time.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from app.auth import tokens
from app.auth.oidc import InvalidToken, OidcVerifier
from app.auth.roles import Principal
from app.models.auth import ApiKey
from app.models.base import utcnow
from app.services.apikeys import is_usable, principal_of
from app.settings import Settings


class AuthFailed(Exception):
    """No valid credential. The reason is for logs and tests, never for the client."""


@dataclass(frozen=True, slots=True)
class _Cached:
    row: ApiKey
    fetched: float


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
        self._cache: dict[str, _Cached] = {}
        self._lock = threading.Lock()

    def authenticate(self, credential: str, engine: Engine) -> Principal:
        if tokens.looks_like_api_key(credential):
            return self._api_key(credential, engine)
        if self.oidc is None:
            raise AuthFailed("bearer tokens are not configured")
        try:
            return self.oidc.verify(credential)
        except InvalidToken as exc:
            raise AuthFailed(str(exc)) from exc

    def forget(self, key_id: str) -> None:
        with self._lock:
            self._cache.pop(key_id, None)

    def _api_key(self, credential: str, engine: Engine) -> Principal:
        parsed = tokens.parse(credential)
        if parsed is None:
            raise AuthFailed("malformed API key")
        row = self._row(parsed.key_id, engine)
        if row is None or not tokens.matches(self.pepper, parsed, row.secret_hash):
            raise AuthFailed("unknown API key")
        if not is_usable(row, self.now()):
            raise AuthFailed("expired or revoked API key")
        return principal_of(row)

    def _row(self, key_id: str, engine: Engine) -> ApiKey | None:
        tick = self.clock()
        with self._lock:
            cached = self._cache.get(key_id)
        if cached is not None and tick - cached.fetched < self.cache_seconds:
            return cached.row
        # Its own short session: the request's session may not have begun its unit of work yet.
        with Session(engine, expire_on_commit=False) as session:
            row = session.get(ApiKey, key_id)
            if row is not None:
                session.expunge(row)
        if row is not None and self.cache_seconds > 0:
            with self._lock:
                if len(self._cache) > 10_000:
                    self._cache.clear()
                self._cache[key_id] = _Cached(row, tick)
        return row
