"""Idempotency keys: claim a key inside the unit of work, or find the response it already has.

The claim is an ``INSERT ... ON CONFLICT DO NOTHING`` in the same transaction as the work. On
PostgreSQL a concurrent retry with the same key blocks on the unique index until the first
transaction ends: if it committed, the retry finds the stored response; if it rolled back, the retry
claims the key and does the work itself. On SQLite writers are serialised, so the same holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Table, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from app.errors import IdempotencyConflict
from app.models.idempotency import IdempotencyKey

KEYS: Table = IdempotencyKey.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class StoredResponse:
    status_code: int
    body: str


def claim(session: Session, scope: str, key: str, request_hash: str, now: datetime) -> StoredResponse | None:
    """None when this request now owns the key; the stored response when it is a retry."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    claimed = session.execute(
        insert(KEYS)
        .values(scope=scope, key=key, request_hash=request_hash, created_at=now)
        .on_conflict_do_nothing(index_elements=["scope", "key"])
        .returning(KEYS.c.key)
    ).first()
    if claimed is not None:
        return None
    row = session.execute(
        select(KEYS.c.request_hash, KEYS.c.status_code, KEYS.c.response).where(
            KEYS.c.scope == scope, KEYS.c.key == key
        )
    ).one()
    if row.request_hash != request_hash or row.response is None or row.status_code is None:
        raise IdempotencyConflict(key)
    return StoredResponse(row.status_code, row.response)


def store(session: Session, scope: str, key: str, status_code: int, body: str) -> None:
    session.execute(
        update(KEYS)
        .where(KEYS.c.scope == scope, KEYS.c.key == key)
        .values(status_code=status_code, response=body)
    )
