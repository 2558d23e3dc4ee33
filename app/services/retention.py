"""Retention: erase personal content of old records, keep what audit and statistics need.

After ``retention_days`` a decision record's ``input`` (the checklist) and ``result`` lose exactly
the personal content fixed when the record was appended (``erasable``, see
``app.services.erasure``): free text, dates of birth, text quoted by findings. Outcomes, scores,
findings, timestamps, identifiers and the rule-set identity stay, so statistics still count and
replay still runs, and the chain still verifies: it covers the digests of the content both whole
and erased, so an erasure can remove that content and nothing else.

Also erased, once older than the cut-off: a checklist revision's submitter and idempotency key
(with the revision's decision record), a feedback row's comment and submitter, the copies of
results that replay stored for decisions it erases (finding text), and stored idempotency
responses (deleted: by then no client retries). A submission's key is deleted in the batch that
erases its decision record, before the erasure: its stored response refers to the record's result,
so a retry finds either the key with the exact bytes it was answered with, or no key at all.

Person history (``person_history``: pseudonyms and flags, no names) has its own period
(``history_retention_days``, usually longer): the checklist's erasure leaves its rows, so history
still counts after the names are gone, and rows older than their own cut-off (``history_cutoff``)
are deleted, in batches, counted in the report (``history_rows_deleted``).

Work goes in batches of ``batch_size`` decision records, each batch its own short write transaction
with an entry in the erasure log (a chain of its own): what it erased (the seqs, as a digest), when,
under which cut-off, by which run. On SQLite the write lock is then held for one batch at a time,
so submissions keep flowing while a long backlog is erased.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import Engine, Table, delete, func, select, update
from sqlmodel import Session

from app.db import begin_write, session_scope
from app.models.tables import FEEDBACK, PERSON_HISTORY, RECORDS, REVISIONS
from app.models.tables import KEYS as IDEMPOTENCY
from app.models.tables import RESULTS as REPLAY_RESULTS
from app.services import audit, erasure, integrity
from app.services.erasure import personal_fields

__all__ = ["RetentionReport", "apply_retention", "erase_batch", "personal_fields"]


@dataclass(frozen=True, slots=True)
class RetentionReport:
    cutoff: datetime
    decisions_erased: int = 0
    fields_erased: int = 0
    revisions_erased: int = 0
    feedback_comments_cleared: int = 0
    feedback_erased: int = 0
    replay_results_erased: int = 0
    idempotency_records_deleted: int = 0
    history_rows_deleted: int = 0
    batches: int = 0
    run_id: str | None = None

    def plus(self, other: RetentionReport) -> RetentionReport:
        counts = {
            f.name: getattr(self, f.name) + getattr(other, f.name)
            for f in fields(self)
            if f.name not in ("cutoff", "run_id")
        }
        return replace(self, **counts)


def _rowcount(result: object) -> int:
    count = getattr(result, "rowcount", 0)
    return int(count) if isinstance(count, int) else 0


def _erase_quoted(detail_json: str) -> str | None:
    """A replay result's stored copies of the results, without the text findings quote."""
    detail: dict[str, Any] = orjson.loads(detail_json)
    changed = False
    for name in ("stored_result", "replayed_result"):
        value = detail.get(name)
        if isinstance(value, dict):
            pointers = [p.removeprefix("/result") for p in erasure.quoted_text(value)]
            if pointers:
                erasure.null_pointers(value, pointers, "")
                changed = True
    return orjson.dumps(detail).decode("utf-8") if changed else None


