"""Feedback is safe to retry and names the authenticated client: an MDT's retry of an override is
recorded once (on SQLite and PostgreSQL), and the record says which client sent it whatever name
the body gives."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi.testclient import TestClient

from app.auth.tokens import parse
from tests.auth import Credentials
from tests.submissions import submission, url

OVERRIDE = {
    "rule_id": "",
    "outcome": "overridden",
    "reason_code": "done_not_recorded",
    "comment": "Child seen by PC4711 at 19:25; the terminal lost the entry.",
    "submitted_by": "Sgt Someone Else",  # a client-supplied name: kept as said, never as the identity
}


def _decision(client: TestClient, headers: dict[str, str]) -> tuple[str, str]:
    body: dict[str, Any] = client.post(url(), json=submission(), headers=headers).json()
    return body["decision_id"], body["evaluation"]["findings"][0]["rule_id"]


def test_a_retried_override_is_recorded_once_as_the_client_that_sent_it(
    db_anonymous_client: TestClient, db_creds: Credentials
) -> None:
    mdt = db_creds.headers("mdt", force="WMP")
    decision_id, rule_id = _decision(db_anonymous_client, mdt)
    feedback = f"/v1/decisions/{decision_id}/feedback"
    first = db_anonymous_client.post(feedback, json={**OVERRIDE, "rule_id": rule_id}, headers=mdt)
    retry = db_anonymous_client.post(feedback, json={**OVERRIDE, "rule_id": rule_id}, headers=mdt)
    assert first.status_code == retry.status_code == 201
    assert "idempotent-replayed" not in first.headers
    assert retry.headers["Idempotent-Replayed"] == "true"
    assert retry.json() == first.json()
    recorded = first.json()
    parsed = parse(db_creds.key("mdt", force="WMP"))
    assert parsed is not None
    assert recorded["recorded_by"] == f"key:{parsed.key_id}"
    assert recorded["submitted_by"] == "Sgt Someone Else"

    auditor = db_creds.headers("auditor")
    record = db_anonymous_client.get(f"/v1/decisions/{decision_id}", headers=auditor).json()
    assert [f["id"] for f in record["feedback"]] == [recorded["id"]]
    assert record["overrides"] == 1
    stats = db_anonymous_client.get("/v1/audit/feedback", headers=auditor).json()
    assert stats["overridden"] == 1

    # Another client giving the same feedback, or the same client changing its mind, is new.
    control_room = db_creds.headers("control_room", force="WMP")
    other = db_anonymous_client.post(feedback, json={**OVERRIDE, "rule_id": rule_id}, headers=control_room)
    changed = db_anonymous_client.post(
        feedback, json={"rule_id": rule_id, "outcome": "accepted"}, headers=mdt
    )
    assert other.status_code == changed.status_code == 201
    assert "idempotent-replayed" not in other.headers
    assert len({recorded["id"], other.json()["id"], changed.json()["id"]}) == 3


def test_concurrent_retries_store_one_record(db_anonymous_client: TestClient, db_creds: Credentials) -> None:
    mdt = db_creds.headers("mdt", force="WMP")
    decision_id, rule_id = _decision(db_anonymous_client, mdt)
    body = {**OVERRIDE, "rule_id": rule_id}

    def send(_: int) -> int:
        response = db_anonymous_client.post(f"/v1/decisions/{decision_id}/feedback", json=body, headers=mdt)
        return int(response.json()["id"])

    with ThreadPoolExecutor(max_workers=6) as pool:
        ids = set(pool.map(send, range(12)))
    assert len(ids) == 1
