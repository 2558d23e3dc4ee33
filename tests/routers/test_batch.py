"""Offline queues: device-time order, one result per item, a bad item sinks nothing else."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.auth import as_role
from tests.submissions import submission, url


def item(ref: str, device_time: str, **extra: object) -> dict[str, object]:
    return {**submission(ref, device_time=device_time), "incident_ref": ref, **extra}


def test_a_bad_item_in_the_middle_fails_alone(db_client: TestClient) -> None:
    items = [
        item("WMP-A", "2026-11-22T19:00:00Z", idempotency_key="q-1"),
        {**item("WMP-B", "2026-11-22T19:01:00Z"), "checklist": {"incident": {"force": "WMP"}}},
        item("WMP-C", "2026-11-22T19:02:00Z", base_revision=4),
        {**item("WMP-D", "2026-11-22T19:03:00Z"), "incident_ref": "WMP-ELSEWHERE"},
        item("WMP-E", "2026-11-22T19:04:00Z"),
    ]
    response = db_client.post("/v1/checklists:batch", json={"items": items})
    assert response.status_code == 200
    body = response.json()
    assert [r["status"] for r in body["results"]] == [201, 422, 412, 422, 201]
    assert (body["applied"], body["failed"]) == (2, 3)
    schema_error = body["results"][1]["error"]
    assert schema_error["error"] == "validation_error"
    assert "body.items[1].checklist.incident.reference" in {f["path"] for f in schema_error["fields"]}
    assert body["results"][2]["error"]["error"] == "stale_revision"
    assert body["results"][3]["error"]["error"] == "incident_reference_mismatch"
    assert db_client.get("/v1/incidents/WMP-A").json()["revision"] == 1
    assert db_client.get("/v1/incidents/WMP-E").json()["revision"] == 1
    for ref in ("WMP-B", "WMP-C", "WMP-D"):
        assert db_client.get(f"/v1/incidents/{ref}").status_code == 404
    assert db_client.get("/v1/audit/verify", headers=as_role(db_client, "auditor")).json()["records"] == 2
    assert db_client.get("/v1/audit/verify", headers=as_role(db_client, "auditor")).json()["verified"] is True


def test_items_apply_in_device_time_order(db_client: TestClient) -> None:
    late = item("WMP-Q", "2026-11-22T19:30:00Z", submitted_by="late")
    early = item("WMP-Q", "2026-11-22T19:10:00Z", submitted_by="early")
    body = db_client.post("/v1/checklists:batch", json={"items": [late, early]}).json()
    assert [r["result"]["revision"] for r in body["results"]] == [2, 1]
    history = db_client.get("/v1/incidents/WMP-Q").json()["history"]
    assert [h["submitted_by"] for h in history] == ["early", "late"]


def test_a_queued_retry_of_a_sent_submission_is_replayed(db_client: TestClient) -> None:
    sent = db_client.post(url("WMP-R"), json=submission("WMP-R"), headers={"Idempotency-Key": "r-1"})
    queued = item("WMP-R", submission("WMP-R")["device_time"], idempotency_key="r-1")
    body = db_client.post("/v1/checklists:batch", json={"items": [queued, queued]}).json()
    assert [(r["status"], r["replayed"]) for r in body["results"]] == [(201, True), (201, True)]
    assert body["results"][0]["result"] == sent.json()
    assert body["applied"] == 0
    assert db_client.get("/v1/incidents/WMP-R").json()["revision"] == 1


def test_an_empty_or_oversized_batch_is_422(db_client: TestClient) -> None:
    assert db_client.post("/v1/checklists:batch", json={"items": []}).status_code == 422
    many = [item(f"WMP-{i}", "2026-11-22T19:00:00Z") for i in range(101)]
    assert db_client.post("/v1/checklists:batch", json={"items": many}).status_code == 422