def erase_batch(
    session: Session, *, cutoff: datetime, now: datetime, run_id: str, limit: int = 500
) -> RetentionReport:
    """One bounded batch (one unit of work): up to ``limit`` decision records with their revisions
    and replay copies, up to ``limit`` feedback rows and stored responses. Returns what it did; a
    batch that did nothing means the run is complete."""
    conn = begin_write(session)
    rows = conn.execute(
        select(RECORDS.c.seq, RECORDS.c.decision_id, RECORDS.c.input, RECORDS.c.result, RECORDS.c.erasable)
        .where(RECORDS.c.recorded_at < cutoff, RECORDS.c.erasure_id.is_(None))
        .order_by(RECORDS.c.seq)
        .limit(limit)
    ).all()
    feedback_ids = (
        conn.execute(
            select(FEEDBACK.c.id)
            .where(FEEDBACK.c.created_at < cutoff, FEEDBACK.c.erased_at.is_(None))
            .order_by(FEEDBACK.c.id)
            .limit(limit)
        )
        .scalars()
        .all()
    )
    decision_ids = [row.decision_id for row in rows]
    revisions = (
        conn.execute(select(func.count()).where(REVISIONS.c.decision_id.in_(decision_ids))).scalar_one()
        if decision_ids
        else 0
    )
    report = RetentionReport(cutoff=cutoff, run_id=run_id)
    keys_deleted = 0
    if rows or feedback_ids:
        seqs = [row.seq for row in rows]
        # The erasure log entry first: the PostgreSQL trigger checks each erasure against it.
        entry_id = integrity.append_row(
            conn,
            integrity.ERASURES,
            {
                "run_id": run_id,
                "at": now,
                "cutoff": cutoff,
                "records": len(seqs),
                "first_seq": min(seqs, default=None),
                "last_seq": max(seqs, default=None),
                "seqs_sha256": audit.seqs_digest(seqs),
                "revisions": revisions,
                "feedback": len(feedback_ids),
            },
        )
        erased_fields = 0
        for row in rows:
            new_input, new_result = erasure.apply(row.input, row.result, row.erasable)
            erased_fields += len(orjson.loads(row.erasable))
            conn.execute(
                update(RECORDS)
                .where(RECORDS.c.seq == row.seq)
                .values(
                    input=new_input,
                    result=new_result,
                    erased=row.erasable,
                    erased_at=now,
                    erasure_id=entry_id,
                )
            )
        keys_deleted = _delete_keys_of(conn, decision_ids)
        if decision_ids:
            conn.execute(
                update(REVISIONS)
                .where(REVISIONS.c.decision_id.in_(decision_ids))
                .values(submitted_by=None, idempotency_key=None, salt=None, erased_at=now)
            )
        if feedback_ids:
            conn.execute(
                update(FEEDBACK)
                .where(FEEDBACK.c.id.in_(feedback_ids))
                .values(comment=None, submitted_by=None, salt=None, erased_at=now)
            )
        report = RetentionReport(
            cutoff=cutoff,
            run_id=run_id,
            decisions_erased=len(rows),
            fields_erased=erased_fields,
            revisions_erased=revisions,
            feedback_erased=len(feedback_ids),
            replay_results_erased=_erase_replay_copies(conn, decision_ids),
            batches=1,
        )
    old_keys = (
        select(IDEMPOTENCY.c.scope, IDEMPOTENCY.c.key).where(IDEMPOTENCY.c.created_at < cutoff).limit(limit)
    )
    keys = conn.execute(old_keys).all()
    for scope, key in keys:
        conn.execute(delete(IDEMPOTENCY).where(IDEMPOTENCY.c.scope == scope, IDEMPOTENCY.c.key == key))
    return replace(
        report,
        idempotency_records_deleted=keys_deleted + len(keys),
        batches=1 if keys else report.batches,
    )


def _delete_keys_of(conn: Any, decision_ids: list[str]) -> int:
    """Delete the idempotency keys of the revisions these decisions were made for, before their
    records are erased and in the same transaction: a key's stored response refers to its record's
    result (``app.services.idempotency``), so a retry must never find the key without the bytes it
    was answered with. A key's scope is the record's ``requested_by`` (``submissions.store``)."""
    if not decision_ids:
        return 0
    pairs = conn.execute(
        select(RECORDS.c.requested_by, REVISIONS.c.idempotency_key)
        .join(REVISIONS, REVISIONS.c.decision_id == RECORDS.c.decision_id)
        .where(RECORDS.c.decision_id.in_(decision_ids), REVISIONS.c.idempotency_key.is_not(None))
    ).all()
    deleted = 0
    for scope, key in pairs:
        result = conn.execute(
            delete(IDEMPOTENCY).where(IDEMPOTENCY.c.scope == scope, IDEMPOTENCY.c.key == key)
        )
        deleted += _rowcount(result)
    return deleted


def _erase_replay_copies(conn: Any, decision_ids: list[str]) -> int:
    if not decision_ids:
        return 0
    erased = 0
    found = conn.execute(
        select(REPLAY_RESULTS.c.id, REPLAY_RESULTS.c.detail).where(
            REPLAY_RESULTS.c.decision_id.in_(decision_ids)
        )
    ).all()
    for result_id, detail in found:
        cleaned = _erase_quoted(detail)
        if cleaned is not None:
            conn.execute(
                update(REPLAY_RESULTS).where(REPLAY_RESULTS.c.id == result_id).values(detail=cleaned)
            )
            erased += 1
    return erased


