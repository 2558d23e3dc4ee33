"""The authorisation matrix: every route of the app x every kind of caller -> exactly one status.

The routes come from the app itself. A route added without an entry in ``EXPECTED`` fails
``test_every_route_has_a_rule``; a route added without ``Authorize``/``public`` stops ``create_app``.
The table below is written out by hand on purpose: it is the specification, not a copy of
``app.auth.roles.GRANTS``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.http.guards import api_routes
from app.main import create_app
from app.models.base import utcnow
from app.settings import Settings
from app.ui.security import NONCE_COOKIE, SESSION_COOKIE, csrf_token
from tests.auth import Credentials, credentials_for
from tests.auth_tests import oidc_keys
from tests.history_support import body as history_body
from tests.history_support import child
from tests.submissions import submission, url
from tests.ui.sessions import cookie, csrf_of, sign_in

ROLES = ("control_room", "mdt", "auditor", "rules_admin", "admin")
# The catalogue of rules is for the roles that work with decisions; admin only manages access.
READERS = frozenset(ROLES) - {"admin"}
REF = "WMP-20261122-0042"
LINKED_REF = "WMP-20261122-0043"  # an incident whose child C1 is linked (a person reference)

# operationId -> roles that may call it. None: public.
EXPECTED: dict[str, frozenset[str] | None] = {
    "healthz": None,
    "readyz": None,
    "evaluate": frozenset({"control_room"}),
    "list_rulesets": READERS,
    "get_ruleset_version": READERS,
    "list_hooks": READERS,
    "diff_ruleset_versions": READERS,
    # Offline rule bundles: the roles that evaluate or check decisions; the public key is public.
    "get_bundle_manifest": READERS,
    "get_bundle": READERS,
    "list_bundle_keys": None,
    "create_replay": frozenset({"auditor"}),
    "get_replay": frozenset({"auditor"}),
    "list_replay_results": frozenset({"auditor"}),
    "download_replay_csv": frozenset({"auditor"}),
    "download_replay_jsonl": frozenset({"auditor"}),
    "submit_checklist": frozenset({"control_room", "mdt"}),
    "submit_checklist_batch": frozenset({"control_room", "mdt"}),
    "get_incident": frozenset({"control_room", "auditor"}),
    "list_incidents": frozenset({"control_room", "auditor"}),
    "get_outstanding_steps": frozenset({"control_room", "mdt"}),
    "get_decision": frozenset({"auditor"}),
    "submit_feedback": frozenset({"control_room", "mdt"}),
    "verify_audit_log": frozenset({"auditor"}),
    "feedback_statistics": frozenset({"auditor"}),
    "get_aggregates": frozenset({"auditor"}),
    "list_aggregate_decisions": frozenset({"auditor"}),
    "create_key": frozenset({"admin"}),
    "list_keys": frozenset({"admin"}),
    "revoke_key": frozenset({"admin"}),
    "list_access_events": frozenset({"admin", "auditor"}),
    # A linked person's timeline across incidents (issue 15): auditors only.
    "get_person_timeline": frozenset({"auditor"}),
    # The web interface (/ui): the same roles, through a sign-in session instead of a bearer.
    "ui_overview": frozenset({"auditor"}),
    "ui_decisions": frozenset({"auditor"}),
    "ui_incident": frozenset({"control_room", "auditor"}),
    "ui_person_timeline": frozenset({"auditor"}),
    "ui_decision": frozenset({"auditor"}),
    "ui_verify": frozenset({"auditor"}),
    "ui_replays": frozenset({"auditor"}),
    "ui_start_replay": frozenset({"auditor"}),
    "ui_replay": frozenset({"auditor"}),
    "ui_replay_csv": frozenset({"auditor"}),
    "ui_replay_jsonl": frozenset({"auditor"}),
    "ui_report": frozenset({"auditor"}),
    "ui_sign_in": None,
    "ui_sign_in_with_key": None,
    "ui_oidc_start": None,
    "ui_oidc_callback": None,
    "ui_sign_out": None,
}
# What a public page of the web interface answers whoever asks (OIDC sign-in is not configured here).
UI_PUBLIC = {"ui_sign_in": 200, "ui_sign_in_with_key": 303, "ui_oidc_start": 404, "ui_oidc_callback": 404}
UI_PUBLIC |= {"ui_sign_out": 303}


@dataclass
class World:
    client: TestClient
    creds: Credentials
    decision_id: str
    finding_rule: str
    job_id: str


Request = tuple[str, str, dict[str, Any] | None]
SUCCESS: dict[str, int] = {
    "submit_checklist": 201,
    "create_key": 201,
    "submit_feedback": 201,
    "create_replay": 202,
    "ui_start_replay": 303,
}


def requests(world: World) -> dict[str, Callable[[], Request]]:
    """A valid request per route (a fresh one per call where the route has side effects)."""

    def revoke() -> Request:
        victim = world.creds.key("rules_admin", name="to revoke")
        return ("POST", f"/v1/keys/{victim.split('_')[1]}/revoke", None)

    return {
        "healthz": lambda: ("GET", "/healthz", None),
        "readyz": lambda: ("GET", "/readyz", None),
        "evaluate": lambda: ("POST", "/v1/evaluate", {"checklist": submission()["checklist"]}),
        "list_rulesets": lambda: ("GET", "/v1/rulesets", None),
        "get_ruleset_version": lambda: ("GET", "/v1/rulesets/concern-for-a-child/versions/1.0.0", None),
        "list_hooks": lambda: ("GET", "/v1/hooks", None),
        "diff_ruleset_versions": lambda: (
            "GET",
            "/v1/rulesets/concern-for-a-child/diff?from=1.0.0&to=1.1.0",
            None,
        ),
        "get_bundle_manifest": lambda: ("GET", "/v1/bundles/concern-for-a-child", None),
        "get_bundle": lambda: ("GET", "/v1/bundles/concern-for-a-child/1.1.0", None),
        "list_bundle_keys": lambda: ("GET", "/v1/bundle-keys", None),
        "create_replay": lambda: ("POST", "/v1/replays", {"mode": "as_recorded"}),
        "get_replay": lambda: ("GET", f"/v1/replays/{world.job_id}", None),
        "list_replay_results": lambda: ("GET", f"/v1/replays/{world.job_id}/results", None),
        "download_replay_csv": lambda: ("GET", f"/v1/replays/{world.job_id}/results.csv", None),
        "download_replay_jsonl": lambda: ("GET", f"/v1/replays/{world.job_id}/results.jsonl", None),
        "submit_checklist": lambda: ("POST", url(REF), submission(REF)),
        "submit_checklist_batch": lambda: (
            "POST",
            "/v1/checklists:batch",
            {"items": [{**submission(REF), "incident_ref": REF}]},
        ),
        "get_incident": lambda: ("GET", f"/v1/incidents/{REF}", None),
        "list_incidents": lambda: ("GET", "/v1/incidents", None),
        "get_outstanding_steps": lambda: ("GET", f"/v1/incidents/{REF}/outstanding", None),
        "get_decision": lambda: ("GET", f"/v1/decisions/{world.decision_id}", None),
        "submit_feedback": lambda: (
            "POST",
            f"/v1/decisions/{world.decision_id}/feedback",
            {"rule_id": world.finding_rule, "outcome": "accepted"},
        ),
        "verify_audit_log": lambda: ("GET", "/v1/audit/verify", None),
        "feedback_statistics": lambda: ("GET", "/v1/audit/feedback", None),
        "get_aggregates": lambda: ("GET", "/v1/audit/aggregates", None),
        "list_aggregate_decisions": lambda: ("GET", "/v1/audit/aggregates/decisions", None),
        "create_key": lambda: ("POST", "/v1/keys", {"name": "matrix", "role": "mdt"}),
        "list_keys": lambda: ("GET", "/v1/keys", None),
        "revoke_key": revoke,
        "list_access_events": lambda: ("GET", "/v1/audit/access", None),
        "get_person_timeline": lambda: ("GET", f"/v1/incidents/{LINKED_REF}/people/C1/timeline", None),
        "ui_overview": lambda: ("GET", "/ui/", None),
        "ui_decisions": lambda: ("GET", "/ui/decisions?blocking=true", None),
        "ui_incident": lambda: ("GET", f"/ui/incidents/{REF}", None),
        "ui_person_timeline": lambda: ("GET", f"/ui/incidents/{LINKED_REF}/people/C1", None),
        "ui_decision": lambda: ("GET", f"/ui/decisions/{world.decision_id}", None),
        "ui_verify": lambda: ("GET", "/ui/verify", None),
        "ui_replays": lambda: ("GET", "/ui/replays", None),
        "ui_start_replay": lambda: ("POST", "/ui/replays", {"mode": "as_recorded"}),
        "ui_replay": lambda: ("GET", f"/ui/replays/{world.job_id}", None),
        "ui_replay_csv": lambda: ("GET", f"/ui/replays/{world.job_id}/results.csv", None),
        "ui_replay_jsonl": lambda: ("GET", f"/ui/replays/{world.job_id}/results.jsonl", None),
        "ui_report": lambda: ("GET", "/ui/report", None),
        "ui_sign_in": lambda: ("GET", "/ui/sign-in", None),
        "ui_sign_in_with_key": lambda: ("POST", "/ui/sign-in", {"key": world.creds.key("auditor")}),
        "ui_oidc_start": lambda: ("GET", "/ui/sign-in/oidc", None),
        "ui_oidc_callback": lambda: ("GET", "/ui/sign-in/callback?code=x&state=y", None),
        "ui_sign_out": lambda: ("POST", "/ui/sign-out", {}),
    }


def oidc_settings(base: Settings, tmp_path: Path) -> Settings:
    return Settings(
        **{
            **base.model_dump(),
            "oidc_jwks_file": oidc_keys.write_jwks(tmp_path / "jwks.json"),
            "oidc_issuers": [oidc_keys.ISSUER],
            "oidc_audiences": [oidc_keys.AUDIENCE],
        }
    )


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, sqlite_database: Any) -> Iterator[World]:
    tmp = tmp_path_factory.mktemp("matrix")
    from tests.auth import TEST_LIMITS

    base = Settings(
        environment="test", database_url=sqlite_database.fresh_url(), auto_migrate=False, **TEST_LIMITS
    )
    with TestClient(create_app(oidc_settings(base, tmp))) as client:
        creds = credentials_for(client.app)  # type: ignore[arg-type]
        # The MDT key submits first, so it is the MDT that "submitted to" the incident.
        created = client.post(url(REF), json=submission(REF), headers=creds.headers("mdt"))
        assert created.status_code == 201, created.text
        body = created.json()
        linked = history_body(LINKED_REF, [child(ref="NOM-MATRIX-1")], version=None)
        stored = client.post(
            url(LINKED_REF),
            content=linked.model_dump_json(exclude_none=True),
            headers={**creds.headers("control_room"), "Content-Type": "application/json"},
        )
        assert stored.status_code == 201, stored.text
        job = client.post("/v1/replays", json={"mode": "as_recorded"}, headers=creds.headers("auditor"))
        assert job.status_code == 202, job.text
        yield World(client, creds, body["decision_id"], body["outstanding"][0]["rule_id"], job.json()["id"])


def test_every_route_has_a_rule(world: World) -> None:
    names = [route.name for route in api_routes(world.client.app)]  # type: ignore[arg-type]
    assert len(names) == len(set(names)), "operationIds must be unique"
    assert set(names) == set(EXPECTED), "a route was added or removed: give it a row in EXPECTED"
    assert set(names) == set(requests(world))


CALLERS = [*ROLES, "none", "expired_key", "revoked_key", "jwt_wrong_audience", "jwt_hmac", "jwt_auditor"]


def headers_for(world: World, caller: str) -> dict[str, str]:
    creds = world.creds
    match caller:
        case "none":
            return {}
        case "expired_key":
            return creds.headers("admin", expires_at=utcnow() - timedelta(minutes=1))
        case "revoked_key":
            return creds.headers("admin", revoked=True)
        case "jwt_wrong_audience":
            return {"Authorization": f"Bearer {oidc_keys.token(role='admin', aud='another-service')}"}
        case "jwt_hmac":
            return {"Authorization": f"Bearer {oidc_keys.hmac_token()}"}
        case "jwt_auditor":
            return {"Authorization": f"Bearer {oidc_keys.token(role='auditor')}"}
        case bound if "@" in bound:  # a force-bound key: "auditor@WMP"
            role, force = bound.split("@")
            return creds.headers(role, force=force)
        case role:
            return creds.headers(role)


def expected_status(operation: str, caller: str) -> int:
    allowed = EXPECTED[operation]
    if allowed is None:
        return UI_PUBLIC.get(operation, 200)
    role = {"jwt_auditor": "auditor"}.get(caller, caller)
    if role not in ROLES:
        return 401
    return SUCCESS.get(operation, 200) if role in allowed else 403


def ui_request(world: World, caller: str, method: str, path: str, body: dict[str, Any] | None) -> Any:
    """A page or form as a browser signed in with the caller's credential sends it (if it can sign
    in): the session cookie and, for forms, the CSRF token of a page of that session."""
    credential = headers_for(world, caller).get("Authorization", "").removeprefix("Bearer ")
    client = world.client
    cookies = sign_in(client, credential) if credential else None
    if method == "POST" and path == "/ui/sign-in":
        page = client.get("/ui/sign-in")
        body = {**(body or {}), "csrf": csrf_of(page.text)}
        cookies = {**(cookies or {}), NONCE_COOKIE: page.cookies[NONCE_COOKIE]}
    elif method == "POST":  # the token the session's pages carry
        token = (cookies or {}).get(SESSION_COOKIE)
        settings = client.app.state.settings  # type: ignore[attr-defined]
        body = {**(body or {}), "csrf": csrf_token(settings, token) if token else ""}
    client.cookies.clear()
    return client.request(method, path, data=body, headers=cookie(cookies), follow_redirects=False)


def ui_status(operation: str, caller: str, response: Any) -> int:
    """Without a session a page redirects to the sign-in page (303) and a form answers 401."""
    if response.status_code == 303 and response.headers["location"].startswith("/ui/sign-in?next="):
        return 401
    return int(response.status_code)


@pytest.mark.parametrize("caller", CALLERS)
def test_matrix(world: World, caller: str) -> None:
    specs = requests(world)
    seen: dict[str, int] = {}
    for operation in EXPECTED:
        method, path, body = specs[operation]()
        if operation.startswith("ui_"):
            response = ui_request(world, caller, method, path, body)
            seen[operation] = ui_status(operation, caller, response)
            if response.status_code >= 400:
                assert response.headers["content-type"].startswith("text/html"), operation
            continue
        response = world.client.request(method, path, json=body, headers=headers_for(world, caller))
        seen[operation] = response.status_code
        if response.status_code >= 400:
            error = response.json()
            assert set(error) <= {"error", "message", "fields"}, (operation, error)
            assert error["error"] in {"unauthorized", "forbidden"}, (operation, error)
    assert seen == {op: expected_status(op, caller) for op in EXPECTED}


# Force-bound auditors and admins on every route. The world's incident, decision and replay job are
# WMP's (the job an unbound auditor's); a caller bound to WMP works with them as its own, one bound
# to NTH finds them as if they did not exist. Bound admins make and revoke their own force's keys
# only, so the unbound key the table creates and revokes is out of their reach.
BOUND_DIFFERENCES: dict[str, dict[str, int]] = {
    "auditor@WMP": {"get_replay": 404, "list_replay_results": 404, "download_replay_csv": 404,
                    "download_replay_jsonl": 404, "ui_replay": 404, "ui_replay_csv": 404,
                    "ui_replay_jsonl": 404},
    "auditor@NTH": {"get_incident": 404, "get_decision": 404, "get_replay": 404, "list_replay_results": 404,
                    "download_replay_csv": 404, "download_replay_jsonl": 404, "ui_incident": 404,
                    "ui_decision": 404, "ui_replay": 404, "get_person_timeline": 404,
                    "ui_person_timeline": 404, "ui_replay_csv": 404, "ui_replay_jsonl": 404},
    "admin@WMP": {"create_key": 403, "revoke_key": 404},
    "admin@NTH": {"create_key": 403, "revoke_key": 404},
}  # fmt: skip


@pytest.mark.parametrize("caller", list(BOUND_DIFFERENCES))
def test_matrix_with_force_bound_auditors_and_admins(world: World, caller: str) -> None:
    role = caller.split("@")[0]
    specs = requests(world)
    seen = {}
    for operation in EXPECTED:
        method, path, body = specs[operation]()
        if operation.startswith("ui_"):
            seen[operation] = ui_status(operation, caller, ui_request(world, caller, method, path, body))
            continue
        response = world.client.request(method, path, json=body, headers=headers_for(world, caller))
        seen[operation] = response.status_code
        if response.status_code >= 400:
            assert set(response.json()) <= {"error", "message", "fields", "detail"}, (
                operation,
                response.text,
            )
    expected = {op: expected_status(op, role) for op in EXPECTED} | BOUND_DIFFERENCES[caller]
    assert {op: s for op, s in seen.items() if s != expected[op]} == {}
