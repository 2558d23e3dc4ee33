"""Credentials for benchmark clients: the service is measured with authentication on, as deployed."""

from __future__ import annotations

from collections.abc import Iterable

from app.auth.roles import Role
from app.db import session_scope
from app.models.base import utcnow
from app.services import apikeys
from app.settings import Settings

# One benchmark client drives all the load: a per-client rate limit would only measure itself.
UNLIMITED_RATE = {"SAFESTEPS_RATE_LIMIT_PER_SECOND": "1000000", "SAFESTEPS_RATE_LIMIT_BURST": "1000000"}


def bearer_keys(database_url: str, roles: Iterable[Role]) -> dict[str, dict[str, str]]:
    """An API key per role, made in the (already migrated) database the server uses, with the same
    default pepper as the server: both read the same environment. Returns headers per role."""
    settings = Settings(database_url=database_url)
    headers = {}
    for role in roles:
        with session_scope(settings=settings) as session:  # one key per unit of work
            _, key = apikeys.create_key(
                session,
                name=f"bench {role.value}",
                role=role,
                force=None,
                expires_at=None,
                created_by="bench",
                pepper=settings.key_pepper.get_secret_value(),
                now=utcnow(),
            )
            headers[role.value] = {"Authorization": f"Bearer {key}"}
    return headers
