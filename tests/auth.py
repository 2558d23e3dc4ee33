"""Credentials for tests: real API keys created through the service, one per role on demand.

Tests authenticate like any client; nothing switches authentication off.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TypedDict

from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.auth.roles import Role
from app.db import session_scope
from app.models.base import utcnow
from app.services import apikeys


class Limits(TypedDict):
    rate_limit_per_second: float
    rate_limit_burst: int
    auth_failure_rate_per_second: float
    auth_failure_burst: int


# Generous limits for tests that are not about limits.
TEST_LIMITS: Limits = {
    "rate_limit_per_second": 10_000.0,
    "rate_limit_burst": 100_000,
    "auth_failure_rate_per_second": 10_000.0,
    "auth_failure_burst": 100_000,
}


class Credentials:
    """API keys in the app's database: ``creds.headers("auditor")``, ``creds.key("mdt", force="WMP")``."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self._keys: dict[tuple[str, str | None], str] = {}

    def key(
        self,
        role: Role | str,
        *,
        force: str | None = None,
        expires_at: datetime | None = None,
        revoked: bool = False,
        name: str | None = None,
    ) -> str:
        role = Role(role)
        cacheable = expires_at is None and not revoked and name is None
        if cacheable and (role.value, force) in self._keys:
            return self._keys[(role.value, force)]
        with session_scope(engine=self.app.state.engine) as session:
            row, plaintext = apikeys.create_key(
                session,
                name=name or f"test {role.value}{' ' + force if force else ''}",
                role=role,
                force=force,
                expires_at=expires_at,
                created_by="tests",
                pepper=self.app.state.settings.key_pepper.get_secret_value(),
                # An expired key was made while it still worked (nobody makes one already expired).
                now=min(utcnow(), expires_at - timedelta(days=1)) if expires_at else utcnow(),
            )
            key_id = row.key_id
        if revoked:
            with session_scope(engine=self.app.state.engine) as session:
                apikeys.revoke_key(session, key_id, now=utcnow())
        if cacheable:
            self._keys[(role.value, force)] = plaintext
        return plaintext

    def headers(self, role: Role | str, **kwargs: object) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key(role, **kwargs)}"}  # type: ignore[arg-type]


def credentials_for(app: FastAPI) -> Credentials:
    """The one ``Credentials`` of a test app (kept on its state, so keys are made once per role)."""
    creds: Credentials | None = getattr(app.state, "test_credentials", None)
    if creds is None:
        creds = Credentials(app)
        app.state.test_credentials = creds
    return creds


def as_role(client: TestClient, role: Role | str, **kwargs: object) -> dict[str, str]:
    """Headers that make one request as ``role``: ``client.get(url, headers=as_role(client, "auditor"))``."""
    return credentials_for(client.app).headers(role, **kwargs)  # type: ignore[arg-type]
