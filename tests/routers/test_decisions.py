"""Decision records for auditors, officers' feedback and overrides, and all-or-nothing writes."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.main import create_app
from app.services import audit
from app.settings import Settings
from tests.routers.test_incidents import counts
from tests.submissions import submission, url

REF = "WMP-20261122-0042"


@pytest.fixture
def decision(db_client: TestClient) -> dict[str, Any]:
    body: dict[str, Any] = db_client.post(url(), json=submission()).json()
    return body


def test_a_decision_record_holds_what_replay_needs(db_client: TestClient, decision: dict[str, Any]) -> None:
    record = db_client.get(f"/v1/decisions/{decision['decision_id']}").json()
    evaluation = decision["evaluation"]
    assert record["seq"] == 1
    assert (record["incident_ref"], record["revision"]) == (REF, 1)
    assert record["ruleset_id"] == evaluation["ruleset"]["id"]
    assert record["ruleset_version"] == evaluation["ruleset"]["version"]
    assert record["ruleset_hash"] == evaluation["ruleset"]["hash"]
    assert record["engine_version"] == evaluation["engine_version"]
    assert record["input"]["incident"]["reference"] == REF
    assert record["context"] == {"hook": "scene.depart", "as_of": "2026-11-22T19:40:00+00:00"}
    assert record["result"] == evaluation
    assert record["requested_by"] == "anonymous"
    assert record["prev_hash"] == "0" * 64
    assert record["feedback"] == []


def test_unknown_decision_is_404(db_client: TestClient) -> None:
    response = db_client.get("/v1/decisions/00000000-0000-0000-0000-000000000000")
    assert response.status_code == 404
    assert response.json()["error"] == "decision_not_found"


def test_feedback_is_stored_shown_with_the_incident_and_counted(
    db_client: TestClient, decision: dict[str, Any]
) -> None:
    decision_id = decision["decision_id"]
    first, second = (f["rule_id"] for f in decision["evaluation"]["findings"][:2])
    override = {
        "rule_id": first,
        "outcome": "overridden",
        "reason_code": "supervisor_direction",
        "comment": "Sergeant will action it.",
        "submitted_by": "PC4711",
    }
    created = db_client.post(f"/v1/decisions/{decision_id}/feedback", json=override)
    assert created.status_code == 201
    assert created.json()["reason_code"] == "supervisor_direction"
    accepted = {"rule_id": second, "outcome": "accepted"}
    assert db_client.post(f"/v1/decisions/{decision_id}/feedback", json=accepted).status_code == 201

    incident = db_client.get(f"/v1/incidents/{REF}").json()
    assert [(f["rule_id"], f["outcome"]) for f in incident["feedback"]] == [
        (first, "overridden"),
        (second, "accepted"),
    ]
    assert incident["overrides"] == 1
    record = db_client.get(f"/v1/decisions/{decision_id}").json()
    assert record["overrides"] == 1
    assert len(record["feedback"]) == 2
    stats = db_client.get("/v1/audit/feedback").json()
    assert (stats["accepted"], stats["overridden"]) == (1, 1)
    assert stats["by_reason"] == [{"reason_code": "supervisor_direction", "count": 1}]
    assert stats["by_rule"][0] == {"rule_id": first, "accepted": 0, "overridden": 1}


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"outcome": "overridden"}, 422, "validation_error"),
        ({"outcome": "overridden", "reason_code": "felt_like_it"}, 422, "validation_error"),
        ({"outcome": "overridden", "reason_code": "other"}, 422, "validation_error"),
        ({"outcome": "accepted", "reason_code": "data_error"}, 422, "validation_error"),
        ({"outcome": "accepted", "rule_id": "NOT-A-FINDING"}, 422, "invalid_feedback"),
    ],
    ids=["no-reason", "reason-not-in-list", "other-without-comment", "reason-on-accept", "not-a-finding"],
)
def test_invalid_feedback_is_refused(
    db_client: TestClient, decision: dict[str, Any], body: dict[str, Any], status: int, code: str
) -> None:
    payload = {"rule_id": decision["evaluation"]["findings"][0]["rule_id"], **body}
    response = db_client.post(f"/v1/decisions/{decision['decision_id']}/feedback", json=payload)
    assert response.status_code == status
    assert response.json()["error"] == code
    assert db_client.get("/v1/audit/feedback").json()["accepted"] == 0


def test_feedback_on_an_unknown_decision_is_404(db_client: TestClient) -> None:
    response = db_client.post("/v1/decisions/nope/feedback", json={"rule_id": "X", "outcome": "accepted"})
    assert response.status_code == 404


def test_a_failure_mid_transaction_leaves_no_half_written_incident(
    db_settings: Settings, db_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_append(*_: Any) -> None:
        raise RuntimeError("disk on fire")

    with TestClient(create_app(db_settings), raise_server_exceptions=False) as client:
        assert client.post(url(), json=submission()).status_code == 201
        monkeypatch.setattr(audit, "append", broken_append)
        failed = client.post(url(), json=submission(), headers={"Idempotency-Key": "k"})
        assert failed.status_code == 500
        assert failed.json()["error"] == "internal_error"
        assert counts(db_engine) == (1, 1, 1)
        monkeypatch.undo()
        retried = client.post(url(), json=submission(), headers={"Idempotency-Key": "k"})
        assert retried.status_code == 201
        assert retried.json()["revision"] == 2
        assert client.get("/v1/audit/verify").json()["records"] == 2


def test_a_failed_commit_is_an_error_response_not_a_lost_success(
    db_settings: Settings, db_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without its decision record the revision's deferred foreign key fails at COMMIT: the client
    # must see that failure, which needs the commit to happen before the response is sent.
    monkeypatch.setattr(audit, "append", lambda *_: None)
    with TestClient(create_app(db_settings), raise_server_exceptions=False) as client:
        response = client.post(url(), json=submission())
        assert response.status_code == 500
        assert counts(db_engine) == (0, 0, 0)
