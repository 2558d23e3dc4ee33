"""Replay results as CSV or JSON Lines, streamed from the database a batch at a time."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import orjson
from sqlalchemy import Engine

from app.schemas.replay import (
    ErasedDetail,
    ImpactDetail,
    NotReproducedDetail,
    ReplayDetail,
    ReplayErrorDetail,
    ReplayMode,
    ReproducedDetail,
    detail_json,
    detail_of,
)
from app.services.replay.jobs import iter_results

AS_RECORDED_COLUMNS = (
    "seq",
    "decision_id",
    "incident_ref",
    "recorded_ruleset",
    "reproduced",
    "stored_hash",
    "replayed_hash",
    "differing_fields",
    "error",
    "erased",
)
IMPACT_COLUMNS = (
    "seq",
    "decision_id",
    "incident_ref",
    "recorded_ruleset",
    "changed",
    "blocking_before",
    "blocking_after",
    "newly_blocking",
    "score_before",
    "score_after",
    "appeared",
    "disappeared",
    "severity_changed",
    "outcome_changed",
    "error",
    "erased",
)


def _changes(detail: ImpactDetail, kind: str) -> str:
    parts = []
    for c in detail.changes:
        if c.kind != kind:
            continue
        if kind == "severity_changed":
            parts.append(f"{c.rule_id}:{c.severity_before}>{c.severity_after}")
        elif kind == "outcome_changed":  # a missing outcome with its basis: missing/not_recorded
            before = "/".join(filter(None, (c.outcome_before, c.basis_before)))
            after = "/".join(filter(None, (c.outcome_after, c.basis_after)))
            parts.append(f"{c.rule_id}:{before}>{after}")
        else:
            parts.append(f"{c.rule_id}({c.severity_after or c.severity_before})")
    return " ".join(parts)


_IN_WORDS = (
    ("appeared", "appears"),
    ("disappeared", "disappears"),
    ("severity_changed", "severity"),
    ("outcome_changed", "outcome"),
)


def describe(detail: ReplayDetail) -> str:
    """A result in one line for people (the workspace's table of flagged results), in the CSV's terms."""
    if isinstance(detail, ImpactDetail):
        said = [f"{words} {text}" for kind, words in _IN_WORDS if (text := _changes(detail, kind))]
        if detail.blocking_before != detail.blocking_after:
            said.append("now blocking" if detail.blocking_after else "no longer blocking")
        if detail.score_before != detail.score_after:
            said.append(f"score {detail.score_before} > {detail.score_after}")
        return "; ".join(said) or "no change"
    if isinstance(detail, NotReproducedDetail):
        return f"not reproduced: {' '.join(detail.differing_fields) or 'the bytes'} differ"
    if isinstance(detail, ReplayErrorDetail):
        return f"not re-made: {detail.error}"
    if isinstance(detail, ErasedDetail):
        count = len(detail.erased)
        return f"not re-made: retention erased {count} personal field{'' if count == 1 else 's'}"
    return "reproduced"


def csv_row(mode: ReplayMode, row: Any) -> list[Any]:
    """One result in ``mode``'s columns. ``erased``: retention erased the decision's personal content,
    so it was not re-made; ``error``: why it could not be. As recorded: not reproduced; impact: not
    compared, the impact's columns empty."""
    detail = detail_of(row.detail)
    common = [row.seq, row.decision_id, row.incident_ref or "", row.recorded_ruleset]
    erased = str(isinstance(detail, ErasedDetail)).lower()
    error = detail.error if isinstance(detail, ReplayErrorDetail) else ""
    if mode is ReplayMode.as_recorded:
        hashes = ("", "")
        if isinstance(detail, ReproducedDetail | NotReproducedDetail):
            hashes = (detail.stored_hash, detail.replayed_hash)
        differing = detail.differing_fields if isinstance(detail, NotReproducedDetail) else []
        return [
            *common,
            str(not row.flagged).lower(),
            *hashes,
            " ".join(differing),
            error,
            erased,
        ]
    if not isinstance(detail, ImpactDetail):  # erased, or an error: not compared
        return [*common, *[""] * (len(IMPACT_COLUMNS) - len(common) - 2), error, erased]
    return [
        *common,
        str(row.flagged).lower(),
        str(detail.blocking_before).lower(),
        str(detail.blocking_after).lower(),
        str(row.newly_blocking).lower(),
        "" if detail.score_before is None else detail.score_before,
        "" if detail.score_after is None else detail.score_after,
        *(_changes(detail, k) for k in ("appeared", "disappeared", "severity_changed", "outcome_changed")),
        error,
        erased,
    ]


def csv_lines(engine: Engine, job_id: str, mode: ReplayMode, *, flagged_only: bool = False) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(AS_RECORDED_COLUMNS if mode is ReplayMode.as_recorded else IMPACT_COLUMNS)
    for row in iter_results(engine, job_id, flagged_only=flagged_only):
        writer.writerow(csv_row(mode, row))
        if buffer.tell() > 64_000:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def jsonl_lines(engine: Engine, job_id: str, *, flagged_only: bool = False) -> Iterator[bytes]:
    chunk = bytearray()
    for row in iter_results(engine, job_id, flagged_only=flagged_only):
        chunk += orjson.dumps(
            {
                "seq": row.seq,
                "decision_id": row.decision_id,
                "incident_ref": row.incident_ref,
                "recorded_ruleset": row.recorded_ruleset,
                "flagged": row.flagged,
                "newly_blocking": row.newly_blocking,
                "detail": orjson.Fragment(detail_json(detail_of(row.detail))),
            }
        )
        chunk += b"\n"
        if len(chunk) > 64_000:
            yield bytes(chunk)
            chunk.clear()
    yield bytes(chunk)
