"""Retention erases every copy of personal data an old record has, in bounded batches, each
accounted for in the erasure log, and everything still verifies."""

from __future__ import annotations

import json
import threading
from datetime import timedelta
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, text

from app.models.base import utcnow
from app.rules.registry import RulesetRegistry
from app.services import integrity
from app.services.retention import apply_retention
from app.settings import Settings
from tests import replay_support as rs
from tests.auth import as_role
from tests.auth_tests.personal import SECRETS, leaked, personal_submission
from tests.submissions import url


@pytest.fixture
def db_settings(db_settings: Settings) -> Settings:
    """A replay test here claims and runs its job in this thread (tests/replay_support.py); the app's
    own replay worker, polling every second, could claim it first, so these apps run none."""
    return db_settings.model_copy(update={"replay_worker": False})


def verify(client: TestClient) -> dict[str, Any]:
    report: dict[str, Any] = client.get("/v1/audit/verify", headers=as_role(client, "auditor")).json()
    return report


def later() -> Any:
    return utcnow() + timedelta(seconds=1)


def test_batches_are_bounded_and_each_is_an_erasure_log_entry(
    db_client: TestClient, db_engine: Engine
) -> None:
    for i in range(7):
        assert db_client.post(url(f"WMP-{i}"), json=personal_submission(f"WMP-{i}")).status_code == 201
    report = apply_retention(db_engine, cutoff=later(), now=utcnow(), batch_size=3)
    assert (report.decisions_erased, report.revisions_erased, report.batches) == (7, 7, 3)
    with db_engine.connect() as conn:
        entries = conn.execute(select(integrity.ERASURES.table).order_by(integrity.ERASURES.table.c.id)).all()
        erased_by = conn.execute(
            text("SELECT erasure_id, count(*) FROM decision_record GROUP BY erasure_id")
        ).all()
    assert [(e.records, e.first_seq, e.last_seq, e.run_id) for e in entries] == [
        (3, 1, 3, report.run_id),
        (3, 4, 6, report.run_id),
        (1, 7, 7, report.run_id),
    ]
    assert sorted(tuple(row) for row in erased_by) == [(1, 3), (2, 3), (3, 1)]
    verified = verify(db_client)
    assert verified["verified"] is True, verified
    assert verified["parts"]["erasure_log"]["records"] == 3


def test_revision_submitter_idempotency_key_and_feedback_are_erased(
    db_client: TestClient, db_engine: Engine
) -> None:
    ref = "WMP-20261122-0042"
    body = personal_submission(ref, submitted_by=f"PC4711 {SECRETS['adult_name']}")
    created = db_client.post(url(ref), json=body, headers={"Idempotency-Key": f"key-{SECRETS['child_name']}"})
    assert created.status_code == 201
    decision = created.json()
    feedback = {
        "rule_id": decision["outstanding"][0]["rule_id"],
        "outcome": "accepted",
        "submitted_by": SECRETS["carer_name"],
    }
    assert (
        db_client.post(f"/v1/decisions/{decision['decision_id']}/feedback", json=feedback).status_code == 201
    )

    report = apply_retention(db_engine, cutoff=later(), now=utcnow())
    assert (report.revisions_erased, report.feedback_erased, report.idempotency_records_deleted) == (1, 1, 1)
    with db_engine.connect() as conn:
        for table in ("checklist_revision", "decision_feedback", "decision_record", "idempotency_key"):
            dump = json.dumps([list(map(str, row)) for row in conn.execute(text(f"SELECT * FROM {table}"))])
            assert leaked(dump) == [], table
    incident = db_client.get(f"/v1/incidents/{ref}").json()
    assert incident["history"][0]["submitted_by"] is None
    assert incident["feedback"][0]["submitted_by"] is None
    stats = db_client.get("/v1/audit/feedback", headers=as_role(db_client, "auditor")).json()
    assert stats["accepted"] == 1  # statistics still count
    assert verify(db_client)["verified"] is True


def test_replay_copies_of_failed_reproductions_lose_the_quoted_text(
    db_client: TestClient, db_engine: Engine, registry: RulesetRegistry
) -> None:
    ref = "WMP-20261122-0042"
    body = personal_submission(ref, hook="incident.close")
    phrase = "lifestyle choices"
    body["checklist"]["children"][0]["observations"] = f"Said to be making {phrase}"
    assert db_client.post(url(ref), json=body).status_code == 201
    with db_engine.connect() as conn:
        original = orjson.loads(conn.execute(text("SELECT result FROM decision_record")).scalar_one())
    rs.tamper_result(db_engine, 1, score=0.0)  # so the reproduction fails and both results are stored
    job = rs.run(db_engine, registry, mode="as_recorded", results="flagged")
    rs.tamper_result(db_engine, 1, score=original["score"])  # put back, so it can be erased lawfully
    stored = rs.results(db_engine, job.id)
    assert len(stored) == 1
    assert phrase in json.dumps(stored[0]["detail"])

    report = apply_retention(db_engine, cutoff=later(), now=utcnow())
    assert report.replay_results_erased == 1
    assert phrase not in json.dumps(rs.results(db_engine, job.id))


def test_submissions_keep_flowing_while_a_backlog_is_erased(db_client: TestClient, db_engine: Engine) -> None:
    for i in range(60):
        assert db_client.post(url(f"WMP-{i}"), json=personal_submission(f"WMP-{i}")).status_code == 201
    statuses: list[int] = []
    cutoff = utcnow()  # the 60 above, none of those sent while it runs
    retention = threading.Thread(
        target=apply_retention, args=(db_engine,), kwargs={"cutoff": cutoff, "now": utcnow(), "batch_size": 5}
    )
    retention.start()
    i = 0
    while retention.is_alive() or i < 5:
        ref = f"WMP-NEW-{i}"
        statuses.append(db_client.post(url(ref), json=personal_submission(ref)).status_code)
        i += 1
    retention.join()
    assert set(statuses) == {201}
    with db_engine.connect() as conn:
        erased = conn.execute(
            text("SELECT count(*) FROM decision_record WHERE erasure_id IS NOT NULL")
        ).scalar()
        entries = conn.execute(text("SELECT count(*) FROM erasure_log")).scalar()
    assert erased == 60
    assert entries == 12
    assert verify(db_client)["verified"] is True
