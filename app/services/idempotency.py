"""Idempotency keys: claim a key inside the unit of work, or find the response it already has.

The claim is an ``INSERT ... ON CONFLICT DO NOTHING`` in the same transaction as the work. On
PostgreSQL a concurrent retry with the same key blocks on the unique index until the first
transaction ends: if it committed, the retry finds the stored response; if it rolled back, the retry
claims the key and does the work itself. On SQLite writers are serialised, so the same holds.

A submission's response embeds its decision record's ``result`` (~12 kB of its ~17 kB) verbatim,
and the number of the revision it stored. It is stored once, with the claim itself (no second
write of the key): the key keeps the rest of the response (a ``Reference``), the record's
``decision_id`` and the character offsets the revision number and the result go back in at
(``revision_at``, ``evaluation_at``); a retry gets the same characters back, from the key, its
revision row and its record (``tests/services/test_idempotent_reference.py``). Retention deletes
such a key in the transaction that erases its record (``app.services.retention``), so a key never
outlives its record's bytes. Keys stored before (``decision_id`` null) hold the whole response and
are read as they are; so does a response this module cannot take apart (``store``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from app.errors import IdempotencyConflict
from app.services import statements

# decision_id -> result text of the records whose keys this write transaction stored, until they
# are appended (a retry in the same transaction, e.g. of a group or a batch, finds no record yet).
# On the DBAPI connection's info, emptied by ``app.db.begin_write`` when a write transaction begins.
PENDING = "safesteps_pending_evaluations"
_REVISION = '"revision":'
_EVALUATION = '"evaluation":'
# The key's columns that a claim writes besides scope, key, request hash and time.
STORED = ("status_code", "response", "decision_id", "revision_at", "evaluation_at")
UNSTORED: dict[str, Any] = dict.fromkeys(STORED)


@dataclass(frozen=True, slots=True)
class StoredResponse:
    status_code: int
    body: str


@dataclass(frozen=True, slots=True)
class Reference:
    """A response as its key stores it: without its revision number and its decision's result."""

    status_code: int
    response: str
    decision_id: str
    revision_at: int
    evaluation_at: int
    evaluation: str  # not stored: the record's result

    @classmethod
    def of(cls, status_code: int, body: str, decision_id: str, evaluation: str) -> Reference | None:
        """``body``: the response with revision ``0``, holding ``evaluation`` (the record's result
        text) verbatim after ``"evaluation":``. None when it is not in that form."""
        rev = body.find(_REVISION) + len(_REVISION)
        at = body.find(_EVALUATION, rev) + len(_EVALUATION)
        if (
            rev < len(_REVISION)
            or body[rev : rev + 2] not in ("0,", "0}")
            or at < len(_EVALUATION)
            or not evaluation
            or not body.startswith(evaluation, at)
        ):
            return None
        response = body[:rev] + body[rev + 1 : at] + body[at + len(evaluation) :]
        return cls(status_code, response, decision_id, rev, at - 1, evaluation)

    def body(self, revision: int) -> str:
        return _splice(self.response, self.revision_at, revision, self.evaluation_at, self.evaluation)

    def params(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in STORED}


def _splice(response: str, revision_at: int, revision: int, evaluation_at: int, evaluation: str) -> str:
    r, e = response, evaluation_at
    return r[:revision_at] + str(revision) + r[revision_at:e] + evaluation + r[e:]


def remember(conn: Connection, reference: Reference) -> None:
    """The claim of ``reference``'s key was just written: until its record is appended, a retry in
    this transaction finds the result here."""
    conn.info.setdefault(PENDING, {})[reference.decision_id] = reference.evaluation


def claim(
    conn: Connection,
    scope: str,
    key: str,
    request_hash: str,
    now: datetime,
    reference: Reference | None = None,
) -> StoredResponse | None:
    """None when this request now owns the key (with ``reference``, its response is stored with
    it); the stored response when it is a retry."""
    params = {"scope": scope, "key": key, "request_hash": request_hash, "created_at": now}
    if reference is not None:
        params.update(reference.params())
    if statements.run(conn, statements.claim_key(conn.dialect.name, reference is not None), params):
        if reference is not None:
            remember(conn, reference)
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
    if evaluation is None or row.erasure_id is not None or row.number is None:
        # Retention deletes the key with its record's content; this would answer something else.
        raise RuntimeError("an idempotency key refers to a decision record that is gone or erased")
    body = _splice(row.response, row.revision_at, row.number, row.evaluation_at, evaluation)
    return StoredResponse(row.status_code, body)


def store(conn: Connection, scope: str, key: str, status_code: int, body: str) -> None:
    """Store the whole response for a key claimed without one."""
    params = {"k_scope": scope, "k_key": key, "status_code": status_code, "response": body}
    conn.execute(statements.STORE_RESPONSE, params)
