"""Every read of an incident or decision (and of the audit itself) is recorded, append-only."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from app.db import is_writing
from app.http import guards as deps
from app.main import create_app
from app.services import audit
from app.settings import Settings
from tests.auth import Credentials, as_role
from tests.submissions import submission, url

REF = "WMP-20261122-0042"


def events(client: TestClient, creds: Credentials, **params: str) -> list[dict[str, object]]:
    response = client.get("/v1/audit/access", params=params, headers=creds.headers("admin"))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["next_cursor"] is None  # every test here fits one page
    rows: list[dict[str, object]] = body["items"]
    return rows


def test_reads_are_recorded_with_who_what_when_where_and_answer(
    anonymous_client: TestClient, creds: Credentials
) -> None:
    created = anonymous_client.post(url(REF), json=submission(REF), headers=creds.headers("control_room"))
    decision_id = created.json()["decision_id"]
    auditor = creds.headers("auditor")
    read = anonymous_client.get(f"/v1/incidents/{REF}", headers={**auditor, "X-Request-ID": "read-1"})
    assert read.status_code == 200
    assert anonymous_client.get("/v1/incidents/WMP-NOPE", headers=auditor).status_code == 404
    assert anonymous_client.get(f"/v1/decisions/{decision_id}", headers=auditor).status_code == 200
    assert anonymous_client.get(f"/v1/incidents/{REF}", headers=creds.headers("mdt")).status_code == 403

    rows = events(anonymous_client, creds)
    auditor_id = anonymous_client.get(  # who the auditor key is, from the access log of its own read
        "/v1/audit/access", params={"target": REF, "action": "incident.read"}, headers=auditor
    ).json()["items"][-1]["principal_id"]
    summary = [(r["action"], r["target"], r["status"], r["role"]) for r in reversed(rows)]
    assert summary == [
        ("incident.read", REF, 200, "auditor"),
        ("incident.read", "WMP-NOPE", 404, "auditor"),
        ("decision.read", decision_id, 200, "auditor"),
        ("incident.read", REF, 403, "mdt"),
    ]
    first = rows[-1]
    assert first["principal_id"] == auditor_id
    assert str(auditor_id).startswith("key:")
    assert first["request_id"] == "read-1"
    assert first["client_ip"] == "testclient"
    assert first["at"]


def test_reading_the_access_log_is_recorded_too(anonymous_client: TestClient, creds: Credentials) -> None:
    anonymous_client.get("/v1/audit/access", headers=creds.headers("auditor"))
    rows = events(anonymous_client, creds, action="access.read")
    assert [(r["role"], r["status"]) for r in reversed(rows)] == [("auditor", 200)]
    assert anonymous_client.get("/v1/audit/access", headers=creds.headers("control_room")).status_code == 403


def test_the_access_log_filters_by_an_action_it_records_and_refuses_a_misspelt_one(
    anonymous_client: TestClient, creds: Credentials
) -> None:
    auditor = creds.headers("auditor")
    anonymous_client.get("/v1/audit/verify", headers=auditor)
    assert [r["action"] for r in events(anonymous_client, creds, action="audit.verify")] == ["audit.verify"]
    refused = anonymous_client.get("/v1/audit/access", params={"action": "audit.verfy"}, headers=auditor)
    assert refused.status_code == 422
    (problem,) = refused.json()["fields"]
    assert (problem["path"], problem["type"]) == ("query.action", "unknown_action")
    assert "audit.verify" in problem["message"]  # what it can be, the pages' actions too
    assert "ui.report" in problem["message"]
    assert "verfy" not in refused.text


def test_verify_and_listings_are_recorded(anonymous_client: TestClient, creds: Credentials) -> None:
    anonymous_client.get("/v1/audit/verify", headers=creds.headers("auditor"))
    anonymous_client.get("/v1/incidents", headers=creds.headers("control_room"))
    actions = {r["action"] for r in events(anonymous_client, creds)}
    assert {"audit.verify", "incident.list"} <= actions


def test_access_events_are_append_only_on_postgresql(db_client: TestClient, db_engine: Engine) -> None:
    if db_engine.dialect.name != "postgresql":
        pytest.skip("the append-only trigger is PostgreSQL's")
    db_client.get("/v1/incidents", headers=as_role(db_client, "auditor"))
    for statement in ("UPDATE access_event SET status = 200", "DELETE FROM access_event"):
        with pytest.raises(DBAPIError, match="append-only"), db_engine.begin() as conn:
            conn.execute(text(statement))


def test_no_record_no_disclosure(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        assert client.post(url(REF), json=submission(REF), headers=as_role(client, "mdt")).status_code == 201
        auditor = as_role(client, "auditor")

        def broken(*_: object, **__: object) -> None:
            raise RuntimeError("access_event unavailable")

        monkeypatch.setattr(deps, "record_access", broken)
        response = client.get(f"/v1/incidents/{REF}", headers=auditor)
    assert response.status_code == 500
    assert response.json()["error"] == "internal_error"
    assert REF not in response.text


def test_an_audited_read_stays_a_plain_read(
    anonymous_client: TestClient, creds: Credentials, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On SQLite a writer holds the process's write lock: a chain verification must not.
    seen: list[bool] = []
    original = audit.verify

    def watching(session: Session, **kwargs: Any) -> Any:
        seen.append(is_writing(session))
        return original(session, **kwargs)

    monkeypatch.setattr(audit, "verify", watching)
    assert anonymous_client.get("/v1/audit/verify", headers=creds.headers("auditor")).status_code == 200
    assert seen == [False]
    assert next(r["action"] for r in events(anonymous_client, creds)) == "audit.verify"


def test_exports_are_recorded(anonymous_client: TestClient, creds: Credentials) -> None:
    auditor = creds.headers("auditor")
    job_id = anonymous_client.post("/v1/replays", json={"mode": "as_recorded"}, headers=auditor).json()["id"]
    assert anonymous_client.get(f"/v1/replays/{job_id}/results.csv", headers=auditor).status_code == 200
    assert anonymous_client.get(f"/v1/replays/{job_id}/results.jsonl", headers=auditor).status_code == 200
    exports = events(anonymous_client, creds, action="audit.export")
    assert [(r["target"], r["status"], r["role"]) for r in exports] == [(job_id, 200, "auditor")] * 2
