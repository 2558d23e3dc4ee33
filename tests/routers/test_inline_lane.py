"""The inline lane answers evaluate and submission requests exactly as FastAPI's plain path does,
errors, rate limits and idempotent replays included."""

from __future__ import annotations

import asyncio
import email.message
import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import pytest
from fastapi import APIRouter, Cookie, Depends, Header, Request, Response
from fastapi.testclient import TestClient

from app.auth.roles import GRANTS, Principal, Role
from app.http.guards import Authorize, Credentials, bearer, exact_bearer
from app.http.inline import InlineLane, _is_json, inline_post
from app.http.session import SessionDep
from app.main import create_app
from app.routers import evaluate as route_module
from app.rules import compiler
from app.rules.registry import load_document
from app.schemas.incidents import SubmissionCreate
from app.services import evaluation, submissions
from app.settings import Settings
from benchmarks.corpus import generate, request_body
from tests import database
from tests.auth import credentials_for
from tests.history_support import body as history_body
from tests.history_support import child as history_child
from tests.history_support import history_document
from tests.submissions import submission, url
from tests.synthetic_rulesets import copy_builtin, lock_all, write

CHECKLISTS = generate(6, seed=11)
SKIPPED = {"x-request-id", "date"}


@contextmanager
def service(settings: Settings, *, lane: bool, fused: bool = True) -> Iterator[TestClient]:
    """The service, or (``lane=False``) the same service without the inline lane: every request on
    FastAPI's plain path. ``fused=False``: the lane in the middleware stack, not in front of it
    (``app.http.fused``), as with tracing on."""
    app = create_app(settings)
    app.fuse_lane = fused  # type: ignore[attr-defined]
    if not lane:
        lanes = [m for m in app.user_middleware if getattr(m, "cls", None) is InlineLane]
        assert len(lanes) == 1
        app.user_middleware.remove(lanes[0])
    with TestClient(app) as client:
        yield client


@pytest.fixture(params=[True, False], ids=["fused", "stacked"])
def fused(request: pytest.FixtureRequest) -> bool:
    """The lane fused in front of the middleware stack (as served), or within it."""
    return bool(request.param)


@pytest.fixture
def clients(settings: Settings, fused: bool) -> Iterator[tuple[TestClient, TestClient]]:
    """The service with and without the lane; one database, so one credential works for both."""
    with service(settings, lane=True, fused=fused) as inline, service(settings, lane=False) as plain:
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
        b'{"hook": "scene.depart\xe9"}',  # not UTF-8
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


@pytest.mark.parametrize(
    ("path", "body", "status"),
    [
        ("/v1/evaluate", valid_bodies()[0], 200),
        ("/v1/incidents/{incident_ref}/checklists", json.dumps(submission()).encode(), 201),
    ],
)
def test_the_access_log_request_id_and_body_limit_apply_to_the_lane_as_to_the_plain_path(
    clients: tuple[TestClient, TestClient],
    settings: Settings,
    caplog: pytest.LogCaptureFixture,
    path: str,
    body: bytes,
    status: int,
) -> None:
    inline, plain = clients
    headers = {
        **keys(inline)["control_room"],
        "content-type": "application/json",
        "x-request-id": "lane-test-1",
    }
    sent_to = path.format(incident_ref=submission()["checklist"]["incident"]["reference"])
    lines = []
    for client in (inline, plain):
        caplog.clear()
        with caplog.at_level("INFO", logger="safesteps.access"):
            response = client.post(sent_to, content=body, headers=headers)
        assert response.headers["x-request-id"] == "lane-test-1"
        [record] = [r for r in caplog.records if r.name == "safesteps.access"]
        fields = dict(record.fields)  # type: ignore[attr-defined]
        fields.pop("duration_ms")
        lines.append(fields)
    assert lines[0] == lines[1]
    assert lines[0]["route"] == path
    assert lines[0]["status"] == status
    too_big = b'{"checklist": "' + b"x" * (settings.max_body_bytes + 1) + b'"}'
    for method, to, content in (
        ("POST", sent_to, too_big),
        ("GET", sent_to, b""),
        ("POST", sent_to + "/", body),
    ):
        got = inline.request(method, to, content=content, headers=headers, follow_redirects=False)
        expected = plain.request(method, to, content=content, headers=headers, follow_redirects=False)
        assert (got.status_code, got.content) == (expected.status_code, expected.content), (method, to)
        assert got.status_code in {307, 404, 405, 413}, (method, to)


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


