"""PostgreSQL claims the key, upserts the incident and inserts the revision row in one statement
(``statements.claim_and_add_revision``); the other databases in three. Both, on PostgreSQL, must
answer every case alike and leave the same rows: a new incident, the next revision, a conditional
write, a stale one, one based on a revision of an incident that does not exist, a retry, a key
reused for another request, and no key at all."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, select

from app.db import build_engine
from app.errors import IdempotencyConflict, StaleRevision
from app.models.tables import INCIDENTS, KEYS, REVISIONS
from app.rules.registry import RulesetRegistry
from app.schemas.incidents import SubmissionCreate
from app.services import idempotency, submissions
from app.settings import Settings
from tests.submissions import submission

NOW = datetime(2026, 11, 22, 20, 0, tzinfo=UTC)
Write = Callable[..., submissions.Written]


@pytest.fixture
def engine(db_settings: Settings) -> Iterator[Engine]:
    engine = build_engine(db_settings.database_url, pool_size=1)
    if engine.dialect.name != "postgresql":
        engine.dispose()
        pytest.skip("data-modifying CTEs: PostgreSQL only")
    yield engine
    engine.dispose()


def _steps(registry: RulesetRegistry) -> list[tuple[submissions.Prepared, str | None]]:
    """Each submission, and the response to store for its key once written (None: none)."""

    def item(ref: str, key: str | None, base: int | None, by: str = "MDT-1") -> submissions.Prepared:
        body = SubmissionCreate.model_validate(submission(ref, submitted_by=by))
        return submissions.prepare(
            registry, ref, body, idempotency_key=key, base_revision=base, requested_by="test"
        )

    first = item("WMP-1", "k1", None)
    return [
        (first, "answer-1"),
        (item("WMP-1", "k2", 1), "answer-2"),  # conditional, current
        (first, None),  # a retry: answered with answer-1, nothing written
        (item("WMP-1", "k3", 1), None),  # stale
        (item("WMP-2", "k4", 3), None),  # based on a revision of an incident that does not exist
        (item("WMP-1", None, None), None),  # no key
        (item("WMP-1", "k1", None, by="MDT-2"), None),  # k1 again, for another request
    ]


Steps = list[tuple[submissions.Prepared, str | None]]


def _run(conn: Connection, write: Write, steps: Steps) -> tuple[list[Any], list[Any]]:
    outcomes: list[Any] = []
    for item, answer in steps:
        row = {
            "decision_id": item.record.decision_id,
            "submitted_by": item.submission.submitted_by,
            "device_time": item.submission.device_time,
            "received_at": NOW,
            "idempotency_key": item.idempotency_key,
            "salt": "00" * 16,
        }
        savepoint = conn.begin_nested()
        try:
            written = write(conn, item, "scope", NOW, row)
        except (StaleRevision, IdempotencyConflict) as exc:
            savepoint.rollback()
            outcomes.append((type(exc).__name__, getattr(exc, "detail", None)))
            continue
        savepoint.commit()
        if isinstance(written, idempotency.StoredResponse):
            outcomes.append(written)
            continue
        outcomes.append(written[1])  # the revision (ids differ between the two runs)
        if answer is not None and item.idempotency_key is not None:
            idempotency.store(conn, "scope", item.idempotency_key, 201, answer)
    by_ref = {row.id: row.reference for row in conn.execute(select(INCIDENTS))}
    rows = [
        *(tuple(r._mapping[c] for c in r._fields if c != "id") for r in conn.execute(select(INCIDENTS))),
        *(
            (by_ref[r.incident_id], *(r._mapping[c] for c in r._fields if c not in ("id", "incident_id")))
            for r in conn.execute(select(REVISIONS))
        ),
        *(tuple(r) for r in conn.execute(select(KEYS))),
    ]
    return outcomes, sorted(rows, key=repr)


def test_one_statement_answers_and_stores_as_three(engine: Engine, registry: RulesetRegistry) -> None:
    steps, results = _steps(registry), []
    for write in (submissions._three_statements, submissions._one_statement):
        with engine.connect() as conn, conn.begin() as transaction:
            results.append(_run(conn, write, steps))
            transaction.rollback()
    three, one = results
    assert one == three
    outcomes = three[0]
    assert outcomes[:3] == [1, 2, idempotency.StoredResponse(201, "answer-1")]
    assert outcomes[3] == (
        "StaleRevision",
        {"incident_ref": "WMP-1", "expected_revision": 1, "current_revision": 2},
    )
    assert outcomes[4] == (
        "StaleRevision",
        {"incident_ref": "WMP-2", "expected_revision": 3, "current_revision": 0},
    )
    assert outcomes[5:] == [3, ("IdempotencyConflict", None)]
