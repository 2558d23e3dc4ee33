"""POST /v1/evaluate and the catalogue endpoints, through httpx against the real app."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.rules.checklist import Checklist
from tests.conftest import load_fixture

# Officers attended (from 1.2.0, identifying children and checking adults are due once they have).
INCIDENT = {
    "reference": "INC-2025-000123",
    "force": "TEST",
    "type": "neighbour_dispute",
    "attended_at": "2026-12-01T08:00:00Z",
}


def body(**overrides: Any) -> dict[str, Any]:
    checklist = {
        "incident": dict(INCIDENT),  # a copy: tests change it
        "children": [{"id": "C1", "identified": True}, {"id": "C2", "identified": False}],
        "adults": [{"id": "A1", "roles": ["carer"], "identified": True, "checks": {"done": False}}],
    }
    return {"checklist": checklist, "hook": "scene.depart"} | overrides


def test_evaluate_reports_missing_critical_steps_and_blocks_departure(client: TestClient) -> None:
    response = client.post("/v1/evaluate", json=body())
    assert response.status_code == 200
    decision = response.json()
    assert decision["hook"] == "scene.depart"
    assert decision["blocking"] is True
    flagged = {f["rule_id"]: f for f in decision["findings"]}
    assert flagged["CFC-IDENTIFY-ALL-CHILDREN"]["outcome"] == "missing"
    assert flagged["CFC-CHECK-ALL-ADULTS"]["outcome"] == "missing"
    assert flagged["CFC-CHECK-ALL-ADULTS"]["severity"] == "critical"
    assert flagged["CFC-CHECK-ALL-ADULTS"]["references"], "every finding cites its source"
    severities = [f["severity"] for f in decision["findings"]]
    assert severities == sorted(severities, key=["critical", "high", "medium", "low"].index)


def test_evaluate_names_ruleset_version_hash_and_engine(client: TestClient) -> None:
    decision = client.post("/v1/evaluate", json=body()).json()
    listed = client.get("/v1/rulesets").json()
    versions = {v["version"]: v["hash"] for rs in listed for v in rs["versions"]}
    assert decision["ruleset"]["id"] == "concern-for-a-child"
    assert versions[decision["ruleset"]["version"]] == decision["ruleset"]["hash"]
    assert decision["engine_version"].startswith("safesteps-rules/")


def test_as_of_defaults_to_the_latest_recorded_time(client: TestClient) -> None:
    payload = body()
    payload["checklist"]["incident"] |= {
        "reported_at": "2025-03-01T20:00:00Z",
        "attended_at": "2025-03-01T20:30:00+00:00",
    }
    assert client.post("/v1/evaluate", json=payload).json()["as_of"] == "2025-03-01T20:30:00Z"
    explicit = client.post("/v1/evaluate", json=payload | {"as_of": "2025-03-02T08:00:00Z"}).json()
    assert explicit["as_of"] == "2025-03-02T08:00:00Z"


def test_a_checklist_without_times_is_decided_by_the_version_in_force_today(client: TestClient) -> None:
    """No ``as_of`` and no time in the checklist: the version in force on the service's date, never
    one published ahead of its effective date (1.3.0 comes into force on 2027-01-04)."""
    from app.models.base import utcnow
    from app.rules.registry import RulesetRegistry

    timeless = body()
    timeless["checklist"]["incident"] = {
        "reference": "INC-2025-000124",
        "force": "TEST",
        "type": "neighbour_dispute",
    }
    decision = client.post("/v1/evaluate", json=timeless).json()
    in_force = RulesetRegistry.load().in_force("concern-for-a-child", utcnow().date())
    assert decision["as_of"] is None
    assert decision["ruleset"]["version"] == in_force.document.version
    assert "history" not in decision


def test_a_step_a_partial_checklist_does_not_record_is_never_missing_as_if_recorded_not_done(
    client: TestClient,
) -> None:
    """Before 1.2.0 it is unknown; from 1.2.0, still unrecorded when it is due (officers attended
    and are leaving), it is missing with the basis not_recorded. Either way a critical step left
    open blocks departure."""
    partial = {"checklist": {"incident": dict(INCIDENT), "children": [{"id": "C1"}]}, "hook": "scene.depart"}
    older = client.post("/v1/evaluate", json=partial | {"ruleset": {"version": "1.1.0"}}).json()
    assert older["outcomes"]["CFC-IDENTIFY-ALL-CHILDREN"] == "unknown"
    assert older["blocking"] is True, "a critical step not yet recorded still blocks departure"
    current = client.post("/v1/evaluate", json=partial | {"ruleset": {"version": "1.2.0"}}).json()
    assert current["outcomes"]["CFC-IDENTIFY-ALL-CHILDREN"] == "missing"
    (finding,) = [f for f in current["findings"] if f["rule_id"] == "CFC-IDENTIFY-ALL-CHILDREN"]
    assert finding["basis"] == "not_recorded"
    assert current["blocking"] is True


def test_explicit_unknown_version_is_404(client: TestClient) -> None:
    response = client.post(
        "/v1/evaluate", json=body(ruleset={"id": "concern-for-a-child", "version": "9.9.9"})
    )
    assert response.status_code == 404
    assert response.json() == {
        "error": "ruleset_not_found",
        "message": "No such rule set or version, or none in force at that time.",
    }


def test_unknown_ruleset_is_404(client: TestClient) -> None:
    response = client.post("/v1/evaluate", json=body(ruleset={"id": "no-such-set"}))
    assert response.status_code == 404
    assert response.json()["error"] == "ruleset_not_found"


@pytest.mark.parametrize(
    ("mutate", "path", "kind"),
    [
        (
            lambda b: b["checklist"]["children"][0].update(identified="perhaps"),
            "body.checklist.children[0].identified",
            "bool_parsing",
        ),
        (
            lambda b: b["checklist"]["adults"][0].update(shoe_size=9),
            "body.checklist.adults[0].<unknown field>",  # the client's own key is not echoed
            "extra_forbidden",
        ),
        (lambda b: b.update(hook="scene.teleport"), "body.hook", "unknown_hook"),
        (
            lambda b: b["checklist"]["incident"].pop("reference"),
            "body.checklist.incident.reference",
            "missing",
        ),
        (lambda b: b.update(as_of="2025-03-01T10:00:00"), "body.as_of", "timezone_aware"),
        (
            lambda b: b["checklist"].update(schema_version=99),
            "body.checklist.schema_version",
            "literal_error",
        ),
        (
            lambda b: b["checklist"].update(children=[{"id": f"C{i}"} for i in range(31)]),
            "body.checklist.children",
            "too_long",
        ),
    ],
)
def test_invalid_payloads_get_422_with_the_field_path(
    client: TestClient, mutate: Any, path: str, kind: str
) -> None:
    payload = body()
    mutate(payload)
    response = client.post("/v1/evaluate", json=payload)
    assert response.status_code == 422
    error = response.json()
    assert error["error"] == "validation_error"
    assert {"path": path, "type": kind} in [{"path": f["path"], "type": f["type"]} for f in error["fields"]]


def test_validation_errors_do_not_echo_input(client: TestClient) -> None:
    payload = body()
    payload["checklist"]["children"][0]["full_name"] = 12345
    response = client.post("/v1/evaluate", json=payload)
    assert response.status_code == 422
    assert "12345" not in response.text


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b'{"checklist": ', "Expecting value at character 14"),
        (b'{"hook": "scene.depart', "Unterminated string starting at character 9"),
        (b'{"hook": "sc\xe9ne.depart"}', "Not UTF-8 text: an invalid byte at byte 12"),  # Latin-1
    ],
)
def test_malformed_json_is_400_saying_where(client: TestClient, content: bytes, problem: str) -> None:
    response = client.post("/v1/evaluate", content=content, headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json() == {
        "error": "malformed_json",
        "message": "The request body is not valid JSON.",
        "fields": [{"path": "body", "message": problem, "type": "json_invalid"}],
    }


def test_oversized_body_is_413(client: TestClient) -> None:
    response = client.post(
        "/v1/evaluate", content=b" " * (5 * 1024 * 1024), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["error"] == "payload_too_large"


def test_oversized_chunked_body_is_413(client: TestClient) -> None:
    def chunks() -> Any:
        for _ in range(6):
            yield b" " * (1024 * 1024)

    response = client.post("/v1/evaluate", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_unknown_route_and_method_use_the_error_shape(client: TestClient) -> None:
    assert client.get("/v1/nothing-here").json() == {"error": "not_found", "message": "Not Found"}
    response = client.get("/v1/evaluate")
    assert response.status_code == 405
    assert response.json()["error"] == "method_not_allowed"


def test_ruleset_version_lists_rules_with_citations(client: TestClient) -> None:
    listed = client.get("/v1/rulesets").json()
    [cfc] = [rs for rs in listed if rs["id"] == "concern-for-a-child"]
    version = cfc["versions"][0]["version"]
    detail = client.get(f"/v1/rulesets/concern-for-a-child/versions/{version}").json()
    assert detail["hash"] == cfc["versions"][0]["hash"]
    assert len(detail["rules"]) == cfc["versions"][0]["rule_count"]
    for r in detail["rules"]:
        assert r["references"], r["id"]
        assert r["step"], r["id"]
    missing = client.get("/v1/rulesets/concern-for-a-child/versions/0.0.1")
    assert missing.status_code == 404


def test_hooks_discovery_lists_rules_per_moment(client: TestClient) -> None:
    catalogue = client.get("/v1/hooks").json()
    hooks = {h["id"]: h for h in catalogue["hooks"]}
    assert hooks["scene.depart"]["blocking"] is True
    assert hooks["scene.arrival"]["blocking"] is False
    depart = {r["rule_id"] for r in hooks["scene.depart"]["rules"]}
    assert {"CFC-IDENTIFY-ALL-CHILDREN", "CFC-CHECK-ALL-ADULTS"} <= depart
    bad = client.get("/v1/hooks", params={"version": "x"})
    assert bad.status_code == 422
    assert bad.json()["fields"][0]["path"] == "query.version"


def test_worked_example_children_left_with_unchecked_young_adults(client: TestClient) -> None:
    """Both carers arrested; five children left with two young adults never checked (one a missing
    person); no referral; no contact with the mother. Through the API, at scene departure."""
    response = client.post("/v1/evaluate", json=load_fixture("scenarios/neighbour-dispute.json"))
    assert response.status_code == 200
    decision = response.json()
    assert decision["hook"] == "scene.depart"
    assert decision["blocking"] is True
    critical_missing = {
        f["step_id"]
        for f in decision["findings"]
        if f["severity"] == "critical" and f["outcome"] == "missing"
    }
    assert {
        "CFC-IDENTIFY-ALL-CHILDREN",
        "CFC-CHECK-ALL-ADULTS",
        "CARE-SUITABLE-CARER-CHECKS",
    } <= critical_missing
    assert "REF-CSC-REFERRAL" in critical_missing
    done_well = client.post("/v1/evaluate", json=load_fixture("scenarios/neighbour-dispute-done-well.json"))
    assert done_well.json()["blocking"] is False
    assert not [f for f in done_well.json()["findings"] if f["severity"] == "critical"]


def test_the_checklists_latest_time_is_found_once_a_request(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lane's history check pins ``as_of`` and the handler decides with it: one walk, not two."""
    walks = []
    real = Checklist.latest_time

    def counting(self: Checklist) -> Any:
        walks.append(self)
        return real(self)

    monkeypatch.setattr(Checklist, "latest_time", counting)
    incident = {"reference": "INC-2025-000124", "force": "TEST", "type": "neighbour_dispute"}
    checklist = {"incident": {**incident, "attended_at": "2026-12-01T08:00:00Z"}, "children": []}
    response = client.post("/v1/evaluate", json={"checklist": checklist, "hook": "scene.depart"})
    assert response.status_code == 200, response.text
    assert response.json()["as_of"].startswith("2026-12-01T08:00:00")  # the checklist's latest time
    assert len(walks) == 1
