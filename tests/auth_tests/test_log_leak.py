"""Nothing personal from a checklist reaches the logs: not on success, not on any error path."""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.observability import JsonFormatter
from app.rules import engine
from app.settings import Settings
from tests.auth import as_role
from tests.auth_tests.personal import SECRETS, leaked, personal_submission
from tests.submissions import url

REF = "WMP-20261122-0042"


@pytest.fixture
def app_client(settings: Settings) -> Iterator[TestClient]:
    # DEBUG everywhere: the most a misconfigured deployment could log.
    debug = Settings(**{**settings.model_dump(), "log_level": "DEBUG"})
    with TestClient(create_app(debug), raise_server_exceptions=False) as client:
        client.headers.update(as_role(client, "control_room"))
        yield client


def exercise(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    body = personal_submission(REF)
    statuses = []

    def send(method: str, path: str, **kwargs: Any) -> None:
        statuses.append(client.request(method, path, **kwargs).status_code)

    send("POST", "/v1/evaluate", json={"checklist": body["checklist"]})
    send("POST", url(REF), json=body, headers={"Idempotency-Key": "leak-1"})
    conflicting = copy.deepcopy(body)
    conflicting["checklist"]["children"][0]["account"] = f"{SECRETS['account']} again"
    send("POST", url(REF), json=conflicting, headers={"Idempotency-Key": "leak-1"})  # 409
    send("POST", url("WMP-OTHER"), json=body)  # reference mismatch
    wrong_type = copy.deepcopy(body)
    wrong_type["checklist"]["children"][0]["age"] = SECRETS["child_name"]  # 422
    send("POST", url(REF), json=wrong_type)
    unknown_field = copy.deepcopy(body)
    unknown_field["checklist"]["children"][0][SECRETS["adult_name"]] = SECRETS["adult_dob"]
    send("POST", "/v1/evaluate", json={"checklist": unknown_field["checklist"]})
    bad_pattern = copy.deepcopy(body)
    bad_pattern["checklist"]["incident"]["force"] = SECRETS["carer_name"]
    send("POST", "/v1/evaluate", json={"checklist": bad_pattern["checklist"]})
    send(
        "POST",
        "/v1/evaluate",
        content=json.dumps(body).encode()[:-40],
        headers={"Content-Type": "application/json"},
    )  # malformed JSON
    send("POST", "/v1/evaluate", content=json.dumps(body).encode() * 1000)  # too large
    send(
        "POST",
        "/v1/checklists:batch",
        json={
            "items": [{**body, "incident_ref": REF}, {"incident_ref": SECRETS["child_name"], **wrong_type}]
        },
    )
    send(
        "GET",
        "/v1/incidents",
        params={"force": SECRETS["child_name"][:16], "hook": SECRETS["address"]},
    )
    send("GET", f"/v1/incidents/{REF}")
    send("POST", url(REF), json=body, headers={"Authorization": f"Bearer {SECRETS['gp']}"})  # 401
    send("GET", f"/v1/incidents/{REF}", headers={"X-Request-ID": SECRETS["child_name"]})

    def explode(*_: Any, **__: Any) -> Any:
        raise RuntimeError(f"engine failed on {SECRETS['child_name']} born {SECRETS['child_dob']}")

    monkeypatch.setattr(engine, "evaluate", explode)  # under ``decide``: every way into the engine
    send("POST", "/v1/evaluate", json={"checklist": body["checklist"]})  # 500
    send("POST", url(REF), json=body)  # 500
    return statuses


def test_no_personal_data_in_any_log_line(
    app_client: TestClient,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    capsys.readouterr()
    statuses = exercise(app_client, monkeypatch)
    # Every path was taken: success, conflict, validation, malformed, too large, auth, server error.
    assert {200, 201, 400, 401, 409, 413, 422, 500} <= set(statuses), statuses

    emitted = capsys.readouterr().err
    formatter = JsonFormatter()
    records = "\n".join(formatter.format(r) + "\n" + r.getMessage() for r in caplog.records)
    lines = [json.loads(line) for line in emitted.splitlines() if line.startswith("{")]
    assert sum(1 for line in lines if line["logger"] == "safesteps.access") == len(statuses)
    assert "validation error" in emitted
    assert "unhandled error" in emitted
    assert leaked(emitted) == []
    assert leaked(records) == []


def test_the_responses_themselves_do_not_echo_rejected_input(app_client: TestClient) -> None:
    body = personal_submission(REF)
    body["checklist"]["children"][0]["age"] = SECRETS["child_name"]
    response = app_client.post("/v1/evaluate", json={"checklist": body["checklist"]})
    assert response.status_code == 422
    assert leaked(response.text) == []
