"""Property-based fuzzing from the OpenAPI document (schemathesis): no 5xx, every response as documented.

Each operation is called with a credential of a role that holds its permission, so the fuzzer gets
past authorisation and into the handlers. The number of examples is bounded to keep the suite fast.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from app.auth.roles import GRANTS
from app.http.guards import api_routes, route_guard
from app.main import create_app
from app.settings import Settings
from tests import database
from tests.auth import TEST_LIMITS, credentials_for
from tests.submissions import submission, url

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def fuzz_app(sqlite_database: database.TestDatabase) -> Iterator[FastAPI]:
    app = create_app(
        Settings(
            environment="test", database_url=sqlite_database.fresh_url(), auto_migrate=False, **TEST_LIMITS
        )
    )
    with TestClient(app) as client:
        creds = credentials_for(app)
        # Something to find: an incident, its decision and feedback.
        client.post(url(), json=submission(), headers=creds.headers("mdt"))
        yield app


@pytest.fixture(scope="module")
def api_schema(fuzz_app: FastAPI) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", fuzz_app)


def headers_for(app: FastAPI, operation_id: str) -> dict[str, str]:
    route = next(r for r in api_routes(app) if r.name == operation_id)
    guard = route_guard(route)
    if guard is None:
        return {}
    role = next(role for role, granted in GRANTS.items() if guard.permission in granted)
    return credentials_for(app).headers(role)


def test_api_conforms_to_its_openapi_document(api_schema: Any, fuzz_app: FastAPI) -> None:
    # Hypothesis driven directly (schemathesis' pytest plugin does not work with this pytest).
    for result in api_schema.get_all_operations():
        operation = result.ok()
        fuzz_operation(operation, headers_for(fuzz_app, operation.definition.raw["operationId"]))


def fuzz_operation(operation: Any, headers: dict[str, str]) -> None:
    @given(case=operation.as_strategy())
    @settings(
        max_examples=8,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def call(case: Any) -> None:
        case.call_and_validate(headers=headers, checks=CHECKS)

    call()


def test_fuzzing_covers_every_operation(api_schema: Any, fuzz_app: FastAPI) -> None:
    operations = {op.ok().definition.raw["operationId"] for op in api_schema.get_all_operations()}
    # The web interface's pages (/ui, include_in_schema=False) are HTML, not API operations.
    documented = {
        route.name
        for route in api_routes(fuzz_app)
        if getattr(route.original_route, "include_in_schema", True)
    }
    assert operations == documented


def test_a_body_not_sent_as_json_is_415_on_every_operation_that_takes_one(fuzz_app: FastAPI) -> None:
    # curl's -d sends a form's content type; some clients send none at all.
    document = fuzz_app.openapi()
    with TestClient(fuzz_app) as client:
        checked = 0
        for path, operations in document["paths"].items():
            for method, operation in operations.items():
                if "requestBody" not in operation:
                    continue
                target = path.replace("{incident_ref}", "WMP-1")
                target = target.replace("{decision_id}", "00000000-0000-0000-0000-000000000000")
                headers = headers_for(fuzz_app, operation["operationId"])
                for content_type in ("application/x-www-form-urlencoded", "text/plain", None):
                    sent = {**headers, **({"content-type": content_type} if content_type else {})}
                    answer = client.request(method, target, content=b'{"a": 1}', headers=sent)
                    assert answer.status_code == 415, (method, path, content_type, answer.text)
                    assert answer.json()["error"] == "unsupported_media_type"
                    assert answer.json()["fields"][0]["path"] == "header.content-type"
                assert "415" in operation["responses"], (method, path)
                checked += 1
    assert checked == 6  # evaluate, submit, batch, feedback, replays, keys
