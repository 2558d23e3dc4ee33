"""No 500 from client input, on either database: values at the edges of their types give a 4xx in
the common shape naming the field, documented for the operation, and never echoed back.

Two layers: a table of the cases found by hand (each with the field it must name), and a
property-based fuzzer that takes every operation of the OpenAPI document with every role (and none),
and sends valid requests with one value replaced by a type extreme (64-bit overflow, dates at year 1
and 9999 with offsets, times without a zone, NUL, lone surrogates, huge text).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.auth.roles import Role
from app.main import create_app
from app.schemas.incidents import EXAMPLE_SUBMISSION
from app.settings import Settings
from tests import database
from tests.auth import TEST_LIMITS, credentials_for
from tests.submissions import submission, url

MARK = "Zq9-hostile"  # in every hostile text, to prove it never comes back


def documented(app: FastAPI, method: str, path: str) -> set[int]:
    doc = app.openapi()
    for template, operations in doc["paths"].items():
        pattern = (
            "^"
            + re.sub(r"\{[^}]+\}", "[^/]+", re.escape(template).replace(r"\{", "{").replace(r"\}", "}"))
            + "$"
        )
        if re.match(pattern, path.split("?")[0]) and method.lower() in operations:
            return {int(code) for code in operations[method.lower()]["responses"]}
    return set()


def common_shape(body: Any) -> bool:
    return (
        isinstance(body, dict) and isinstance(body.get("error"), str) and isinstance(body.get("message"), str)
    )


# ---- the cases found by hand --------------------------------------------------------------------

DATES = ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59.999999-00:01"]


def hostile_cases(decision_id: str) -> Iterator[tuple[str, str, str, dict[str, Any], int, str | None]]:
    """(name, method, path, request kwargs, expected status, field path named)."""
    big = 2**70
    body = submission("WMP-1")
    yield (
        "base_revision 2^70",
        "POST",
        url("WMP-1"),
        {"json": {**body, "base_revision": big}},
        422,
        "body.base_revision",
    )
    yield (
        "base_revision 2^63",
        "POST",
        url("WMP-1"),
        {"json": {**body, "base_revision": 2**63}},
        422,
        "body.base_revision",
    )
    yield (
        "If-Match 40 digits",
        "POST",
        url("WMP-1"),
        {"json": body, "headers": {"If-Match": '"' + "9" * 40 + '"'}},
        400,
        None,
    )
    yield (
        "If-Match 2^63",
        "POST",
        url("WMP-1"),
        {"json": body, "headers": {"If-Match": f'"{2**63}"'}},
        400,
        None,
    )
    yield (
        "If-Match Arabic digits",
        "POST",
        url("WMP-1"),
        {"json": body, "headers": {"If-Match": '"\u0663"'.encode()}},
        400,
        None,
    )
    for date in DATES:
        yield (
            f"device_time {date}",
            "POST",
            url("WMP-1"),
            {"json": submission("WMP-1", device_time=date)},
            422,
            "body.device_time",
        )
        yield f"as_of {date}", "POST", url("WMP-1"), {"json": {**body, "as_of": date}}, 422, "body.as_of"
        yield (
            f"evaluate as_of {date}",
            "POST",
            "/v1/evaluate",
            {"json": {"checklist": body["checklist"], "as_of": date}},
            422,
            "body.as_of",
        )
        yield (
            f"updated_from {date}",
            "GET",
            "/v1/incidents",
            {"params": {"updated_from": date}},
            422,
            "query.updated_from",
        )
        yield (
            f"access since {date}",
            "GET",
            "/v1/audit/access",
            {"params": {"since": date}},
            422,
            "query.since",
        )
        timed = copy.deepcopy(body["checklist"])  # a time inside the checklist, for both endpoints
        timed["children"][0]["seen_at"] = date
        for endpoint, request in (
            (url("WMP-1"), {**body, "checklist": timed}),
            ("/v1/evaluate", {"checklist": timed}),
        ):
            yield (
                f"{endpoint} seen_at {date}",
                "POST",
                endpoint,
                {"json": request},
                422,
                "body.checklist.children[0].seen_at",
            )
        yield (
            f"key expiry {date}",
            "POST",
            "/v1/keys",
            {"json": {"name": "x", "role": "auditor", "expires_at": date}},
            422,
            "body.expires_at",
        )
    yield (
        "updated_from without a zone",
        "GET",
        "/v1/incidents",
        {"params": {"updated_from": "2026-11-22T19:45:10"}},
        422,
        "query.updated_from",
    )
    yield (
        "cursor without a zone",
        "GET",
        "/v1/incidents",
        {"params": {"cursor": "2026-11-22T19:45:10|WMP-1"}},
        422,
        "query.cursor",
    )
    yield (
        "NUL in submitted_by",
        "POST",
        url("WMP-1"),
        {"json": submission("WMP-1", submitted_by=f"{MARK}\x00")},
        422,
        "body.submitted_by",
    )
    nul_child = copy.deepcopy(body)
    nul_child["checklist"]["children"][0]["full_name"] = f"{MARK}\x00"
    yield (
        "NUL in the checklist",
        "POST",
        url("WMP-1"),
        {"json": nul_child},
        422,
        "body.checklist.children[0].full_name",
    )
    yield "NUL in a path", "GET", f"/v1/decisions/{MARK}%00", {}, 422, "path"
    yield (
        "NUL in a query",
        "GET",
        "/v1/audit/access",
        {"params": {"principal_id": f"{MARK}\x00"}},
        422,
        "query.principal_id",
    )
    yield (
        "NUL in an unknown query parameter",
        "GET",
        "/v1/incidents",
        {"params": {"x": "\x00"}},
        422,
        "query.x",
    )
    yield (
        "NUL in a key name",
        "POST",
        "/v1/keys",
        {"json": {"name": f"{MARK}\x00", "role": "auditor"}},
        422,
        "body.name",
    )
    yield (
        "NUL in feedback",
        "POST",
        f"/v1/decisions/{decision_id}/feedback",
        {"json": {"rule_id": "r", "outcome": "accepted", "submitted_by": f"{MARK}\x00"}},
        422,
        "body.submitted_by",
    )
    surrogate = json.dumps(submission("WMP-1", submitted_by=f"{MARK}-SURR")).replace("-SURR", "\\ud800")
    yield (
        "lone surrogate",
        "POST",
        url("WMP-1"),
        {"content": surrogate, "headers": {"content-type": "application/json"}},
        422,
        "body.submitted_by",
    )
    yield "unknown field", "POST", url("WMP-1"), {"json": {**body, MARK: 1}}, 422, "body.<unknown field>"
    for name, path, hooked in (
        ("unknown hook, evaluate", "/v1/evaluate", {"checklist": body["checklist"]}),
        ("unknown hook, submission", url("WMP-1"), body),
    ):
        yield name, "POST", path, {"json": {**hooked, "hook": f"{MARK}." + "x" * 5000}}, 422, "body.hook"
    replay = {"mode": "as_recorded", "selection": {"hook": f"{MARK}.x"}}
    yield "unknown hook, replay", "POST", "/v1/replays", {"json": replay}, 422, "body.selection.hook"
    yield "unknown decision", "GET", f"/v1/decisions/{MARK}", {}, 404, None
    yield "unknown incident", "GET", f"/v1/incidents/WMP-{MARK}", {}, 404, None
    yield (
        "unknown rule set",
        "POST",
        "/v1/evaluate",
        {"json": {"checklist": body["checklist"], "ruleset": {"id": "zq9-hostile"}}},
        404,
        None,
    )
    yield (
        "feedback on a rule that is no finding",
        "POST",
        f"/v1/decisions/{decision_id}/feedback",
        {"json": {"rule_id": MARK, "outcome": "accepted"}},
        422,
        "body.rule_id",
    )
    mismatch = submission(f"WMP-{MARK}")
    yield (
        "reference mismatch",
        "POST",
        url("WMP-1"),
        {"json": mismatch},
        422,
        "body.checklist.incident.reference",
    )


def _role_for(path: str, method: str) -> str:
    if path.startswith("/v1/keys"):
        return "admin"
    reads = path.startswith("/v1/decisions/") and method == "GET"
    if reads or path.startswith(("/v1/audit", "/v1/replays")):
        return "auditor"
    return "control_room"


@pytest.fixture
def hostile_client(db_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(db_settings), raise_server_exceptions=False) as client:
        yield client


def test_hostile_values_get_a_documented_4xx_naming_the_field_and_never_echoed(
    hostile_client: TestClient,
) -> None:
    app: FastAPI = hostile_client.app  # type: ignore[assignment]
    creds = credentials_for(app)
    created = hostile_client.post(
        url("WMP-1"), json=submission("WMP-1"), headers=creds.headers("control_room")
    )
    assert created.status_code == 201
    failures = []
    for name, method, path, kwargs, status, field in hostile_cases(created.json()["decision_id"]):
        headers = {**creds.headers(_role_for(path, method)), **kwargs.pop("headers", {})}
        response = hostile_client.request(method, path, headers=headers, **kwargs)
        body = response.json()
        problems = []
        if response.status_code != status:
            problems.append(f"status {response.status_code}")
        if not common_shape(body):
            problems.append("not the common shape")
        if response.status_code not in documented(app, method, path):
            problems.append("status not documented")
        if field is not None and field not in [f["path"] for f in body.get("fields") or []]:
            problems.append(f"field {field} not named: {body.get('fields')}")
        if MARK in response.text:
            problems.append("echoes the input")
        if problems:
            failures.append((name, problems))
    assert failures == []


def test_one_bad_item_never_fails_a_batch(hostile_client: TestClient) -> None:
    creds = credentials_for(hostile_client.app)  # type: ignore[arg-type]
    items = [
        {**submission("WMP-B1", submitted_by="PC1\x00"), "incident_ref": "WMP-B1"},
        {**submission("WMP-B2"), "incident_ref": "WMP-B2", "base_revision": 2**70},
        {**submission("WMP-B3", device_time="9999-12-31T23:59:59-14:00"), "incident_ref": "WMP-B3"},
        {**submission("WMP-B4"), "incident_ref": "WMP-B4"},
    ]
    response = hostile_client.post(
        "/v1/checklists:batch", json={"items": items}, headers=creds.headers("mdt")
    )
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["status"] for r in results] == [422, 422, 422, 201]
    assert [r["error"]["fields"][0]["path"] for r in results[:3]] == [
        "body.items[0].submitted_by",
        "body.items[1].base_revision",
        "body.items[2].device_time",
    ]


# ---- property-based: every operation, every role, values at the edges of their types ---------------

EXTREMES: list[Any] = [
    2**63,
    -(2**63) - 1,
    2**64,
    10**30,
    -1,
    0,
    1.7976931348623157e308,
    "9999-12-31T23:59:59-14:00",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59.999999+00:00",
    "2026-11-22T19:45:10",
    "2026-02-30T10:00:00Z",
    "\x00",
    f"{MARK}\x00{MARK}",
    "\ud800",
    f"{MARK}\udfff",
    "\U0010ffff",
    "x" * 5000,
    "",
    " ",
    None,
    True,
    [],
    {},
    [None],
    {"\x00": 1},
]
ROLES: list[str | None] = [None, *[r.value for r in Role]]


def _operations(app: FastAPI) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, operation)
        for path, operations in app.openapi()["paths"].items()
        for method, operation in operations.items()
    ]


def _example_body(operation: dict[str, Any]) -> Any:
    if "requestBody" not in operation:
        return None
    if operation["operationId"] == "submit_checklist":
        return copy.deepcopy(EXAMPLE_SUBMISSION)
    if operation["operationId"] == "submit_checklist_batch":
        return {"items": [{**copy.deepcopy(EXAMPLE_SUBMISSION), "incident_ref": "WMP-20261122-0042"}]}
    if operation["operationId"] == "evaluate":
        return {"checklist": copy.deepcopy(EXAMPLE_SUBMISSION["checklist"]), "hook": "scene.depart"}
    if operation["operationId"] == "create_key":
        return {"name": "fuzz", "role": "auditor", "expires_at": "2027-01-01T00:00:00Z"}
    if operation["operationId"] == "create_replay":
        return {"mode": "as_recorded", "selection": {}}
    return {"rule_id": "CFC-SEE-EVERY-CHILD", "outcome": "accepted"}


def _paths_in(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths_in(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths_in(item, (*prefix, index))
    return found


def _replace(document: Any, where: tuple[Any, ...], value: Any) -> Any:
    if not where:
        return value
    node = document
    for part in where[:-1]:
        node = node[part]
    node[where[-1]] = value
    return document


def _encode(text: str) -> str:
    return quote(text, safe="", errors="surrogatepass")


@st.composite
def requests(draw: st.DrawFn, template: str, operation: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    params = operation.get("parameters", [])
    values: dict[str, Any] = {}
    for param in params:
        schema = param.get("schema", {})
        default = "WMP-20261122-0042" if param["in"] == "path" else schema.get("default")
        values[param["name"]] = draw(st.one_of(st.just(default), st.sampled_from(EXTREMES)))
    path = template
    query: dict[str, str] = {}
    headers: dict[str, str] = {}
    for param in params:
        value = values[param["name"]]
        if value is None:
            if param["in"] == "path":
                value = "x"
            else:
                continue
        text = json.dumps(value) if isinstance(value, dict | list | bool) else str(value)
        if param["in"] == "path":
            path = path.replace("{" + param["name"] + "}", _encode(text) or "x")
        elif param["in"] == "query":
            query[param["name"]] = text
        elif param["in"] == "header" and text.isascii() and "\x00" not in text and "\n" not in text:
            headers[param["name"]] = text
    if query:  # encoded by hand: a lone surrogate goes as the bytes a careless client would send
        path += "?" + "&".join(f"{_encode(k)}={_encode(v)}" for k, v in query.items())
    kwargs: dict[str, Any] = {"headers": headers}
    body = _example_body(operation)
    if body is not None:
        where = draw(st.sampled_from(_paths_in(body)))
        body = _replace(body, where, draw(st.sampled_from(EXTREMES)))
        kwargs["content"] = json.dumps(body)  # \ud800 stays an escape, as a client would send it
        kwargs["headers"]["content-type"] = "application/json"
    return path, kwargs


@pytest.fixture(scope="module", params=database.backends())
def fuzz_app(request: pytest.FixtureRequest, sqlite_database: database.TestDatabase) -> Iterator[FastAPI]:
    db = sqlite_database if request.param == "sqlite" else request.getfixturevalue("pg_database")
    app = create_app(
        Settings.model_validate(
            {"environment": "test", "database_url": db.fresh_url(), "auto_migrate": False, **TEST_LIMITS}
        )
    )
    with TestClient(app):
        yield app


def test_no_operation_answers_5xx_to_extreme_values_with_any_role(fuzz_app: FastAPI) -> None:
    """Every operation of the OpenAPI document, with every role and with none, a few examples each."""
    creds = credentials_for(fuzz_app)
    with TestClient(fuzz_app, raise_server_exceptions=False) as client:
        client.post(url(), json=submission(), headers=creds.headers("mdt"))  # something to find
        covered = set()
        for method, template, operation in _operations(fuzz_app):
            for role in ROLES:
                fuzz(client, fuzz_app, method, template, operation, creds.headers(role) if role else {})
                covered.add((method, template, role))
    assert len(covered) == len(_operations(fuzz_app)) * len(ROLES)


def fuzz(
    client: TestClient,
    app: FastAPI,
    method: str,
    template: str,
    operation: dict[str, Any],
    auth: dict[str, str],
) -> None:
    @given(requests(template, operation))
    @settings(max_examples=4, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def call(request: tuple[str, dict[str, Any]]) -> None:
        path, kwargs = request
        kwargs["headers"] = {**kwargs["headers"], **auth}
        response = client.request(method, path, **kwargs)
        assert response.status_code < 500, (method, path, response.text)
        assert response.status_code in documented(app, method, path), (method, path, response.status_code)
        if response.status_code >= 400:
            assert common_shape(response.json()), response.text
            assert MARK not in response.text

    call()