# --- Submissions: POST /v1/incidents/{incident_ref}/checklists ---------------------------------

REF = "WMP-20261122-0042"
JSON = {"content-type": "application/json"}
Submitter = Annotated[Principal, Depends(Authorize("incident:submit"))]
Answer = tuple[int, dict[str, str], Any]
Step = tuple[str, str, bytes, dict[str, str]]  # who, path reference, body, extra headers


def on_each(
    settings: Settings,
    test_database: database.TestDatabase,
    run: Callable[[TestClient], list[Answer]],
    fused: bool,
) -> tuple[list[Answer], list[Answer]]:
    """``run``'s answers through the lane, then through the plain path, each service on a fresh
    database (a submission changes what the next one is answered), one after the other."""
    with service(settings, lane=True, fused=fused) as inline:
        got = run(inline)
    fresh = settings.model_copy(update={"database_url": test_database.fresh_url()})
    with service(fresh, lane=False) as plain:
        return got, run(plain)


class Normalised:
    """Answers with what differs between two databases by design made comparable: a decision id
    becomes its order of first appearance in this client's answers (a replay must repeat the
    original's), the receipt time a placeholder (and so the length, of a compressed body too, is
    set aside)."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.ids: dict[str, str] = {}
        self.who = callers(client)

    def post(self, step: Step) -> Answer:
        caller, ref, body, extra = step
        headers = {**self.who[caller], **JSON, **extra}
        response = self.client.post(url(ref), content=body, headers=headers)
        kept = {k: v for k, v in response.headers.items() if k not in {*SKIPPED, "content-length"}}
        content: Any = json.loads(response.content)
        if "decision_id" in content:
            content["decision_id"] = self.ids.setdefault(content["decision_id"], f"decision-{len(self.ids)}")
            content["received_at"] = "<received_at>"
        return response.status_code, kept, content


def submission_body(ref: str = REF, **change: Any) -> bytes:
    return json.dumps({**submission(ref), **change}).encode()


def callers(client: TestClient) -> dict[str, dict[str, str]]:
    creds = credentials_for(client.app)  # type: ignore[arg-type]
    without = next(r for r in Role if "incident:submit" not in GRANTS[r])
    return {
        "control_room": creds.headers("control_room"),
        "mdt_of_the_force": creds.headers("mdt", force="WMP"),
        "mdt_of_another_force": creds.headers("mdt", force="EASTVALE"),
        "no_permission": creds.headers(without),
        "wrong_key": {"Authorization": "Bearer ss_not-a-real-key"},
        "none": {},
    }


# In order, on each service: every step changes what the next ones are answered, as for a client
# (a revision, a stored key, a stale base). With the status each gets.
SCENARIO: list[tuple[Step, int]] = [
    (("control_room", REF, submission_body(), {"Idempotency-Key": "first"}), 201),
    (("control_room", REF, submission_body(), {"Idempotency-Key": "first"}), 201),  # replayed
    (("control_room", REF, submission_body(submitted_by="other"), {"Idempotency-Key": "first"}), 409),
    (("mdt_of_the_force", REF, submission_body(), {"If-Match": '"1"'}), 201),
    (("mdt_of_the_force", REF, submission_body(), {"If-Match": 'W/"1"'}), 412),  # with the ETag
    (("control_room", REF, submission_body(base_revision=1), {}), 412),  # stale in the body
    (("control_room", REF, submission_body(base_revision=2), {"Idempotency-Key": "second"}), 201),
    (("control_room", REF, submission_body(base_revision=2), {"Idempotency-Key": "second"}), 201),  # replay
    (("control_room", "WMP-NEW-1", submission_body("WMP-NEW-1", base_revision=0), {}), 201),  # created
    (("control_room", "WMP-NEW-1", submission_body("WMP-NEW-1", base_revision=0), {}), 412),  # exists
    (("control_room", REF, submission_body(), {"If-Match": "three"}), 400),  # invalid_if_match
    (("control_room", REF, submission_body(), {"If-Match": '"' + "9" * 70 + '"'}), 422),  # too long
    (("control_room", REF, submission_body(), {"Idempotency-Key": "k" * 256}), 422),
    (("control_room", REF, submission_body(), {"Idempotency-Key": ""}), 422),
    (("control_room", "WMP-OTHER-1", submission_body(), {}), 422),  # reference mismatch
    (("control_room", "-not-a-ref", submission_body("-not-a-ref"), {}), 422),  # path pattern
    (("control_room", "R" * 65, submission_body("R" * 65), {}), 422),  # path length
    (("mdt_of_another_force", REF, submission_body(), {}), 403),  # outside_force
    (("no_permission", REF, submission_body(), {}), 403),
    (("wrong_key", REF, submission_body(), {}), 401),
    (("none", REF, submission_body(), {}), 401),
    (("none", REF, b"{", {}), 400),  # malformed JSON before the credential
    (("none", REF, submission_body(surprise=1), {}), 401),  # the credential before validation
    (("control_room", REF, b"{", {}), 400),
    (("control_room", REF, b'{"hook": "\xe9"}', {}), 400),  # not UTF-8
    (("control_room", REF, b"", {}), 422),
    (("control_room", REF, b"[1, 2]", {}), 422),
    (("control_room", REF, submission_body(surprise=1), {}), 422),
    (("control_room", REF, submission_body(hook="no.such.hook"), {}), 422),
    (("control_room", REF, submission_body(device_time="2026-11-22T19:45:10"), {}), 422),
    (
        ("control_room", REF, submission_body(ruleset={"id": "concern-for-a-child", "version": "9.9.9"}), {}),
        404,
    ),
    (("control_room", REF, submission_body(), {"Idempotency-Key": "k" * 256, "If-Match": "three"}), 422),
    (("mdt_of_the_force", REF, submission_body(), {"content-type": "text/plain"}), 415),
    (("mdt_of_the_force", REF, submission_body(), {"content-type": "application/problem+json"}), 201),
    (("mdt_of_the_force", REF, submission_body(), {"Idempotency-Key": "third", "If-Match": '"4"'}), 201),
]


def test_every_submission_answer_is_the_plain_handlers(
    db_settings: Settings, test_database: database.TestDatabase, fused: bool
) -> None:
    def run(client: TestClient) -> list[Answer]:
        caller = Normalised(client)
        return [caller.post(step) for step, _ in SCENARIO]

    got, expected = on_each(db_settings, test_database, run, fused)
    for (step, status), lane, plain in zip(SCENARIO, got, expected, strict=True):
        assert lane == plain, step
        assert lane[0] == status, step
    replayed = [headers.get("idempotent-replayed") for _, headers, _ in got]
    assert replayed.count("true") == 2
    errors = {body["error"] for status, _, body in got if status >= 400}
    assert errors == {
        "idempotency_key_reused", "stale_revision", "invalid_if_match", "validation_error", "malformed_json",
        "incident_reference_mismatch", "outside_force", "forbidden", "unauthorized", "ruleset_not_found",
        "unsupported_media_type",
    }  # fmt: skip


def test_rate_limits_take_one_token_per_request_on_both_paths(
    db_settings: Settings, test_database: database.TestDatabase, fused: bool
) -> None:
    limited = db_settings.model_copy(update={"rate_limit_per_second": 0.001, "rate_limit_burst": 3})

    def run(client: TestClient) -> list[Answer]:
        caller = Normalised(client)
        return [
            caller.post(("control_room", REF, submission_body(submitted_by=f"MDT {n}"), {})) for n in range(5)
        ]

    got, expected = on_each(limited, test_database, run, fused)
    assert [_waits_set_aside(a) for a in got] == [_waits_set_aside(a) for a in expected]
    assert [status for status, _, _ in got] == [201, 201, 201, 429, 429]
    # The seconds to wait count down from the first request (a slow machine can take one between the
    # two services' refusals): each refusal says 3000 s, the window, or a second or two less.
    for _, headers, _ in got[3:] + expected[3:]:
        assert 2990 <= int(headers["retry-after"]) <= 3000
        assert headers["ratelimit"] == f"limit=3, remaining=0, reset={headers['retry-after']}"


def _waits_set_aside(answer: Answer) -> Answer:
    status, headers, body = answer
    waits = {"retry-after": "<seconds>", "ratelimit": "<reset>"} if "retry-after" in headers else {}
    return status, {**headers, **waits}, body


def test_the_lane_submits_on_the_event_loop_through_the_group_writer(
    clients: tuple[TestClient, TestClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    real = submissions.queued

    def recording(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(submissions, "queued", recording)  # the route calls it by the module
    for client in clients:
        response = client.post(
            url(), content=submission_body(), headers={**keys(client)["control_room"], **JSON}
        )
        assert response.status_code == 201
    assert len(threads) == 2
    assert all("AnyIO worker thread" not in name for name in threads)  # the route is async on both paths


def test_a_history_evaluate_sent_on_to_the_plain_path_takes_one_token(
    tmp_path: Path, settings: Settings
) -> None:
    root = copy_builtin(tmp_path)
    path = write(root, history_document())
    compiler._CHECKED.add((compiler.content_hash(load_document(path)), str(path)))
    lock_all(root)
    limited = settings.model_copy(
        update={"rulesets_dir": root, "rate_limit_per_second": 0.001, "rate_limit_burst": 2}
    )
    sent = history_body("WMP-9", [history_child(ref="NOM-1")]).model_dump(mode="json", exclude_none=True)
    body = json.dumps({k: sent[k] for k in ("checklist", "as_of", "ruleset")}).encode()
    with service(limited, lane=True) as inline, service(limited, lane=False) as plain:
        for client in (inline, plain):
            headers = {**keys(client)["control_room"], **JSON}
            statuses = [
                client.post("/v1/evaluate", content=body, headers=headers).status_code for _ in range(3)
            ]
            assert statuses == [200, 200, 429]


def test_the_lane_takes_only_the_paths_the_router_gives_the_route(
    clients: tuple[TestClient, TestClient],
) -> None:
    for method, path in (
        ("POST", f"/v1/incidents/{REF}/checklists/"),
        ("POST", f"/v1/incidents/{REF}/checklist"),
        ("POST", f"/v1/incidents/{REF}%2Fx/checklists"),
        ("PUT", f"/v1/incidents/{REF}/checklists"),
        ("GET", f"/v1/incidents/{REF}/checklists"),
    ):
        answers = []
        for client in clients:
            headers = {**keys(client)["control_room"], **JSON}
            response = client.request(
                method, path, content=submission_body(), headers=headers, follow_redirects=False
            )
            answers.append((response.status_code, response.headers.get("location"), response.content))
        assert answers[0] == answers[1], (method, path)
        assert answers[0][0] in {307, 404, 405}, (method, path)


async def takes_a_session(body: SubmissionCreate, session: SessionDep, client: Submitter) -> Response:
    return Response()


async def returns_a_model(body: SubmissionCreate, client: Submitter) -> SubmissionCreate:
    return body


async def guarded_twice(body: SubmissionCreate, client: Submitter) -> Response:
    return Response()


async def reads_a_list_header(
    body: SubmissionCreate, client: Submitter, tags: Annotated[list[str], Header()]
) -> Response:
    return Response()


async def reads_a_cookie(body: SubmissionCreate, client: Submitter, c: Annotated[str, Cookie()]) -> Response:
    return Response()


class OwnCall(Authorize):
    async def __call__(self, request: Request, credentials: Credentials) -> Principal:
        return await super().__call__(request, credentials)


async def guarded_by_its_own_call(
    body: SubmissionCreate, client: Annotated[Principal, Depends(OwnCall("incident:submit"))]
) -> Response:
    return Response()


@pytest.mark.parametrize(
    ("endpoint", "declared"),
    [
        (takes_a_session, {}),
        (returns_a_model, {}),
        (guarded_twice, {"dependencies": [Depends(Authorize("evaluate"))]}),
        (reads_a_list_header, {}),
        (reads_a_cookie, {}),
        (guarded_by_its_own_call, {}),  # the lane would call Authorize.check past its __call__
    ],
)
def test_a_route_the_lane_cannot_answer_without_injection_is_refused_where_it_is_declared(
    endpoint: Callable[..., Any], declared: dict[str, Any]
) -> None:
    with pytest.raises(TypeError, match="inline"):
        inline_post(APIRouter(), "/x", **declared)(endpoint)


# --- The credential: every form of Authorization header, on both routes -------------------------

WRONG = "ss_not-a-real-key"


def header_forms(token: str) -> list[list[tuple[str, str]]]:
    """Authorization headers as clients send them; only the last two are the exact form the lane
    reads itself, the rest it leaves to ``HTTPBearer``."""
    return [
        [],
        [("authorization", "")],
        [("authorization", "Bearer")],
        [("authorization", "Bearer ")],
        [("authorization", f"bearer {token}")],
        [("authorization", f"BEARER {token}")],
        [("authorization", f"Basic {token}")],
        [("authorization", f"Bearer  {token}")],
        [("authorization", f"Bearer {token} ")],
        [("authorization", f"Bearer {token}\xa0")],
        [("authorization", f"Bearer\t{token}")],
        [("authorization", f"Bearer {token}"), ("authorization", f"Bearer {token}")],
        [("authorization", f"Bearer {token}"), ("authorization", f"Bearer {WRONG}")],
        [("authorization", f"Bearer {WRONG}")],
        [("authorization", f"Bearer {token}")],
    ]


def sent(form: list[tuple[str, str]]) -> list[tuple[str, bytes]]:
    return [(key, value.encode("latin-1")) for key, value in form]  # as given, not as ASCII


def token_of(headers: dict[str, str]) -> str:
    scheme, token = headers["Authorization"].split(" ")
    assert scheme == "Bearer"
    return token


def test_the_lane_reads_a_token_itself_only_where_the_bearer_reads_that_token() -> None:
    exact = 0
    for form in header_forms("ss_key-1"):
        raw = [(b"host", b"test"), *((k.encode(), v.encode("latin-1")) for k, v in form)]
        request = Request({"type": "http", "headers": raw})
        credentials = asyncio.run(bearer(request))
        once = len(request.headers.getlist("authorization")) == 1
        plain = credentials.credentials if credentials is not None and once else None
        token = exact_bearer(raw)
        assert token is None or token == plain, form
        exact += token is not None
    assert exact == 2


def test_every_form_of_credential_on_evaluate_gets_the_plain_handlers_answer(
    clients: tuple[TestClient, TestClient],
) -> None:
    inline, plain = clients
    statuses = []
    for form in header_forms(token_of(keys(inline)["control_room"])):
        for body in (valid_bodies()[0], b"{", json.dumps({"surprise": 1}).encode()):
            headers = [*sent(form), ("content-type", b"application/json")]
            got, expected = (
                client.post("/v1/evaluate", content=body, headers=headers) for client in (inline, plain)
            )
            lane, plain_path = (
                (r.status_code, {k: v for k, v in r.headers.items() if k not in SKIPPED}, r.content)
                for r in (got, expected)
            )
            assert lane == plain_path, form
            statuses.append(got.status_code)
    assert set(statuses) == {200, 400, 401, 422}


def test_every_form_of_credential_on_a_submission_gets_the_plain_handlers_answer(
    db_settings: Settings, test_database: database.TestDatabase, fused: bool
) -> None:
    def run(client: TestClient) -> list[Answer]:
        caller = Normalised(client)
        answers = []
        for form in header_forms(token_of(caller.who["control_room"])):
            for body in (submission_body(), b"{", submission_body(surprise=1)):
                response = client.post(url(), content=body, headers=[*sent(form), *JSON.items()])
                kept = {k: v for k, v in response.headers.items() if k not in {*SKIPPED, "content-length"}}
                content: Any = json.loads(response.content)
                if "decision_id" in content:
                    content["decision_id"] = "<decision_id>"
                    content["received_at"] = "<received_at>"
                answers.append((response.status_code, kept, content))
        return answers

    got, expected = on_each(db_settings, test_database, run, fused)
    assert got == expected
    assert {status for status, _, _ in got} == {201, 400, 401, 422}
