"""The inline lane answers evaluate requests exactly as FastAPI's plain path does, errors included."""

from __future__ import annotations

import email.message
import json
import threading
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.auth.roles import GRANTS, Role
from app.http.inline import InlineLane, _is_json
from app.main import create_app
from app.routers import evaluate as route_module
from app.services import evaluation
from app.settings import Settings
from benchmarks.corpus import generate, request_body
from tests.auth import credentials_for

CHECKLISTS = generate(6, seed=11)
SKIPPED = {"x-request-id", "date"}


@pytest.fixture
def clients(settings: Settings) -> Iterator[tuple[TestClient, TestClient]]:
    """The service, and the same service without the inline lane (every request on FastAPI's plain
    path); one database, so one credential works for both."""
    plain_app = create_app(settings)
    lanes = [m for m in plain_app.user_middleware if getattr(m, "cls", None) is InlineLane]
    assert len(lanes) == 1
    plain_app.user_middleware.remove(lanes[0])
    with TestClient(create_app(settings)) as inline, TestClient(plain_app) as plain:
        yield inline, plain


def keys(client: TestClient) -> dict[str, dict[str, str]]:
    creds = credentials_for(client.app)  # type: ignore[arg-type]
    without = next(r for r in Role if "evaluate" not in GRANTS[r])
    return {
        "control_room": creds.headers("control_room"),
        "no_permission": creds.headers(without),
        "wrong_key": {"Authorization": "Bearer ss_not-a-real-key"},
        "none": {},
    }


def valid_bodies() -> list[bytes]:
    bodies = [
        json.dumps(request_body(c, hook)).encode() for c in CHECKLISTS for hook in ("scene.depart", None)
    ]
    pinned = {**request_body(CHECKLISTS[0]), "as_of": "2026-03-01T10:00:00+01:00"}
    explicit = {**request_body(CHECKLISTS[1]), "ruleset": {"id": "concern-for-a-child", "version": "1.0.0"}}
    return [*bodies, json.dumps(pinned).encode(), json.dumps(explicit).encode()]


def invalid_bodies() -> list[bytes]:
    good = request_body(CHECKLISTS[2])
    return [
        b"",
        b"{",
        b"[1, 2]",
        b'{"checklist": NaN}',
        json.dumps({**good, "surprise": 1}).encode(),
        json.dumps({**good, "hook": "no.such_hook"}).encode(),
        json.dumps({**good, "as_of": "yesterday"}).encode(),
        json.dumps({**good, "ruleset": {"id": "concern-for-a-child", "version": "9.9.9"}}).encode(),
        json.dumps({**good, "checklist": {**good["checklist"], "children": "many"}}).encode(),
    ]


def answer(client: TestClient, body: bytes, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    response = client.post("/v1/evaluate", content=body, headers=headers)
    kept = {k: v for k, v in response.headers.items() if k not in SKIPPED}
    return response.status_code, kept, response.content


@pytest.mark.parametrize("content_type", ["application/json", "application/json; charset=utf-8"])
def test_valid_requests_get_the_plain_handlers_answer_byte_for_byte(
    clients: tuple[TestClient, TestClient], content_type: str
) -> None:
    inline, plain = clients
    auth = keys(inline)
    for body in valid_bodies():
        for who in ("control_room", "no_permission", "wrong_key", "none"):
            headers = {**auth[who], "content-type": content_type}
            got, expected = answer(inline, body, headers), answer(plain, body, headers)
            assert got == expected, (who, body[:80])
            if who == "control_room":
                assert got[0] == 200
                assert json.loads(got[2])["ruleset"]["id"] == "concern-for-a-child"


@pytest.mark.parametrize("content_type", ["application/json", "application/problem+json", "text/plain", None])
def test_every_error_is_the_plain_handlers_status_headers_and_body(
    clients: tuple[TestClient, TestClient], content_type: str | None
) -> None:
    inline, plain = clients
    auth = keys(inline)
    statuses = set()
    for body in [*invalid_bodies(), valid_bodies()[0]]:
        for who in ("control_room", "no_permission", "none"):
            headers = dict(auth[who])
            if content_type is not None:
                headers["content-type"] = content_type
            got = answer(inline, body, headers)
            assert got == answer(plain, body, headers), (who, content_type, body[:80])
            statuses.add(got[0])
    if content_type == "application/json":
        assert {400, 401, 403, 404, 422} <= statuses  # every kind of refusal was compared


def test_the_lane_evaluates_on_the_event_loop_and_the_plain_path_in_the_thread_pool(
    clients: tuple[TestClient, TestClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    real = evaluation.evaluate_checklist

    def recording(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(route_module, "evaluate_checklist", recording)  # the name the route calls
    inline, plain = clients
    headers = {**keys(inline)["control_room"], "content-type": "application/json"}
    body = valid_bodies()[0]
    assert answer(inline, body, headers)[0] == answer(plain, body, headers)[0] == 200
    assert "AnyIO worker thread" not in threads[0]
    assert "AnyIO worker thread" in threads[1]


def test_the_access_log_request_id_and_body_limit_apply_to_the_lane_as_to_the_plain_path(
    clients: tuple[TestClient, TestClient], settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    inline, plain = clients
    headers = {
        **keys(inline)["control_room"],
        "content-type": "application/json",
        "x-request-id": "lane-test-1",
    }
    lines = []
    for client in (inline, plain):
        caplog.clear()
        with caplog.at_level("INFO", logger="safesteps.access"):
            response = client.post("/v1/evaluate", content=valid_bodies()[0], headers=headers)
        assert response.headers["x-request-id"] == "lane-test-1"
        [record] = [r for r in caplog.records if r.name == "safesteps.access"]
        fields = dict(record.fields)  # type: ignore[attr-defined]
        fields.pop("duration_ms")
        lines.append(fields)
    assert lines[0] == lines[1]
    assert lines[0]["route"] == "/v1/evaluate"
    assert lines[0]["status"] == 200
    too_big = b'{"checklist": "' + b"x" * (settings.max_body_bytes + 1) + b'"}'
    for method, path, body in (
        ("POST", "/v1/evaluate", too_big),
        ("GET", "/v1/evaluate", b""),
        ("POST", "/v1/evaluate/", valid_bodies()[0]),
    ):
        got = inline.request(method, path, content=body, headers=headers)
        expected = plain.request(method, path, content=body, headers=headers)
        assert (got.status_code, got.content) == (expected.status_code, expected.content), (method, path)


@pytest.mark.parametrize(
    ("content_type", "lane"),
    [
        ("application/json", True),
        ("Application/JSON; charset=utf-8", True),
        ("application/vnd.api+json", True),
        (" application/json ;charset=utf-8", True),
        ("application/json-patch", False),
        ("application", False),
        ("application/ json", False),
        ("text/json", False),
        ("application/json garbage", False),
    ],
)
def test_the_lane_takes_a_body_as_json_only_where_fastapi_would(content_type: str, lane: bool) -> None:
    message = email.message.Message()
    message["content-type"] = content_type
    subtype = message.get_content_subtype()
    fastapi_reads_json = message.get_content_maintype() == "application" and (
        subtype == "json" or subtype.endswith("+json")
    )
    assert _is_json(content_type) is lane
    assert not lane or fastapi_reads_json  # never JSON where FastAPI would not read JSON
