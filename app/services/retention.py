"""Retention: erase the personal content of old decision records, keep what audit and statistics need.

After ``retention_days`` a decision record's ``input`` (the checklist) loses every free-text field
(names, relationships, narratives, accounts, notes...) and every date of birth, and its ``result``
loses the text quoted in finding details. Outcomes, scores, findings, timestamps, identifiers and
the rule-set identity stay, so statistics still count and replay still runs. The erased fields are
listed as JSON pointers in ``erased`` (as OPA's decision logs do) and the chain still verifies,
because it covers the digests of input and result, not their bytes.

Which fields are personal is read from the checklist model itself: a string without a ``pattern``
(identifiers such as references and collar numbers have one) or a ``date``. A new free-text field
is therefore erased without anyone remembering to list it.

Also: officers' feedback comments are cleared, and idempotency records (which hold whole responses)
older than the cut-off are deleted; by then no client retries.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any, Union

import orjson
from pydantic import BaseModel
from sqlalchemy import delete, select, update
from sqlmodel import Session

from app.db import begin_write
from app.models.tables import FEEDBACK, RECORDS
from app.models.tables import KEYS as IDEMPOTENCY
from app.rules.canonical import canonical_json
from app.rules.checklist import Checklist


@dataclass(frozen=True, slots=True)
class RetentionReport:
    cutoff: datetime
    decisions_erased: int
    fields_erased: int
    feedback_comments_cleared: int
    idempotency_records_deleted: int


# ---- which checklist fields are personal -------------------------------------------------------

_PERSONAL, _KEEP = "personal", "keep"


def _kind(annotation: Any, metadata: list[Any]) -> str | type[BaseModel]:
    """``personal``, ``keep``, or the model class to descend into (also through lists/optionals)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        inner = [m for info in extra for m in getattr(info, "metadata", [info])]
        return _kind(base, metadata + inner)
    if origin in (Union, types.UnionType, list):
        kinds = {_kind(arg, metadata) for arg in typing.get_args(annotation) if arg is not type(None)}
        models = [k for k in kinds if not isinstance(k, str)]
        if models:
            return models[0]
        return _PERSONAL if _PERSONAL in kinds else _KEEP
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if annotation is str:
        has_pattern = any(getattr(m, "pattern", None) for m in metadata)
        return _KEEP if has_pattern else _PERSONAL
    if annotation is date:  # a date of birth; event times are datetimes and stay
        return _PERSONAL
    return _KEEP


@cache
def _fields(model: type[BaseModel]) -> dict[str, str | type[BaseModel]]:
    return {name: _kind(field.annotation, list(field.metadata)) for name, field in model.model_fields.items()}


def personal_fields(model: type[BaseModel] = Checklist, prefix: str = "") -> Iterator[str]:
    """Every personal field path of the checklist schema (for documentation and tests)."""
    for name, kind in _fields(model).items():
        if kind == _PERSONAL:
            yield f"{prefix}/{name}"
        elif not isinstance(kind, str):
            yield from personal_fields(kind, f"{prefix}/{name}")


def _erase(value: Any, model: type[BaseModel], pointer: str, erased: list[str]) -> None:
    if not isinstance(value, dict):
        return
    for name, kind in _fields(model).items():
        child = value.get(name)
        if child is None:
            continue
        if kind == _PERSONAL:
            value[name] = None
            erased.append(f"{pointer}/{name}")
        elif not isinstance(kind, str):
            items = child if isinstance(child, list) else [child]
            for index, item in enumerate(items):
                where = f"{pointer}/{name}/{index}" if isinstance(child, list) else f"{pointer}/{name}"
                _erase(item, kind, where, erased)


def erase_input(raw: str) -> tuple[str, list[str]]:
    data = orjson.loads(raw)
    erased: list[str] = []
    _erase(data, Checklist, "/input", erased)
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
