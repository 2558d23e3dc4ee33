"""API keys: create (the secret is shown once), list, revoke, and check a presented key.

Services flush, never commit: the caller's unit of work (request or ``session_scope``) commits.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, select

from app.auth import tokens
from app.auth.roles import Role
from app.db import begin_write
from app.errors import ServiceError
from app.models.auth import ApiKey


class ApiKeyNotFound(ServiceError):
    def __init__(self, key_id: str) -> None:
        super().__init__(f"no API key {key_id!r}")


def create_key(
    session: Session,
    *,
    name: str,
    role: Role,
    force: str | None,
    expires_at: datetime | None,
    created_by: str,
    pepper: str,
    now: datetime,
) -> tuple[ApiKey, str]:
    """Store a new key and return it with the plaintext, which exists nowhere else afterwards."""
    begin_write(session)
    parsed, plaintext = tokens.generate()
    row = ApiKey(
        key_id=parsed.key_id,
        name=name,
        role=role.value,
        force=force,
        secret_hash=tokens.digest(pepper, parsed),
        created_by=created_by,
        created_at=now,
        expires_at=expires_at,
    )
    session.add(row)
    session.flush()
    return row, plaintext


def list_keys(session: Session) -> Sequence[ApiKey]:
    return session.exec(select(ApiKey).order_by(ApiKey.created_at, ApiKey.key_id)).all()  # type: ignore[arg-type]


def revoke_key(session: Session, key_id: str, *, now: datetime) -> ApiKey:
    """Revoke a key (idempotent: the first revocation time is kept)."""
    begin_write(session)
    row = session.get(ApiKey, key_id)
    if row is None:
        raise ApiKeyNotFound(key_id)
    if row.revoked_at is None:
        row.revoked_at = now
        session.add(row)
        session.flush()
    return row


def is_usable(row: ApiKey, now: datetime) -> bool:
    return row.revoked_at is None and (row.expires_at is None or now < row.expires_at)
