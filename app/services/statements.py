"""Prebuilt Core statements for the write path.

Built once per dialect and executed with parameters, so a submission skips statement construction
and cache-key generation and goes straight to SQLAlchemy's compiled cache: this is most of the cost
of a small statement in SQLAlchemy.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import Insert, Select, Table, Update, bindparam, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from app.models.tables import HEAD, INCIDENTS, KEYS, RECORDS, REVISIONS

HEAD_ID = 1

INCIDENT_VALUES = (
    "reference",
    "force",
    "incident_type",
    "revision",
    "latest_decision_id",
    "latest_hook",
    "latest_blocking",
    "created_at",
    "updated_at",
)


def _insert(dialect: str, table: Table) -> Any:
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)


@lru_cache
def claim_key(dialect: str) -> Insert:
    """Claim an idempotency key; returns a row only when this transaction got it."""
    stmt = _insert(dialect, KEYS).values(
        {name: bindparam(name) for name in ("scope", "key", "request_hash", "created_at")}
    )
    result: Insert = stmt.on_conflict_do_nothing(index_elements=["scope", "key"]).returning(KEYS.c.key)
    return result


FIND_KEY: Select[Any] = select(KEYS.c.request_hash, KEYS.c.status_code, KEYS.c.response).where(
    KEYS.c.scope == bindparam("k_scope"), KEYS.c.key == bindparam("k_key")
)
STORE_RESPONSE: Update = (
    update(KEYS)
    .where(KEYS.c.scope == bindparam("k_scope"), KEYS.c.key == bindparam("k_key"))
    .values(status_code=bindparam("status_code"), response=bindparam("response"))
)


@lru_cache
def upsert_incident(dialect: str, conditional: bool) -> Insert:
    """Insert at revision 1, or bump the revision of the incident ``(:force, :reference)`` (the
    force is part of the incident's identity: no write reaches another force's incident), only
    from ``:base`` when ``conditional``."""
    stmt = _insert(dialect, INCIDENTS).values({name: bindparam(name) for name in INCIDENT_VALUES})
    changes: dict[str, Any] = {
        name: stmt.excluded[name]
        for name in INCIDENT_VALUES
        if name not in ("reference", "force", "created_at")
    }
    changes["revision"] = INCIDENTS.c.revision + 1
    result: Insert = stmt.on_conflict_do_update(
        index_elements=["force", "reference"],
        set_=changes,
        where=INCIDENTS.c.revision == bindparam("base") if conditional else None,
    ).returning(INCIDENTS.c.id, INCIDENTS.c.revision)
    return result


CURRENT_REVISION: Select[Any] = select(INCIDENTS.c.revision).where(
    INCIDENTS.c.force == bindparam("force"), INCIDENTS.c.reference == bindparam("ref")
)
INSERT_REVISION: Insert = insert(REVISIONS)
# ``highest``: a row past the head (forged, not in the chain) must not make the next append collide.
LOCK_HEAD: Select[Any] = (
    select(HEAD.c.seq, HEAD.c.hash, select(func.max(RECORDS.c.seq)).scalar_subquery().label("highest"))
    .where(HEAD.c.id == HEAD_ID)
    .with_for_update(of=HEAD)
)
READ_HEAD: Select[Any] = select(HEAD.c.seq, HEAD.c.hash).where(HEAD.c.id == HEAD_ID)
INSERT_RECORDS: Insert = insert(RECORDS)
MOVE_HEAD: Update = (
    update(HEAD).where(HEAD.c.id == HEAD_ID).values(seq=bindparam("new_seq"), hash=bindparam("new_hash"))
)

# PostgreSQL: one round trip for "insert the record and move the head", so the head row lock is
# held for one statement less. (SQLite has no data-modifying CTEs; it holds the database write lock
# for the whole transaction anyway.)
INSERT_RECORD_MOVING_HEAD: Insert = insert(RECORDS).add_cte(
    update(HEAD)
    .where(HEAD.c.id == HEAD_ID)
    .values(seq=bindparam("new_seq"), hash=bindparam("new_hash"))
    .returning(HEAD.c.id)
    .cte("moved_head")
)