def delete_history_batch(
    session: Session, *, cutoff: datetime, now: datetime, run_id: str, limit: int = 500
) -> int:
    """Delete up to ``limit`` person-history rows recorded before ``cutoff`` (their own period),
    with an erasure-log entry saying how many, under which cut-off, by which run."""
    conn = begin_write(session)
    ids = (
        conn.execute(
            select(PERSON_HISTORY.c.id)
            .where(PERSON_HISTORY.c.recorded_at < cutoff)
            .order_by(PERSON_HISTORY.c.id)
            .limit(limit)
        )
        .scalars()
        .all()
    )
    if ids:
        integrity.append_row(
            conn,
            integrity.ERASURES,
            {
                "run_id": run_id,
                "at": now,
                "cutoff": cutoff,
                "records": 0,
                "first_seq": None,
                "last_seq": None,
                "seqs_sha256": audit.seqs_digest([]),
                "revisions": 0,
                "feedback": 0,
                "history_rows": len(ids),
                "history_cutoff": cutoff,
            },
        )
        conn.execute(delete(PERSON_HISTORY).where(PERSON_HISTORY.c.id.in_(ids)))
    return len(ids)


def pending(session: Session, *, cutoff: datetime, history_cutoff: datetime | None = None) -> RetentionReport:
    """What a run would erase (the dry run): counts only, nothing written."""

    def count(table: Table, *where: Any) -> int:
        return int(session.execute(select(func.count()).select_from(table).where(*where)).scalar_one())

    due = [RECORDS.c.recorded_at < cutoff, RECORDS.c.erasure_id.is_(None)]
    erasable = sum(
        len(orjson.loads(pointers))
        for pointers in session.execute(select(RECORDS.c.erasable).where(*due)).scalars()
    )
    revisions = session.execute(
        select(func.count())
        .select_from(REVISIONS.join(RECORDS, RECORDS.c.decision_id == REVISIONS.c.decision_id))
        .where(*due)
    ).scalar_one()
    return RetentionReport(
        cutoff=cutoff,
        decisions_erased=count(RECORDS, *due),
        fields_erased=erasable,
        revisions_erased=int(revisions),
        feedback_erased=count(FEEDBACK, FEEDBACK.c.created_at < cutoff, FEEDBACK.c.erased_at.is_(None)),
        feedback_comments_cleared=count(
            FEEDBACK,
            FEEDBACK.c.created_at < cutoff,
            FEEDBACK.c.erased_at.is_(None),
            FEEDBACK.c.comment.is_not(None),
        ),
        idempotency_records_deleted=count(IDEMPOTENCY, IDEMPOTENCY.c.created_at < cutoff),
        history_rows_deleted=0
        if history_cutoff is None
        else count(PERSON_HISTORY, PERSON_HISTORY.c.recorded_at < history_cutoff),
    )


def apply_retention(
    engine: Engine,
    *,
    cutoff: datetime,
    now: datetime,
    dry_run: bool = False,
    batch_size: int = 500,
    history_cutoff: datetime | None = None,
) -> RetentionReport:
    """Erase everything older than ``cutoff``, one committed batch at a time (each record once),
    and delete the person-history rows older than ``history_cutoff`` (none without one)."""
    if dry_run:
        with session_scope(engine=engine) as session:
            return pending(session, cutoff=cutoff, history_cutoff=history_cutoff)
    run_id = str(uuid.uuid4())
    total = RetentionReport(cutoff=cutoff, run_id=run_id)
    with session_scope(engine=engine) as session:
        comments = session.execute(
            select(func.count()).where(
                FEEDBACK.c.created_at < cutoff,
                FEEDBACK.c.erased_at.is_(None),
                FEEDBACK.c.comment.is_not(None),
            )
        ).scalar_one()
    while True:
        with session_scope(engine=engine) as session:
            done = erase_batch(session, cutoff=cutoff, now=now, run_id=run_id, limit=batch_size)
        if not done.batches:
            break
        total = total.plus(done)
    deleted = 0
    while history_cutoff is not None:
        with session_scope(engine=engine) as session:
            batch = delete_history_batch(
                session, cutoff=history_cutoff, now=now, run_id=run_id, limit=batch_size
            )
        deleted += batch
        if batch < batch_size:
            break
    return replace(total, feedback_comments_cleared=int(comments), history_rows_deleted=deleted)
