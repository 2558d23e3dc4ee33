"""History through the API: the submission and evaluate responses carry the facts used; stateless
evaluation looks history up read-only, in the thread pool, within the client's force."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.routers import evaluate as route_module
from app.rules import compiler
from app.rules.registry import load_document
from app.services import evaluation
from app.settings import Settings
from tests.auth import credentials_for
from tests.history_support import body, child, history_document
from tests.synthetic_rulesets import copy_builtin, lock_all, write


@pytest.fixture
def client(tmp_path: Path, db_settings: Settings) -> Iterator[TestClient]:
    root = copy_builtin(tmp_path)
    path = write(root, history_document())
    # ``context.history`` passes the rule linter once history-rules' lint lands (tests/history_support.py).
    compiler._CHECKED.add((compiler.content_hash(load_document(path)), str(path)))
    lock_all(root)
    settings = db_settings.model_copy(update={"rulesets_dir": root})
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def json_of(submission: Any) -> dict[str, Any]:
    data: dict[str, Any] = submission.model_dump(mode="json", exclude_none=True)
    return data


def test_submission_and_evaluate_say_which_history_they_used(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    creds = credentials_for(client.app)  # type: ignore[arg-type]
    headers = creds.headers("control_room")
    first = json_of(body("WMP-1", [child(ref="NOM-200114", name="Ada Example")]))
    stored = client.post("/v1/incidents/WMP-1/checklists", json=first, headers=headers)
    assert stored.status_code == 201, stored.text
    assert stored.json()["history"]["children"][0]["earlier_incidents"] == 0

    threads: list[str] = []
    real = evaluation.evaluate_checklist

    def recording(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(route_module, "evaluate_checklist", recording)
    later = json_of(body("WMP-2", [child(ref="NOM-200114")]))
    request = {k: later[k] for k in ("checklist", "as_of", "ruleset")}
    answered = client.post("/v1/evaluate", json=request, headers=headers)
    assert answered.status_code == 200, answered.text
    facts = answered.json()["history"]
    assert facts["children"][0]["earlier_incidents"] == 1
    assert "AnyIO worker thread" in threads[0]  # the lane handed it to the thread pool
    for text in ("NOM-200114", "Ada Example", "WMP-1", "LOC-0048213"):
        assert text not in answered.text

    # A rule set that reads no history: no lookup, no history, still on the lane.
    builtin = {**request, "ruleset": {"id": "concern-for-a-child", "version": "1.2.0"}}
    plain = client.post("/v1/evaluate", json=builtin, headers=headers)
    assert plain.status_code == 200
    assert "history" not in plain.json()
    assert "AnyIO worker thread" not in threads[1]


def test_a_force_bound_client_gets_no_other_forces_history(client: TestClient) -> None:
    creds = credentials_for(client.app)  # type: ignore[arg-type]
    request = json_of(body("NTH-1", [child(ref="NOM-1")], force="NTH"))
    request = {k: request[k] for k in ("checklist", "as_of", "ruleset")}
    refused = client.post("/v1/evaluate", json=request, headers=creds.headers("control_room", force="WMP"))
    assert refused.status_code == 403
    assert refused.json()["error"] == "outside_force"
