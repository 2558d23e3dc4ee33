"""Idempotency keys: claim a key inside the unit of work, or find the response it already has.

The claim is an ``INSERT ... ON CONFLICT DO NOTHING`` in the same transaction as the work. On
PostgreSQL a concurrent retry with the same key blocks on the unique index until the first
transaction ends: if it committed, the retry finds the stored response; if it rolled back, the retry
claims the key and does the work itself. On SQLite writers are serialised, so the same holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection

from app.errors import IdempotencyConflict
from app.services import statements


@dataclass(frozen=True, slots=True)
class StoredResponse:
    status_code: int
    body: str


def claim(conn: Connection, scope: str, key: str, request_hash: str, now: datetime) -> StoredResponse | None:
    """None when this request now owns the key; the stored response when it is a retry."""
    params = {"scope": scope, "key": key, "request_hash": request_hash, "created_at": now}
    if conn.execute(statements.claim_key(conn.dialect.name), params).first() is not None:
        return None
    return earlier(conn, scope, key, request_hash)


def earlier(conn: Connection, scope: str, key: str, request_hash: str) -> StoredResponse:
    """The response stored for a key this transaction could not claim (``IdempotencyConflict``
    when it was claimed by a different request)."""
    row = conn.execute(statements.FIND_KEY, {"k_scope": scope, "k_key": key}).one()
    if row.request_hash != request_hash or row.response is None or row.status_code is None:
        raise IdempotencyConflict(key)
    return StoredResponse(row.status_code, row.response)


def store(conn: Connection, scope: str, key: str, status_code: int, body: str) -> None:
    conn.execute(
        statements.STORE_RESPONSE,
        {"k_scope": scope, "k_key": key, "status_code": status_code, "response": body},
    )
