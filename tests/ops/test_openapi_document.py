"""The committed OpenAPI document tells an integrator what the service does and answers: every body
has an example, the main operations have response examples (the engine's own answers), every
response documents its headers, every tag is described, and no operation documents FastAPI's
HTTPValidationError, which the service never sends."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parents[2]
DOCUMENT: dict[str, Any] = json.loads((ROOT / "openapi" / "openapi.json").read_text("utf-8"))
OPERATIONS = {op["operationId"]: op for path in DOCUMENT["paths"].values() for op in path.values()}


def resolve(schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    return DOCUMENT["components"]["schemas"][ref.rsplit("/", 1)[1]] if ref else schema


def test_no_operation_documents_httpvalidationerror() -> None:
    assert "HTTPValidationError" not in json.dumps(DOCUMENT)
    for op in OPERATIONS.values():
        if "422" in op["responses"]:
            schema = op["responses"]["422"]["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/ErrorBody"}, op["operationId"]


@pytest.mark.parametrize("operation_id", [o for o, op in OPERATIONS.items() if "requestBody" in op])
def test_every_request_body_has_an_example(operation_id: str) -> None:
    media = OPERATIONS[operation_id]["requestBody"]["content"]["application/json"]
    assert media.get("example") or media.get("examples") or resolve(media["schema"]).get("examples")


@pytest.mark.parametrize(
    ("operation_id", "status"),
    [("evaluate", "200"), ("submit_checklist", "201"), ("get_outstanding_steps", "200")],
)
def test_main_operations_have_response_examples_that_validate(
    client: TestClient, operation_id: str, status: str
) -> None:
    example = OPERATIONS[operation_id]["responses"][status]["content"]["application/json"]["example"]
    assert example["outstanding" if operation_id != "evaluate" else "findings"]
    assert example["hook"] == "scene.depart"
    if operation_id == "evaluate":  # the engine's own answer to the request example
        request = resolve(OPERATIONS["evaluate"]["requestBody"]["content"]["application/json"]["schema"])
        answer = client.post("/v1/evaluate", json=request["examples"][0]).json()
        assert answer == example


def test_every_response_documents_its_headers() -> None:
    headers = DOCUMENT["components"]["headers"]
    for op in OPERATIONS.values():
        for status, response in op["responses"].items():
            names = set(response["headers"])
            assert "X-Request-ID" in names
            if status in ("429", "503"):
                assert "Retry-After" in names, (op["operationId"], status)
            assert names <= set(headers)
    submitted = OPERATIONS["submit_checklist"]["responses"]["201"]["headers"]
    assert {"ETag", "Location", "Idempotent-Replayed"} <= set(submitted)
    assert "ETag" in OPERATIONS["get_incident"]["responses"]["200"]["headers"]


def test_the_headers_documented_are_the_headers_sent(client: TestClient) -> None:
    from tests.submissions import submission, url

    response = client.post(url(), json=submission(), headers={"Idempotency-Key": "doc-headers-1"})
    assert response.status_code == 201
    documented = set(OPERATIONS["submit_checklist"]["responses"]["201"]["headers"]) - {"Idempotent-Replayed"}
    assert {h.lower() for h in documented} <= set(response.headers)
    again = client.post(url(), json=submission(), headers={"Idempotency-Key": "doc-headers-1"})
    assert again.headers["Idempotent-Replayed"] == "true"


def test_tags_are_described_and_the_description_covers_what_integrators_need() -> None:
    described = {tag["name"] for tag in DOCUMENT["tags"] if tag["description"]}
    used = {tag for op in OPERATIONS.values() for tag in op.get("tags", [])}
    assert used <= described
    text = DOCUMENT["info"]["description"]
    for needed in (
        "Authorization: Bearer",
        "`met`",
        "`missing`",
        "`unknown`",
        "`not_applicable`",
        "`blocking: true`",
        "X-Request-ID",
        "Idempotency-Key",
        "Retry-After",
        "GET /v1/hooks",
    ):
        assert needed in text, needed


def test_json_lines_are_served_and_documented_as_ndjson() -> None:
    content = OPERATIONS["download_replay_jsonl"]["responses"]["200"]["content"]
    assert "application/x-ndjson" in content
