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
from tests.auth import Credentials, credentials_for
from tests.auth_tests import oidc_keys
from tests.submissions import submission, url

ROLES = ("control_room", "mdt", "auditor", "rules_admin", "admin")
# The catalogue of rules is for the roles that work with decisions; admin only manages access.
READERS = frozenset(ROLES) - {"admin"}
REF = "WMP-20261122-0042"

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
    "create_key": frozenset({"admin"}),
    "list_keys": frozenset({"admin"}),
    "revoke_key": frozenset({"admin"}),
    "list_access_events": frozenset({"admin", "auditor"}),
}


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
        "create_key": lambda: ("POST", "/v1/keys", {"name": "matrix", "role": "mdt"}),
        "list_keys": lambda: ("GET", "/v1/keys", None),
        "revoke_key": revoke,
        "list_access_events": lambda: ("GET", "/v1/audit/access", None),
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
        case role:
            return creds.headers(role)


def expected_status(operation: str, caller: str) -> int:
    allowed = EXPECTED[operation]
    if allowed is None:
        return 200
    role = {"jwt_auditor": "auditor"}.get(caller, caller)
    if role not in ROLES:
        return 401
    return SUCCESS.get(operation, 200) if role in allowed else 403


@pytest.mark.parametrize("caller", CALLERS)
def test_matrix(world: World, caller: str) -> None:
    specs = requests(world)
    seen: dict[str, int] = {}
    for operation in EXPECTED:
        method, path, body = specs[operation]()
        response = world.client.request(method, path, json=body, headers=headers_for(world, caller))
        seen[operation] = response.status_code
        if response.status_code >= 400:
            error = response.json()
            assert set(error) <= {"error", "message", "fields"}, (operation, error)
            assert error["error"] in {"unauthorized", "forbidden"}, (operation, error)
    assert seen == {op: expected_status(op, caller) for op in EXPECTED}
