"""``safesteps demo seed``: fill the database with synthetic incidents and their decisions, fast.

Each synthetic checklist goes through the same steps as a real submission (schema validation, the
rule-set version in force at its time, evaluation, canonical JSON, the hash chain, the auditors'
aggregates), but rows are written with bulk Core inserts, a few thousand per transaction. Each
decision is recorded at the incident's own time, so the log reads like history and date-range
replays have something to select: incidents attended in person get a first revision scored when
officers leave the scene and a second at closure. See ``app.services.synthetic`` for the forces'
stories.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from typing import Any

from sqlalchemy import Engine, func, insert, select

from app.db import begin_write, session_scope
from app.models.decision import PendingRecord
from app.models.tables import INCIDENTS, REVISIONS
from app.rules.checklist import Checklist
from app.rules.engine import Facts, RulesetRef, decide
from app.rules.registry import RulesetRegistry
from app.services import aggregates, audit
from app.services.synthetic import SPAN_DAYS, SyntheticIncident, incidents

SEEDED_BY = "demo-seed"
RULESET = "concern-for-a-child"
CLOSE_HOOK = "incident.close"


@dataclass
class SeedReport:
    incidents: int = 0
    decisions: int = 0
    blocking: int = 0  # incidents whose latest decision is blocking
    by_version: dict[str, int] = field(default_factory=dict)
    by_force: dict[str, int] = field(default_factory=dict)
    first: datetime | None = None
    last: datetime | None = None


def _decide(
    registry: RulesetRegistry,
    reference: str,
    revision: int,
    data: dict[str, Any],
    hook: str,
    as_of: datetime,
) -> tuple[PendingRecord, bool]:
    checklist = Checklist.model_validate(data)
    facts = Facts.of(checklist)
    # as_of == checklist.latest_time(), known from generation (a tree walk costs ~1 ms)
    decision = decide(registry, facts, hook, as_of=as_of, ruleset=RulesetRef(RULESET))
    record = PendingRecord.of(
        decision, facts, incident_ref=reference, revision=revision, requested_by=SEEDED_BY, recorded_at=as_of
    )
    return record, decision.blocking


def _prepare(
    registry: RulesetRegistry, item: SyntheticIncident, closures: bool = True
) -> tuple[list[PendingRecord], dict[str, Any], bool]:
    """The incident's decision records (one per revision), its incident row, and whether it blocks."""
    records = [_decide(registry, item.reference, 1, item.checklist, item.hook, item.as_of)]
    if closures and item.closure is not None and item.closed_at is not None:
        records.append(_decide(registry, item.reference, 2, item.closure, CLOSE_HOOK, item.closed_at))
    latest, blocking = records[-1]
    row = {
        "reference": item.reference,
        "force": item.force,
        "incident_type": item.checklist["incident"]["type"],
        "revision": len(records),
        "latest_decision_id": latest.decision_id,
        "latest_hook": item.hook if len(records) == 1 else CLOSE_HOOK,
        "latest_blocking": blocking,
        "created_at": item.reported_at,
        "updated_at": latest.recorded_at,
    }
    return [r for r, _ in records], row, blocking


def seed(
    engine: Engine,
    registry: RulesetRegistry,
    count: int,
    *,
    seed_value: int = 20261122,
    until: datetime | None = None,
    days: int = SPAN_DAYS,
    batch: int = 2000,
    closures: bool = True,
    progress: Callable[[int], None] | None = None,
) -> SeedReport:
    """Add ``count`` synthetic incidents over ``days`` days ending at ``until``, with their revisions,
    decision records and aggregates. The same seed and window give the same incidents.

    ``closures=False``: one revision (and decision) per incident, the first, as replay tests expect."""
    with engine.connect() as conn:
        start = conn.execute(select(func.count()).select_from(INCIDENTS)).scalar_one() + 1
    report = SeedReport()
    catalogue = aggregates.StepCatalogue(registry)
    source = incidents(count, seed=seed_value + start, start=start, until=until, days=days)
    while chunk := list(islice(source, batch)):
        prepared = [_prepare(registry, item, closures) for item in chunk]
        # The log in time order within the batch (closures come hours or days after the scene).
        records = sorted((r for rs, _, _ in prepared for r in rs), key=lambda r: r.recorded_at)
        with session_scope(engine) as session:
            conn = begin_write(session)
            audit.append(conn, records)
            aggregates.record_appended(conn, catalogue, records)
            ids = session.execute(
                insert(INCIDENTS).returning(INCIDENTS.c.id, sort_by_parameter_order=True),
                [row for _, row, _ in prepared],
            ).scalars()
            session.execute(
                insert(REVISIONS),
                [
                    {
                        "incident_id": incident_id,
                        "number": record.revision,
                        "decision_id": record.decision_id,
                        "submitted_by": SEEDED_BY,
                        "device_time": record.recorded_at,
                        "received_at": record.recorded_at,
                        "idempotency_key": None,
                    }
                    for incident_id, (revisions, _, _) in zip(ids, prepared, strict=True)
                    for record in revisions
                ],
            )
        for (revisions, row, blocking), item in zip(prepared, chunk, strict=True):
            report.incidents += 1
            report.decisions += len(revisions)
            report.blocking += blocking
            report.by_force[item.force] = report.by_force.get(item.force, 0) + 1
            for record in revisions:
                key = f"{record.ruleset_id}@{record.ruleset_version}"
                report.by_version[key] = report.by_version.get(key, 0) + 1
            report.first = min(report.first or item.reported_at, item.reported_at)
            report.last = max(report.last or row["updated_at"], row["updated_at"])
        if progress:
            progress(len(chunk))
    return report
