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
from app.errors import InvalidKeyRequest, OutsideForce, ServiceError
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
    creator_force: str | None = None,
) -> tuple[ApiKey, str]:
    """Store a new key and return it with the plaintext, which exists nowhere else afterwards.

    ``creator_force``: the force a force-bound admin is bound to. Such an admin makes keys for its
    own force only (never unbound ones, which would see every force), and admin keys only with an
    expiry. Nobody makes a key that has already expired."""
    if expires_at is not None and expires_at <= now:
        raise InvalidKeyRequest("expires_at is in the past: the key would never work")
    if creator_force is not None:
        if force != creator_force:
            raise OutsideForce(creator_force, field="body.force")
        if role is Role.admin and expires_at is None:
            raise InvalidKeyRequest("a force-bound admin may create admin keys only with an expiry")
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


def list_keys(session: Session, *, force: str | None = None) -> Sequence[ApiKey]:
    """Every key, or a force-bound admin's own force's keys only."""
    query = select(ApiKey)
    if force is not None:
        query = query.where(ApiKey.force == force)
    return session.exec(query.order_by(ApiKey.created_at, ApiKey.key_id)).all()  # type: ignore[arg-type]


def revoke_key(session: Session, key_id: str, *, now: datetime, force: str | None = None) -> ApiKey:
    """Revoke a key (idempotent: the first revocation time is kept). A force-bound admin reaches
    only its own force's keys; another force's is not found, as one that does not exist."""
    begin_write(session)
    row = session.get(ApiKey, key_id)
    if row is None or (force is not None and row.force != force):
        raise ApiKeyNotFound(key_id)
    if row.revoked_at is None:
        row.revoked_at = now
        session.add(row)
        session.flush()
    return row


def is_usable(row: ApiKey, now: datetime) -> bool:
    return row.revoked_at is None and (row.expires_at is None or now < row.expires_at)
