"""Submissions, revisions, idempotency, optimistic concurrency and the incident views."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from app.models import ChecklistRevision, DecisionRecord, Incident
from app.schemas.incidents import SubmissionResult
from tests.auth import as_role
from tests.submissions import submission, url

REF = "WMP-20261122-0042"


def counts(engine: Engine) -> tuple[int, int, int]:
    with engine.connect() as conn:
        return (
            conn.execute(select(func.count()).select_from(Incident)).scalar_one(),
            conn.execute(select(func.count()).select_from(ChecklistRevision)).scalar_one(),
            conn.execute(select(func.count()).select_from(DecisionRecord)).scalar_one(),
        )


def verify(client: TestClient) -> dict[str, Any]:
    result: dict[str, Any] = client.get("/v1/audit/verify", headers=as_role(client, "auditor")).json()
    return result


def test_each_submission_is_a_revision_with_who_device_time_and_receipt(db_client: TestClient) -> None:
    first = db_client.post(url(), json=submission(device_time="2026-11-22T19:45:10Z"))
    second = db_client.post(
        url(), json=submission(device_time="2026-11-22T19:50:00Z", submitted_by="CR-7", referral_made=True)
    )
    assert (first.status_code, second.status_code) == (201, 201)
    assert (first.json()["revision"], second.json()["revision"]) == (1, 2)
    assert second.headers["ETag"] == '"2"'
    assert first.json()["decision_id"] != second.json()["decision_id"]

    incident = db_client.get(f"/v1/incidents/{REF}")
    assert incident.status_code == 200
    assert incident.headers["ETag"] == '"2"'
    body = incident.json()
    assert body["revision"] == 2
    history = body["history"]
    assert [(h["revision"], h["submitted_by"], h["device_time"]) for h in history] == [
        (1, "MDT-0815 / PC4711", "2026-11-22T19:45:10Z"),
        (2, "CR-7", "2026-11-22T19:50:00Z"),
    ]
    assert history[0]["received_at"] <= history[1]["received_at"]
    assert body["latest"]["decision_id"] == second.json()["decision_id"]
    assert body["latest"]["checklist"]["actions"]["referral"]["made"] is True
    assert body["latest"]["evaluation"] == second.json()["evaluation"]


def test_response_puts_outstanding_steps_first_class(db_client: TestClient) -> None:
    response = db_client.post(url(), json=submission())
    # The body is built without the response model on the hot path: it must still match it.
    SubmissionResult.model_validate_json(response.content)
    body = response.json()
    findings = body["evaluation"]["findings"]
    assert body["hook"] == "scene.depart"
    assert body["blocking"] is True
    assert [s["rule_id"] for s in body["outstanding"]] == [f["rule_id"] for f in findings]
    assert body["outstanding"][0]["severity"] == "critical"
    assert {s["outcome"] for s in body["outstanding"]} <= {"missing", "unknown"}


def test_same_submission_sent_50_times_stores_one_revision(db_client: TestClient, db_engine: Engine) -> None:
    headers = {"Idempotency-Key": "mdt-0815-000123"}
    responses = [db_client.post(url(), json=submission(), headers=headers) for _ in range(50)]
    assert {r.status_code for r in responses} == {201}
    assert {r.json()["decision_id"] for r in responses} == {responses[0].json()["decision_id"]}
    assert responses[0].headers.get("Idempotent-Replayed") is None
    assert all(r.headers["Idempotent-Replayed"] == "true" for r in responses[1:])
    assert responses[1].json() == responses[0].json()
    assert counts(db_engine) == (1, 1, 1)
    report = verify(db_client)
    assert (report["verified"], report["records"], report["first_broken"]) == (True, 1, None)


def test_key_reused_with_a_different_body_is_409_and_stores_nothing(
    db_client: TestClient, db_engine: Engine
) -> None:
    headers = {"Idempotency-Key": "k-1"}
    assert db_client.post(url(), json=submission(), headers=headers).status_code == 201
    reused = db_client.post(url(), json=submission(referral_made=True), headers=headers)
    assert reused.status_code == 409
    assert reused.json()["error"] == "idempotency_key_reused"
    assert set(reused.json()) >= {"error", "message"}
    assert counts(db_engine) == (1, 1, 1)


def test_stale_if_match_is_refused_with_the_current_revision(
    db_client: TestClient, db_engine: Engine
) -> None:
    assert db_client.post(url(), json=submission()).status_code == 201
    assert db_client.post(url(), json=submission(), headers={"If-Match": '"1"'}).status_code == 201
    stale = db_client.post(url(), json=submission(referral_made=True), headers={"If-Match": '"1"'})
    assert stale.status_code == 412
    assert stale.json()["error"] == "stale_revision"
    assert stale.json()["detail"]["current_revision"] == 2
    assert stale.headers["ETag"] == '"2"'
    assert counts(db_engine) == (1, 2, 2)
    assert db_client.get(f"/v1/incidents/{REF}").json()["revision"] == 2
    assert verify(db_client)["verified"] is True


@pytest.mark.parametrize(
    ("base", "existing", "current"),
    [(0, True, 1), (3, True, 1), (1, False, 0)],
    ids=["create-only-but-exists", "ahead-of-server", "based-on-missing-incident"],
)
def test_stale_base_revision_in_the_body_is_refused(
    db_client: TestClient, db_engine: Engine, base: int, existing: bool, current: int
) -> None:
    if existing:
        assert db_client.post(url(), json=submission()).status_code == 201
    before = counts(db_engine)
    stale = db_client.post(url(), json=submission(base_revision=base))
    assert stale.status_code == 412
    assert stale.json()["detail"] == {
        "incident_ref": REF,
        "expected_revision": base,
        "current_revision": current,
    }
    assert counts(db_engine) == before


def test_base_revision_zero_creates_only(db_client: TestClient) -> None:
    created = db_client.post(url(), json=submission(base_revision=0))
    assert created.status_code == 201
    assert created.json()["revision"] == 1


def test_malformed_if_match_is_400(db_client: TestClient) -> None:
    response = db_client.post(url(), json=submission(), headers={"If-Match": "yesterday"})
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_if_match"


def test_path_reference_must_match_the_checklist(db_client: TestClient, db_engine: Engine) -> None:
    response = db_client.post(url("WMP-OTHER-1"), json=submission())
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "incident_reference_mismatch"
    assert body["fields"][0]["path"] == "body.checklist.incident.reference"
    assert counts(db_engine) == (0, 0, 0)


@pytest.mark.parametrize(
    ("change", "status"),
    [
        ({"ruleset": {"id": "concern-for-a-child", "version": "9.9.9"}}, 404),
        ({"hook": "no.such.hook"}, 422),
        ({"device_time": "2026-11-22T19:45:10"}, 422),
        ({"unexpected": True}, 422),
    ],
    ids=["unknown-ruleset", "unknown-hook", "naive-device-time", "unknown-field"],
)
def test_bad_input_stores_nothing_and_leaves_no_gap(
    db_client: TestClient, db_engine: Engine, change: dict[str, Any], status: int
) -> None:
    assert db_client.post(url(), json=submission()).status_code == 201
    response = db_client.post(url(), json={**submission(), **change})
    assert response.status_code == status
    assert "error" in response.json()
    assert counts(db_engine) == (1, 1, 1)
    assert db_client.post(url(), json=submission()).json()["revision"] == 2
    assert verify(db_client)["records"] == 2


def test_get_unknown_incident_is_404(db_client: TestClient) -> None:
    response = db_client.get("/v1/incidents/NOPE-1")
    assert response.status_code == 404
    assert response.json()["error"] == "incident_not_found"


def _seed(client: TestClient) -> None:
    for ref, force, hook, referral in [
        ("WMP-1", "WMP", "scene.depart", False),
        ("WMP-2", "WMP", None, True),
        ("GMP-1", "GMP", "scene.depart", True),
    ]:
        body = submission(ref, hook=hook, referral_made=referral)
        body["checklist"]["incident"]["force"] = force
        assert client.post(url(ref), json=body).status_code == 201


def test_list_filters_by_force_hook_and_blocking(db_client: TestClient) -> None:
    _seed(db_client)

    def refs(**params: Any) -> list[str]:
        response = db_client.get("/v1/incidents", params=params)
        assert response.status_code == 200
        return [i["reference"] for i in response.json()["items"]]

    assert refs() == ["GMP-1", "WMP-2", "WMP-1"]
    assert refs(force="WMP") == ["WMP-2", "WMP-1"]
    assert refs(hook="scene.depart") == ["GMP-1", "WMP-1"]
    assert refs(blocking="true") == ["GMP-1", "WMP-1"]
    assert refs(blocking="false") == ["WMP-2"]
    assert refs(updated_from="2999-01-01T00:00:00Z") == []
    assert refs(updated_to="2000-01-01T00:00:00Z") == []


def test_list_paginates_with_a_cursor(db_client: TestClient) -> None:
    _seed(db_client)
    page1 = db_client.get("/v1/incidents", params={"limit": 2}).json()
    page2 = db_client.get("/v1/incidents", params={"limit": 2, "cursor": page1["next_cursor"]}).json()
    assert [i["reference"] for i in page1["items"]] == ["GMP-1", "WMP-2"]
    assert [i["reference"] for i in page2["items"]] == ["WMP-1"]
    assert page2["next_cursor"] is None


def test_a_forged_cursor_is_422(db_client: TestClient) -> None:
    response = db_client.get("/v1/incidents", params={"cursor": "not-a-cursor!"})
    assert response.status_code == 422
    assert response.json()["error"] == "invalid_cursor"


def test_a_retried_conditional_write_replays_instead_of_failing_as_stale(db_client: TestClient) -> None:
    assert db_client.post(url(), json=submission()).status_code == 201
    headers = {"If-Match": '"1"', "Idempotency-Key": "cond-1"}
    first = db_client.post(url(), json=submission(referral_made=True), headers=headers)
    retry = db_client.post(url(), json=submission(referral_made=True), headers=headers)
    assert (first.status_code, retry.status_code) == (201, 201)
    assert retry.headers["Idempotent-Replayed"] == "true"
    assert retry.json() == first.json()
    assert db_client.get(f"/v1/incidents/{REF}").json()["revision"] == 2
