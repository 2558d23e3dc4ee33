"""Retention erases personal content and keeps what audit and statistics need: the chain verifies."""

from __future__ import annotations

import json
import time
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session
from typer.testing import CliRunner

from app.cli import app as cli
from app.main import create_app
from app.models.base import utcnow
from app.rules.checklist import Checklist
from app.services.retention import apply_retention, personal_fields
from app.settings import Settings, get_settings
from tests.auth import as_role
from tests.auth_tests.personal import SECRETS, leaked, personal_submission
from tests.submissions import url

REF = "WMP-20261122-0042"


def seed(client: TestClient) -> dict[str, object]:
    created = client.post(url(REF), json=personal_submission(REF), headers={"Idempotency-Key": "k1"})
    assert created.status_code == 201, created.text
    body: dict[str, object] = created.json()
    feedback = {
        "rule_id": body["outstanding"][0]["rule_id"],  # type: ignore[index]
        "outcome": "overridden",
        "reason_code": "other",
        "comment": f"Discussed with {SECRETS['carer_name']}",
    }
    assert client.post(f"/v1/decisions/{body['decision_id']}/feedback", json=feedback).status_code == 201
    return body


def record(client: TestClient, decision_id: object) -> dict[str, Any]:
    response = client.get(f"/v1/decisions/{decision_id}", headers=as_role(client, "auditor"))
    assert response.status_code == 200
    data: dict[str, Any] = response.json()
    return data


def verify(client: TestClient) -> dict[str, object]:
    data: dict[str, object] = client.get("/v1/audit/verify", headers=as_role(client, "auditor")).json()
    return data


def test_erasure_keeps_hashes_outcomes_and_ruleset_and_the_chain_verifies(
    db_client: TestClient, db_engine: Engine
) -> None:
    seeded = seed(db_client)
    db_client.post(url("WMP-OTHER"), json=personal_submission("WMP-OTHER"))
    before = record(db_client, seeded["decision_id"])
    assert leaked(json.dumps(before["input"]))

    report = apply_retention(db_engine, cutoff=utcnow() + timedelta(seconds=1), now=utcnow())
    assert report.decisions_erased == 2
    assert report.feedback_comments_cleared == 1
    assert report.idempotency_records_deleted == 1

    after = record(db_client, seeded["decision_id"])
    assert leaked(json.dumps(after)) == []
    for kept in (
        "seq",
        "hash",
        "prev_hash",
        "input_sha256",
        "result_sha256",
        "ruleset_id",
        "ruleset_version",
        "ruleset_hash",
        "engine_version",
        "context",
        "result",
        "requested_by",
        "recorded_at",
    ):
        assert after[kept] == before[kept], kept
    assert {
        "/input/children/0/full_name",
        "/input/children/0/date_of_birth",
        "/input/children/0/account",
        "/input/children/1/full_name",
        "/input/adults/0/date_of_birth",
        "/input/scene/home_conditions/notes",
        "/input/actions/decisions/rationale",
    } <= set(after["erased"])
    assert after["erased_at"] is not None
    assert after["input"]["children"][0]["seen_at"] == before["input"]["children"][0]["seen_at"]
    Checklist.model_validate(after["input"])  # replay still has a valid checklist

    verified = verify(db_client)
    assert (verified["verified"], verified["records"]) == (True, 2), verified
    incident = db_client.get(f"/v1/incidents/{REF}").json()
    assert leaked(json.dumps(incident)) == []
    assert incident["overrides"] == 1  # statistics still count
    assert (
        db_client.get("/v1/audit/feedback", headers=as_role(db_client, "auditor")).json()["overridden"] == 1
    )

    # Running again changes nothing: each record is erased once.
    again = apply_retention(db_engine, cutoff=utcnow() + timedelta(seconds=1), now=utcnow())
    assert again.decisions_erased == 0


def test_recent_decisions_are_kept_whole(db_client: TestClient, db_engine: Engine) -> None:
    seeded = seed(db_client)
    report = apply_retention(db_engine, cutoff=utcnow() - timedelta(days=1), now=utcnow())
    assert report.decisions_erased == 0
    assert leaked(json.dumps(record(db_client, seeded["decision_id"])["input"]))


def test_tampering_with_unerased_content_is_still_detected(db_client: TestClient, db_engine: Engine) -> None:
    seed(db_client)
    apply_retention(db_engine, cutoff=utcnow() + timedelta(seconds=1), now=utcnow())
    with db_engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SET LOCAL session_replication_role = replica"))
        conn.execute(
            text("UPDATE decision_record SET result = replace(result, :a, :b)"),
            {"a": '"blocking":true', "b": '"blocking":false'},
        )
    assert verify(db_client)["first_broken"]["reason"] == "content_mismatch"  # type: ignore[index]


