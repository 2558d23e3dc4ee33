"""Offline queues: device-time order, one result per item, a bad item sinks nothing else."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection
from sqlalchemy.exc import OperationalError

from app.schemas.incidents import BatchResult
from app.services import submissions
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


def test_each_item_answers_what_it_would_have_alone(db_client: TestClient) -> None:
    """An applied item's ``result`` is its stored response, the body a retry of it alone replays;
    the whole body is what the response model serialises (the plain path before the stored
    responses were passed through as they are)."""
    items = [
        item("WMP-S1", "2026-11-22T19:00:00Z", idempotency_key="s-1"),
        item("WMP-S2", "2026-11-22T19:01:00Z", idempotency_key="s-2", base_revision=0),
    ]
    response = db_client.post("/v1/checklists:batch", json={"items": items})
    body = response.json()
    assert BatchResult.model_validate_json(response.content).model_dump(mode="json") == body
    for sent, answered in zip(items, body["results"], strict=True):
        single = {k: v for k, v in sent.items() if k not in ("incident_ref", "idempotency_key")}
        alone = db_client.post(
            url(str(sent["incident_ref"])),
            json=single,
            headers={"Idempotency-Key": str(sent["idempotency_key"])},
        )
        assert alone.headers["Idempotent-Replayed"] == "true"
        assert answered["result"] == alone.json()
        assert (answered["status"], answered["replayed"], answered["error"]) == (201, False, None)


@pytest.mark.parametrize(
    ("error", "status", "code"),
    [
        (OperationalError("INSERT", {}, Exception("database is locked")), 503, "database_busy"),
        (RuntimeError("a bug"), 500, "internal_error"),
    ],
)
def test_an_item_that_fails_in_the_writer_fails_alone_as_it_would_alone(
    db_client: TestClient,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    error: Exception,
    status: int,
    code: str,
) -> None:
    """The items before and after it are stored; it gets what a single submission would (a busy
    database is retryable; anything unexpected is a 500, logged with its trace)."""
    store = submissions.store

    def failing_for_b(
        conn: Connection, prepared: submissions.Prepared, scope: str, now: datetime
    ) -> submissions.Stored:
        if prepared.incident_ref == "WMP-LB":
            raise error
        return store(conn, prepared, scope, now)

    monkeypatch.setattr(submissions, "store", failing_for_b)
    items = [item(f"WMP-L{x}", f"2026-11-22T19:0{i}:00Z") for i, x in enumerate("ABC")]
    with caplog.at_level(logging.ERROR, logger="safesteps.errors"):
        body = db_client.post("/v1/checklists:batch", json={"items": items}).json()
    assert [r["status"] for r in body["results"]] == [201, status, 201]
    assert body["results"][1]["error"]["error"] == code
    assert (body["applied"], body["failed"]) == (2, 1)
    assert [r.message for r in caplog.records] == (["unhandled error"] if status == 500 else [])
    assert db_client.get("/v1/incidents/WMP-LB").status_code == 404
    verified = db_client.get("/v1/audit/verify", headers=as_role(db_client, "auditor")).json()
    assert (verified["verified"], verified["records"]) == (True, 2)


def test_batches_racing_single_submissions_on_one_incident_store_each_once(db_client: TestClient) -> None:
    """Batches and single submissions share the group writer: every item and single is one
    revision, numbered without gaps, each batch's in its device-time order, and the chain verifies."""
    ref = "WMP-RACE"
    batches = [[item(ref, f"2026-11-22T19:{b:02d}:{i:02d}Z") for i in range(5)] for b in range(4)]

    def send(n: int) -> list[int]:
        if n < len(batches):
            answered = db_client.post("/v1/checklists:batch", json={"items": batches[n]}).json()
            return [r["result"]["revision"] for r in answered["results"]]
        return [db_client.post(url(ref), json=submission(ref)).json()["revision"]]

    with ThreadPoolExecutor(8) as pool:
        sent = list(pool.map(send, range(len(batches) + 8)))
    assert sorted(r for revisions in sent for r in revisions) == list(range(1, 29))
    assert all(revisions == sorted(revisions) for revisions in sent[: len(batches)])
    assert db_client.get(f"/v1/incidents/{ref}").json()["revision"] == 28
    verified = db_client.get("/v1/audit/verify", headers=as_role(db_client, "auditor")).json()
    assert (verified["verified"], verified["records"]) == (True, 28)


def test_items_for_one_incident_chain_their_base_revisions_and_a_reused_key_is_409(
    db_client: TestClient,
) -> None:
    """Later items see what earlier ones stored, in device-time order, as when sent one by one."""
    ref = "WMP-CHAIN"
    chained = [
        item(ref, f"2026-11-22T19:0{n}:00Z", base_revision=n, idempotency_key=f"c-{n}") for n in range(3)
    ]
    reused = item(ref, "2026-11-22T19:09:00Z", idempotency_key="c-0", submitted_by="someone else")
    body = db_client.post(
        "/v1/checklists:batch", json={"items": [chained[2], reused, chained[0], chained[1]]}
    ).json()
    assert [(r["status"], (r["result"] or {}).get("revision")) for r in body["results"]] == [
        (201, 3),
        (409, None),
        (201, 1),
        (201, 2),
    ]
    assert body["results"][1]["error"]["error"] == "idempotency_key_reused"
    assert db_client.get(f"/v1/incidents/{ref}").json()["revision"] == 3
