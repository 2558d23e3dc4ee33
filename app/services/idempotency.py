"""Idempotency keys: claim a key inside the unit of work, or find the response it already has.

The claim is an ``INSERT ... ON CONFLICT DO NOTHING`` in the same transaction as the work. On
PostgreSQL a concurrent retry with the same key blocks on the unique index until the first
transaction ends: if it committed, the retry finds the stored response; if it rolled back, the retry
claims the key and does the work itself. On SQLite writers are serialised, so the same holds.

A submission's response embeds its decision record's ``result`` (~12 kB of its ~17 kB) verbatim.
It is stored once: the key keeps the rest of the response, the record's ``decision_id`` and the
offset the result goes back in at (``evaluation_at``); a retry gets the same characters back
(``tests/services/test_idempotent_reference.py``). Retention deletes such a key in the transaction
that erases its record (``app.services.retention``), so a key never outlives its record's bytes.
Keys stored before (``decision_id`` null) hold the whole response and are read as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection

from app.errors import IdempotencyConflict
from app.services import statements

# decision_id -> result text of the records whose keys this write transaction stored, until they
# are appended (a retry in the same transaction, e.g. of a group or a batch, finds no record yet).
# On the DBAPI connection's info, emptied by ``app.db.begin_write`` when a write transaction begins.
PENDING = "safesteps_pending_evaluations"
_MARKER = '"evaluation":'


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
    if row.decision_id is None:
        return StoredResponse(row.status_code, row.response)
    evaluation = row.result
    if evaluation is None:  # stored by this transaction, its record not appended yet
        evaluation = conn.info.get(PENDING, {}).get(row.decision_id)
    if evaluation is None or row.erasure_id is not None:
        # Retention deletes the key with its record's content; this would answer something else.
        raise RuntimeError("an idempotency key refers to a decision record that is gone or erased")
    at: int = row.evaluation_at
    return StoredResponse(row.status_code, row.response[:at] + evaluation + row.response[at:])


def store(
    conn: Connection,
    scope: str,
    key: str,
    status_code: int,
    body: str,
    *,
    decision_id: str | None = None,
    evaluation: str | None = None,
) -> None:
    """Store the response for the key. With ``decision_id`` and ``evaluation`` (the text of that
    decision record's ``result``, which ``body`` holds verbatim after ``"evaluation":``), the
    response is stored without it, as a reference to the record; otherwise whole."""
    params = {"k_scope": scope, "k_key": key, "status_code": status_code, "response": body}
    at = body.find(_MARKER) + len(_MARKER) if evaluation is not None else -1
    if decision_id is not None and evaluation and at >= len(_MARKER) and body.startswith(evaluation, at):
        params.update(
            response=body[:at] + body[at + len(evaluation) :], decision_id=decision_id, evaluation_at=at
        )
        conn.info.setdefault(PENDING, {})[decision_id] = evaluation
    else:
        params.update(decision_id=None, evaluation_at=None)
    conn.execute(statements.STORE_RESPONSE, params)
