"""The Python client in clients/python: generated from the committed OpenAPI document (no drift), its
retry helper always sends one Idempotency-Key per save, and it drives the live service."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import httpx
import pytest
from safesteps_client import AuthenticatedClient
from safesteps_client.api.evaluate import evaluate
from safesteps_client.api.incidents import get_outstanding_steps
from safesteps_client.api.rulesets import list_hooks
from safesteps_client.models import (
    BatchRequest,
    BatchResult,
    ErrorBody,
    EvaluateRequest,
    IncidentOutstanding,
    SubmissionCreate,
    SubmissionResult,
)
from safesteps_client.retry import submit_batch, submit_checklist

from tests.live import create_key, live_server
from tests.submissions import submission

ROOT = Path(__file__).resolve().parents[2]


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_client", ROOT / "scripts" / "generate_client.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_client_is_what_the_generator_makes_from_the_committed_document() -> None:
    assert generator().drift() == [], "clients/python is out of date: run `make client` and commit the result"


class Recorder:
    """A transport answering from a script of statuses, recording each request's Idempotency-Key."""

    def __init__(self, statuses: list[int | Exception], body: dict[str, object]) -> None:
        self.statuses, self.body = list(statuses), body
        self.keys: list[str | None] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.keys.append(request.headers.get("Idempotency-Key"))
        status = self.statuses.pop(0)
        if isinstance(status, Exception):
            raise status
        headers = {"Retry-After": "7"} if status == 503 else {}
        body = self.body if status < 400 else {"error": "database_unavailable", "message": "retry"}
        return httpx.Response(status, json=body, headers=headers)


def client_with(recorder: Recorder) -> AuthenticatedClient:
    client = AuthenticatedClient(base_url="http://safesteps.test", token="ss_test")
    client.set_httpx_client(
        httpx.Client(base_url="http://safesteps.test", transport=httpx.MockTransport(recorder))
    )
    return client


STORED = json.loads((ROOT / "openapi" / "openapi.json").read_text("utf-8"))["paths"][
    "/v1/incidents/{incident_ref}/checklists"
]["post"]["responses"]["201"]["content"]["application/json"]["example"]


def test_retries_send_one_idempotency_key_and_honour_retry_after() -> None:
    recorder = Recorder([httpx.ConnectError("dropped"), 503, 429, 201], STORED)
    waits: list[float] = []
    response = submit_checklist(
        client_with(recorder),
        "WMP-20261122-0042",
        SubmissionCreate.from_dict(submission()),
        sleep=waits.append,
    )
    assert response.status_code == 201
    assert isinstance(response.parsed, SubmissionResult)
    assert len(recorder.keys) == 4
    assert len(set(recorder.keys)) == 1  # the same key on every attempt...
    assert recorder.keys[0]  # ...and always one, though the caller gave none
    assert waits[1] == 7  # Retry-After honoured; the others back off with jitter
    assert len(waits) == 3


@pytest.mark.parametrize("status", [409, 412, 422])
def test_answers_that_a_retry_cannot_change_are_returned_at_once(status: int) -> None:
    recorder = Recorder([status], STORED)
    response = submit_checklist(
        client_with(recorder),
        "WMP-20261122-0042",
        SubmissionCreate.from_dict(submission()),
        idempotency_key="mdt-0815-000001",
        sleep=lambda _: None,
    )
    assert response.status_code == status
    assert recorder.keys == ["mdt-0815-000001"]


def test_giving_up_returns_the_last_answer() -> None:
    recorder = Recorder([503, 503, 503], STORED)
    response = submit_checklist(
        client_with(recorder),
        "X-1",
        SubmissionCreate.from_dict(submission("X-1")),
        attempts=3,
        sleep=lambda _: None,
    )
    assert response.status_code == 503
    assert len(recorder.keys) == 3


def test_the_live_service_through_the_client(tmp_path: Path) -> None:
    key = create_key(tmp_path, "control_room")
    with live_server(tmp_path) as server:
        client = AuthenticatedClient(base_url=server.url, token=key, raise_on_unexpected_status=True)
        with client:
            hooks = list_hooks.sync(client=client)
            assert hooks is not None
            assert not isinstance(hooks, ErrorBody)
            assert "scene.depart" in [hook.id for hook in hooks.hooks]

            body = EvaluateRequest.from_dict({"hook": "scene.depart", "checklist": submission()["checklist"]})
            decision = evaluate.sync(client=client, body=body)
            assert decision is not None
            assert not isinstance(decision, ErrorBody)
            assert decision.blocking is True

            save = SubmissionCreate.from_dict(submission())
            first = submit_checklist(client, "WMP-20261122-0042", save, idempotency_key="live-0001")
            retry = submit_checklist(client, "WMP-20261122-0042", save, idempotency_key="live-0001")
            assert first.status_code == retry.status_code == 201
            assert retry.headers["Idempotent-Replayed"] == "true"
            assert isinstance(first.parsed, SubmissionResult)
            assert isinstance(retry.parsed, SubmissionResult)
            assert retry.parsed.revision == first.parsed.revision == 1

            queued = submission("WMP-20261122-0043")
            batch = BatchRequest.from_dict({"items": [{**queued, "incident_ref": "WMP-20261122-0043"}]})
            sent = submit_batch(client, batch)
            again = submit_batch(client, batch)  # the key it added makes the retry a replay
            assert isinstance(sent.parsed, BatchResult)
            assert isinstance(again.parsed, BatchResult)
            assert sent.parsed.applied == 1
            assert again.parsed.results[0].replayed is True

            outstanding = get_outstanding_steps.sync("WMP-20261122-0042", client=client)
            assert isinstance(outstanding, IncidentOutstanding)
            assert outstanding.decision_id == first.parsed.decision_id
            assert outstanding.outstanding


def test_a_batch_is_sent_again_while_an_item_was_answered_503_with_the_same_keys() -> None:
    """The items already stored replay on the resend; the last answer has every item's own status."""
    answers = [[201, 503], [201, 503], [201, 201]]
    sent: list[list[str]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        items = json.loads(request.content)["items"]
        sent.append([item["idempotency_key"] for item in items])
        statuses = answers[len(sent) - 1]
        results = [
            {
                "index": i,
                "incident_ref": item["incident_ref"],
                "status": status,
                "replayed": len(sent) > 1 and i == 0,
            }
            for i, (item, status) in enumerate(zip(items, statuses, strict=True))
        ]
        return httpx.Response(200, json={"applied": 1, "failed": statuses.count(503), "results": results})

    client = AuthenticatedClient(base_url="http://safesteps.test", token="ss_test")
    client.set_httpx_client(
        httpx.Client(base_url="http://safesteps.test", transport=httpx.MockTransport(answer))
    )
    queue = [{**submission(ref), "incident_ref": ref} for ref in ("WMP-Q1", "WMP-Q2")]
    waits: list[float] = []
    response = submit_batch(client, BatchRequest.from_dict({"items": queue}), sleep=waits.append)
    assert isinstance(response.parsed, BatchResult)
    assert [r.status for r in response.parsed.results] == [201, 201]
    assert len(sent) == 3
    assert len(waits) == 2
    assert all(sent[0])  # one key per item, though the queue gave none...
    assert all(keys == sent[0] for keys in sent)  # ...kept on every resend

    answers[:] = [[422, 201]]  # an item's 4xx is its answer: not sent again
    sent.clear()
    response = submit_batch(client, BatchRequest.from_dict({"items": queue}), sleep=waits.append)
    assert isinstance(response.parsed, BatchResult)
    assert [r.status for r in response.parsed.results] == [422, 201]
    assert len(sent) == 1
