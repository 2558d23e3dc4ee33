"""``safesteps demo seed``: fill the database with synthetic incidents and their decisions, fast.

Each synthetic checklist goes through the same steps as a real submission (schema validation, the
rule-set version in force at its time, evaluation, canonical JSON, the hash chain), but rows are
written with bulk Core inserts, a few thousand per transaction. The decision is recorded at the
incident's own time, so the log reads like history and date-range replays have something to select.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from typing import Any

from sqlalchemy import Engine, func, insert, select

from app.db import begin_write, session_scope
from app.models.decision import PendingRecord
from app.models.tables import INCIDENTS, REVISIONS
from app.rules.checklist import Checklist
from app.rules.engine import Facts, RulesetRef, decide
from app.rules.registry import RulesetRegistry
from app.services import audit
from app.services.synthetic import SyntheticIncident, incidents

SEEDED_BY = "demo-seed"
RULESET = "concern-for-a-child"


@dataclass
class SeedReport:
    incidents: int = 0
    blocking: int = 0
    by_version: dict[str, int] | None = None


def _prepare(
    registry: RulesetRegistry, item: SyntheticIncident
) -> tuple[PendingRecord, dict[str, Any], bool]:
    checklist = Checklist.model_validate(item.checklist)
    facts = Facts.of(checklist)
    as_of = item.as_of  # == checklist.latest_time(), known from generation (a tree walk costs ~1 ms)
    decision = decide(registry, facts, item.hook, as_of=as_of, ruleset=RulesetRef(RULESET))
    record = PendingRecord.of(
        decision, facts, incident_ref=item.reference, revision=1, requested_by=SEEDED_BY, recorded_at=as_of
    )
    row = {
        "reference": item.reference,
        "force": item.force,
        "incident_type": checklist.incident.type.value,
        "revision": 1,
        "latest_decision_id": record.decision_id,
        "latest_hook": item.hook,
        "latest_blocking": decision.blocking,
        "created_at": item.reported_at,
        "updated_at": as_of,
    }
    return record, row, decision.blocking


def seed(
    engine: Engine,
    registry: RulesetRegistry,
    count: int,
    *,
    seed_value: int = 20261122,
    batch: int = 2000,
    progress: Callable[[int], None] | None = None,
) -> SeedReport:
    """Add ``count`` synthetic incidents, each with one revision and its decision record."""
    with engine.connect() as conn:
        start = conn.execute(select(func.count()).select_from(INCIDENTS)).scalar_one() + 1
    report = SeedReport(by_version={})
    assert report.by_version is not None
    source = incidents(count, seed=seed_value + start, start=start)
    while chunk := list(islice(source, batch)):
        prepared = [_prepare(registry, item) for item in chunk]
        with session_scope(engine) as session:
            audit.append(begin_write(session), [record for record, _, _ in prepared])
            ids = session.execute(
                insert(INCIDENTS).returning(INCIDENTS.c.id, sort_by_parameter_order=True),
                [row for _, row, _ in prepared],
            ).scalars()
            session.execute(
                insert(REVISIONS),
                [
                    {
                        "incident_id": incident_id,
                        "number": 1,
                        "decision_id": record.decision_id,
                        "submitted_by": SEEDED_BY,
                        "device_time": record.recorded_at,
                        "received_at": record.recorded_at,
                        "idempotency_key": None,
                    }
                    for incident_id, (record, _, _) in zip(ids, prepared, strict=True)
                ],
            )
        for record, _, blocking in prepared:
            report.incidents += 1
            report.blocking += blocking
            key = f"{record.ruleset_id}@{record.ruleset_version}"
            report.by_version[key] = report.by_version.get(key, 0) + 1
        if progress:
            progress(len(chunk))
    return report
