"""Retention: erase the personal content of old decision records, keep what audit and statistics need.

After ``retention_days`` a decision record's ``input`` (the checklist) loses every free-text field
(names, relationships, narratives, accounts, notes...) and every date of birth, and its ``result``
loses the text quoted in finding details. Outcomes, scores, findings, timestamps, identifiers and
the rule-set identity stay, so statistics still count and replay still runs. The erased fields are
listed as JSON pointers in ``erased`` (as OPA's decision logs do) and the chain still verifies,
because it covers the digests of input and result, not their bytes.

Which fields are personal is read from the checklist schema by its one walker (``personal`` leaves of
``app/rules/shape.py``): a string without a ``pattern`` (identifiers such as references and collar
numbers have one) or a ``date``. A new free-text field is therefore erased without anyone
remembering to list it.

Also: officers' feedback comments are cleared, and idempotency records (which hold whole responses)
older than the cut-off are deleted; by then no client retries.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

import orjson
from sqlalchemy import delete, select, update
from sqlmodel import Session

from app.db import begin_write
from app.models.tables import FEEDBACK, RECORDS
from app.models.tables import KEYS as IDEMPOTENCY
from app.rules.canonical import canonical_json
from app.rules.shape import erase, personal_paths, schema_paths


@dataclass(frozen=True, slots=True)
class RetentionReport:
    cutoff: datetime
    decisions_erased: int
    fields_erased: int
    feedback_comments_cleared: int
    idempotency_records_deleted: int


# ---- which checklist fields are personal: the schema walker's ``personal`` leaves -------------------


def personal_fields() -> Iterator[str]:
    """Every personal field path of the checklist schema (for documentation and tests)."""
    yield from (f"/{path}" for path in schema_paths(personal_paths(), "", "/"))


def erase_input(raw: str) -> tuple[str, list[str]]:
    data = orjson.loads(raw)
    erased: list[str] = []
    erase(data, personal_paths(), "/input", erased)
    return canonical_json(data).decode("utf-8"), erased


def erase_result(raw: str) -> tuple[str, list[str]]:
    """Finding details may quote the checklist (a flagged phrase): that text goes."""
    data = orjson.loads(raw)
    erased: list[str] = []
    for i, finding in enumerate(data.get("findings") or []):
        for j, detail in enumerate(finding.get("details") or []):
            if detail.get("text") is not None:
                detail["text"] = None
                erased.append(f"/result/findings/{i}/details/{j}/text")
    return canonical_json(data).decode("utf-8"), erased


# ---- applying it ------------------------------------------------------------------------------


def _rowcount(result: object) -> int:
    count = getattr(result, "rowcount", 0)
    return int(count) if isinstance(count, int) else 0


def apply_retention(
    session: Session, *, cutoff: datetime, now: datetime, dry_run: bool = False
) -> RetentionReport:
    """Erase personal content of decisions recorded before ``cutoff`` (each record once)."""
    begin_write(session)
    rows = session.execute(
        select(RECORDS.c.seq, RECORDS.c.input, RECORDS.c.result)
        .where(RECORDS.c.recorded_at < cutoff, RECORDS.c.erased.is_(None))
        .order_by(RECORDS.c.seq)
    ).all()
    fields = 0
    for row in rows:
        new_input, erased_input = erase_input(row.input)
        new_result, erased_result = erase_result(row.result)
        erased = erased_input + erased_result
        fields += len(erased)
        if dry_run:
            continue
        # Marked even when nothing was personal, so the record is not visited again.
        session.execute(
            update(RECORDS)
            .where(RECORDS.c.seq == row.seq)
            .values(
                input=new_input if erased_input else row.input,
                result=new_result if erased_result else row.result,
                erased=orjson.dumps(erased).decode("utf-8"),
                erased_at=now,
            )
        )
    comments = [FEEDBACK.c.created_at < cutoff, FEEDBACK.c.comment.is_not(None)]
    old_idempotency = IDEMPOTENCY.c.created_at < cutoff
    if dry_run:
        cleared = len(session.execute(select(FEEDBACK.c.id).where(*comments)).all())
        deleted = len(session.execute(select(IDEMPOTENCY.c.key).where(old_idempotency)).all())
    else:
        cleared = _rowcount(session.execute(update(FEEDBACK).where(*comments).values(comment=None)))
        deleted = _rowcount(session.execute(delete(IDEMPOTENCY).where(old_idempotency)))
    session.flush()
    return RetentionReport(cutoff, len(rows), fields, cleared, deleted)
