"""Force binding and "own submissions": another force's incident is 404, exactly like a missing one."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.auth import Credentials
from tests.submissions import submission, url

REF = "WMP-20261122-0042"
MISSING = "WMP-20261122-9999"


def nth(body: dict[str, object]) -> dict[str, object]:
    body["checklist"]["incident"]["force"] = "NTH"  # type: ignore[index]
    return body


def seed(client: TestClient, creds: Credentials) -> dict[str, Any]:
    response = client.post(url(REF), json=submission(REF), headers=creds.headers("mdt", force="WMP"))
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def same_shape_as_missing(client: TestClient, path: str, headers: dict[str, str]) -> None:
    hidden = client.get(path.format(ref=REF), headers=headers)
    missing = client.get(path.format(ref=MISSING), headers=headers)
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == {**missing.json(), "message": missing.json()["message"].replace(MISSING, REF)}


def test_other_forces_incident_is_indistinguishable_from_a_missing_one(
    anonymous_client: TestClient, creds: Credentials
) -> None:
    seed(anonymous_client, creds)
    outsider = creds.headers("control_room", force="NTH")
    same_shape_as_missing(anonymous_client, "/v1/incidents/{ref}", outsider)
    same_shape_as_missing(anonymous_client, "/v1/incidents/{ref}/outstanding", outsider)
    assert (
        anonymous_client.get(
            f"/v1/incidents/{REF}", headers=creds.headers("control_room", force="WMP")
        ).status_code
        == 200
    )
    assert anonymous_client.get(f"/v1/incidents/{REF}", headers=creds.headers("auditor")).status_code == 200


def test_listing_is_limited_to_the_bound_force(anonymous_client: TestClient, creds: Credentials) -> None:
    seed(anonymous_client, creds)

    def refs(headers: dict[str, str], **params: str) -> list[str]:
        page = anonymous_client.get("/v1/incidents", params=params, headers=headers).json()
        return [item["reference"] for item in page["items"]]

    assert refs(creds.headers("control_room", force="WMP")) == [REF]
    assert refs(creds.headers("control_room", force="NTH")) == []
    assert refs(creds.headers("control_room", force="NTH"), force="WMP") == []
    assert refs(creds.headers("auditor", force="NTH")) == []
    assert refs(creds.headers("auditor")) == [REF]


def test_bound_client_cannot_submit_for_or_over_another_force(
    anonymous_client: TestClient, creds: Credentials
) -> None:
    seed(anonymous_client, creds)
    outsider = creds.headers("control_room", force="NTH")
    wrong_force = anonymous_client.post(url(REF), json=submission(REF), headers=outsider)
    assert wrong_force.status_code == 403
    assert wrong_force.json()["error"] == "outside_force"
    # Its own force's checklist under a reference another force holds: its own force's incident
    # (references are unique per force), which leaves the other force's untouched.
    own = anonymous_client.post(url(REF), json=nth(submission(REF)), headers=outsider)
    assert (own.status_code, own.json()["revision"]) == (201, 1)
    for force in ("WMP", "NTH"):
        incident = anonymous_client.get(
            f"/v1/incidents/{REF}", params={"force": force}, headers=creds.headers("auditor")
        ).json()
        assert (incident["force"], incident["revision"]) == (force, 1)
    batch = anonymous_client.post(
        "/v1/checklists:batch",
        json={
            "items": [
                {**nth(submission(REF)), "incident_ref": REF},
                {**nth(submission("NTH-1")), "incident_ref": "NTH-1"},
            ]
        },
        headers=outsider,
    ).json()
    assert [(r["status"], r["result"]["revision"]) for r in batch["results"]] == [(201, 2), (201, 1)]


def test_decisions_follow_their_incident(anonymous_client: TestClient, creds: Credentials) -> None:
    seeded = seed(anonymous_client, creds)
    decision = f"/v1/decisions/{seeded['decision_id']}"
    assert anonymous_client.get(decision, headers=creds.headers("auditor", force="NTH")).status_code == 404
    assert anonymous_client.get(decision, headers=creds.headers("auditor", force="WMP")).status_code == 200
    feedback = {"rule_id": seeded["outstanding"][0]["rule_id"], "outcome": "accepted"}
    outsider = creds.headers("control_room", force="NTH")
    assert anonymous_client.post(f"{decision}/feedback", json=feedback, headers=outsider).status_code == 404
    other_mdt = creds.headers("mdt", force="WMP", name="another MDT")
    assert anonymous_client.post(f"{decision}/feedback", json=feedback, headers=other_mdt).status_code == 404
    own_mdt = creds.headers("mdt", force="WMP")
    assert anonymous_client.post(f"{decision}/feedback", json=feedback, headers=own_mdt).status_code == 201


def test_mdt_sees_outstanding_steps_only_of_incidents_it_submitted_to(
    anonymous_client: TestClient, creds: Credentials
) -> None:
    seeded = seed(anonymous_client, creds)
    own = anonymous_client.get(f"/v1/incidents/{REF}/outstanding", headers=creds.headers("mdt", force="WMP"))
    assert own.status_code == 200
    body = own.json()
    assert body["decision_id"] == seeded["decision_id"]
    assert [s["rule_id"] for s in body["outstanding"]] == [s["rule_id"] for s in seeded["outstanding"]]
    assert "Ada Example" not in own.text  # outstanding steps carry no checklist content
    other = creds.headers("mdt", force="WMP", name="another MDT")
    assert anonymous_client.get(f"/v1/incidents/{REF}/outstanding", headers=other).status_code == 404
    assert anonymous_client.get(f"/v1/incidents/{REF}", headers=creds.headers("mdt")).status_code == 403


def test_replays_are_confined_to_the_bound_force(anonymous_client: TestClient, creds: Credentials) -> None:
    seed(anonymous_client, creds)
    bound = creds.headers("auditor", force="NTH")
    refused = anonymous_client.post(
        "/v1/replays", json={"mode": "as_recorded", "selection": {"force": "WMP"}}, headers=bound
    )
    assert refused.status_code == 403
    assert refused.json()["fields"][0]["path"] == "body.selection.force"
    own = anonymous_client.post("/v1/replays", json={"mode": "as_recorded"}, headers=bound)
    assert own.status_code == 202
    assert own.json()["selection"]["force"] == "NTH"  # confined, not "every force"
    everyone = anonymous_client.post(
        "/v1/replays", json={"mode": "as_recorded"}, headers=creds.headers("auditor")
    )
    other_job = everyone.json()["id"]
    for path in ("", "/results", "/results.csv", "/results.jsonl"):
        assert anonymous_client.get(f"/v1/replays/{other_job}{path}", headers=bound).status_code == 404, path
    assert anonymous_client.get(f"/v1/replays/{own.json()['id']}", headers=bound).status_code == 200