def test_postgresql_lets_only_a_one_way_erasure_through(db_client: TestClient, db_engine: Engine) -> None:
    if db_engine.dialect.name != "postgresql":
        pytest.skip("the append-only trigger is PostgreSQL's")
    seed(db_client)
    apply_retention(db_engine, cutoff=utcnow() + timedelta(seconds=1), now=utcnow())
    refused = (
        "UPDATE decision_record SET input = '{}'",  # already erased: no second rewrite
        "UPDATE decision_record SET requested_by = 'someone-else'",
        "DELETE FROM decision_record",
    )
    for statement in refused:
        with pytest.raises(DBAPIError, match="append-only"), db_engine.begin() as conn:
            conn.execute(text(statement))
    assert verify(db_client)["verified"] is True


def test_every_free_text_and_birth_date_field_is_classified_personal() -> None:
    fields = set(personal_fields())
    assert {
        "/children/full_name",
        "/children/date_of_birth",
        "/adults/full_name",
        "/children/account",
    } <= fields
    # Identifiers (patterns) and event times are not personal content.
    assert (
        not {"/incident/reference", "/children/id", "/children/seen_at", "/actions/referral/reference"}
        & fields
    )


def test_cli_apply(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    with TestClient(create_app(settings)) as client:
        created = client.post(url(REF), json=personal_submission(REF), headers=as_role(client, "mdt"))
        assert created.status_code == 201
    monkeypatch.setenv("SAFESTEPS_DATABASE_URL", settings.database_url)
    get_settings.cache_clear()
    try:
        runner = CliRunner()
        future = (utcnow() + timedelta(days=365)).isoformat()  # a mistyped year
        for refused in (["--before", future], ["--before", future, "--dry-run"]):
            typo = runner.invoke(cli, ["retention", "apply", *refused])
            assert typo.exit_code == 2
            assert f"error: --before {future}" in typo.stderr
            assert "is more than a day after now" in typo.stderr
        soon = (utcnow() + timedelta(seconds=5)).isoformat()  # a script's "everything to date"
        dry = runner.invoke(cli, ["retention", "apply", "--before", soon, "--dry-run"])
        assert dry.exit_code == 0, dry.output
        assert json.loads(dry.stdout)["decisions_erased"] == 1
        done = runner.invoke(cli, ["retention", "apply", "--before", soon])
        assert json.loads(done.stdout)["decisions_erased"] == 1
        verified = runner.invoke(cli, ["audit", "verify"])
        assert verified.exit_code == 0
        assert json.loads(verified.stdout)["verified"] is True
        assert (
            json.loads(runner.invoke(cli, ["retention", "apply", "--days", "30"]).stdout)["decisions_erased"]
            == 0
        )
        far = runner.invoke(cli, ["retention", "apply", "--before", "9999-12-31T23:59:59-14:00"])
        assert far.exit_code == 2
        assert (
            far.stderr.strip().splitlines()[-1]
            == "error: --before is outside the years 1 to 9999 once converted to UTC"
        )
    finally:
        get_settings.cache_clear()
    engine = create_engine(settings.database_url)
    with Session(engine) as session:
        stored = session.execute(text("SELECT input FROM decision_record")).scalar_one()
    engine.dispose()
    assert leaked(stored) == []


def test_replay_of_an_erased_decision_says_what_was_erased(settings: Settings) -> None:
    fast = Settings(**{**settings.model_dump(), "replay_poll_seconds": 0.05})
    with TestClient(create_app(fast)) as client:
        client.post(url(REF), json=personal_submission(REF), headers=as_role(client, "mdt"))
        engine = client.app.state.engine  # type: ignore[attr-defined]
        apply_retention(engine, cutoff=utcnow() + timedelta(seconds=1), now=utcnow())
        auditor = as_role(client, "auditor")
        job = client.post(
            "/v1/replays", json={"mode": "as_recorded", "results": "all"}, headers=auditor
        ).json()
        for _ in range(200):
            status = client.get(f"/v1/replays/{job['id']}", headers=auditor).json()["status"]
            if status in ("succeeded", "failed"):
                break
            time.sleep(0.05)
        assert status == "succeeded"
        results = client.get(f"/v1/replays/{job['id']}/results", headers=auditor).json()["items"]
    assert len(results) == 1
    assert "/input/children/0/full_name" in json.dumps(results[0])
    assert leaked(json.dumps(results)) == []
