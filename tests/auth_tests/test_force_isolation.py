"""Force isolation beyond incidents and decisions: a force-bound auditor sees only its own force's
access events, feedback statistics and verify counts; a force-bound admin makes keys for its own
force only; an incident never moves between forces. On every backend."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from app.models.base import utcnow
from tests.auth import Credentials
from tests.submissions import submission, url


def for_force(ref: str, force: str, **extra: Any) -> dict[str, Any]:
    body = submission(ref, **extra)
    body["checklist"]["incident"]["force"] = force
    return body


def seed(client: TestClient, creds: Credentials) -> dict[str, str]:
    """One WMP and one NTH incident, each submitted by its own force's client, with feedback."""
    decisions = {}
    for ref, force in (("WMP-1", "WMP"), ("NTH-1", "NTH")):
        created = client.post(url(ref), json=for_force(ref, force), headers=creds.headers("mdt", force=force))
        assert created.status_code == 201, created.text
        body = created.json()
        decisions[force] = body["decision_id"]
        feedback = {
            "rule_id": body["outstanding"][0]["rule_id"],
            "outcome": "overridden",
            "reason_code": "data_error",
        }
        response = client.post(
            f"/v1/decisions/{body['decision_id']}/feedback",
            json=feedback,
            headers=creds.headers("mdt", force=force),
        )
        assert response.status_code == 201, response.text
    return decisions


# ---- force-bound admins ----------------------------------------------------------------------------


def create(client: TestClient, headers: dict[str, str], **body: Any) -> Any:
    return client.post("/v1/keys", json={"name": "new", "role": "auditor", **body}, headers=headers)


def test_a_bound_admin_makes_keys_for_its_own_force_only(
    db_anonymous_client: TestClient, db_creds: Credentials
) -> None:
    admin = db_creds.headers("admin", force="WMP")
    later = (utcnow() + timedelta(days=30)).isoformat()
    assert create(db_anonymous_client, admin, force="WMP").status_code == 201
    for body, status, error, field in (
        ({"force": "NTH"}, 403, "outside_force", "body.force"),
        ({"force": None}, 403, "outside_force", "body.force"),  # an unbound key would see every force
        ({"force": "WMP", "role": "admin"}, 422, "invalid_key_request", "body.expires_at"),
        (
            {"force": "WMP", "expires_at": (utcnow() - timedelta(minutes=1)).isoformat()},
            422,
            "invalid_key_request",
            "body.expires_at",
        ),
    ):
        response = create(db_anonymous_client, admin, **body)
        assert (response.status_code, response.json()["error"]) == (status, error), body
        assert response.json()["fields"][0]["path"] == field
    assert create(db_anonymous_client, admin, force="WMP", role="admin", expires_at=later).status_code == 201


def test_nobody_makes_a_key_that_has_already_expired(
    db_anonymous_client: TestClient, db_creds: Credentials
) -> None:
    past = (utcnow() - timedelta(seconds=1)).isoformat()
    response = create(db_anonymous_client, db_creds.headers("admin"), expires_at=past)
    assert (response.status_code, response.json()["error"]) == (422, "invalid_key_request")


def test_a_bound_admin_lists_and_revokes_its_own_force_s_keys_only(
    db_anonymous_client: TestClient, db_creds: Credentials
) -> None:
    theirs = create(db_anonymous_client, db_creds.headers("admin"), force="NTH").json()["key_id"]
    admin = db_creds.headers("admin", force="WMP")
    ours = create(db_anonymous_client, admin, force="WMP").json()["key_id"]
    listed = db_anonymous_client.get("/v1/keys", headers=admin).json()
    assert {k["force"] for k in listed} == {"WMP"}
    assert ours in {k["key_id"] for k in listed}
    assert db_anonymous_client.post(f"/v1/keys/{theirs}/revoke", headers=admin).status_code == 404
    assert db_anonymous_client.post(f"/v1/keys/{ours}/revoke", headers=admin).status_code == 200
    everything = db_anonymous_client.get("/v1/keys", headers=db_creds.headers("admin")).json()
    assert {"NTH", "WMP"} <= {k["force"] for k in everything}


# ---- force-bound auditors ----------------------------------------------------------------------------


def test_a_bound_auditor_sees_its_own_force_s_access_events_only(
    db_anonymous_client: TestClient, db_creds: Credentials
) -> None:
    seed(db_anonymous_client, db_creds)
    for force in ("WMP", "NTH"):
        headers = db_creds.headers("control_room", force=force)
        assert db_anonymous_client.get(f"/v1/incidents/{force}-1", headers=headers).status_code == 200
    assert db_anonymous_client.get("/v1/incidents", headers=db_creds.headers("auditor")).status_code == 200
    ours = db_anonymous_client.get(
        "/v1/audit/access", headers=db_creds.headers("auditor", force="WMP")
    ).json()["items"]
    assert len(ours) >= 1
    assert {e["force"] for e in ours} == {"WMP"}
    assert "NTH-1" not in {e["target"] for e in ours}
    everyone = db_anonymous_client.get("/v1/audit/access", headers=db_creds.headers("auditor")).json()[
        "items"
    ]
    assert {"WMP", "NTH", None} <= {e["force"] for e in everyone}


def test_a_bound_auditor_s_feedback_statistics_count_its_own_force_only(
    db_anonymous_client: TestClient, db_creds: Credentials
) -> None:
    seed(db_anonymous_client, db_creds)
    ours = db_anonymous_client.get(
        "/v1/audit/feedback", headers=db_creds.headers("auditor", force="WMP")
    ).json()
    everyone = db_anonymous_client.get("/v1/audit/feedback", headers=db_creds.headers("auditor")).json()
    assert (ours["overridden"], everyone["overridden"]) == (1, 2)
    assert ours["by_reason"] == [{"reason_code": "data_error", "count": 1}]


def test_a_bound_auditor_s_verify_counts_its_own_force_and_hides_other_forces_breaks(
    db_anonymous_client: TestClient, db_creds: Credentials, db_engine: Engine
) -> None:
    decisions = seed(db_anonymous_client, db_creds)
    db_anonymous_client.post(url("NTH-2"), json=for_force("NTH-2", "NTH"), headers=db_creds.headers("mdt"))
    wmp = db_creds.headers("auditor", force="WMP")
    ours = db_anonymous_client.get("/v1/audit/verify", headers=wmp).json()
    assert (ours["verified"], ours["records"], ours["head_hash"]) == (True, 1, None)
    assert (ours["parts"]["incident"]["records"], ours["parts"]["decision_feedback"]["records"]) == (1, 1)
    assert (
        db_anonymous_client.get("/v1/audit/verify", headers=db_creds.headers("auditor")).json()["records"]
        == 3
    )

    with db_engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SET LOCAL session_replication_role = replica"))
        conn.execute(
            text("UPDATE decision_record SET requested_by = 'x' WHERE decision_id = :d"),
            {"d": decisions["NTH"]},
        )
    ours = db_anonymous_client.get("/v1/audit/verify", headers=wmp).json()
    assert ours["verified"] is False  # integrity is one for all forces
    assert ours["first_broken"] == {
        "part": "decision_record",
        "seq": 0,
        "decision_id": None,
        "reason": "hash_mismatch",
    }
    theirs = db_anonymous_client.get(
        "/v1/audit/verify", headers=db_creds.headers("auditor", force="NTH")
    ).json()
    assert theirs["first_broken"]["decision_id"] == decisions["NTH"]


# ---- an incident stays with its force ------------------------------------------------------------------


def test_a_revision_can_never_move_an_incident_to_another_force(
    db_anonymous_client: TestClient, db_creds: Credentials
) -> None:
    unbound = db_creds.headers("control_room")
    assert (
        db_anonymous_client.post(url("WMP-1"), json=for_force("WMP-1", "WMP"), headers=unbound).status_code
        == 201
    )
    moved = db_anonymous_client.post(url("WMP-1"), json=for_force("WMP-1", "NTH"), headers=unbound)
    assert (moved.status_code, moved.json()["error"]) == (409, "force_change")
    assert moved.json()["fields"][0]["path"] == "body.checklist.incident.force"
    # A bound client of the other force learns nothing: as if the incident did not exist.
    outsider = db_creds.headers("control_room", force="NTH")
    hidden = db_anonymous_client.post(url("WMP-1"), json=for_force("WMP-1", "NTH"), headers=outsider)
    assert hidden.status_code == 404
    incident = db_anonymous_client.get("/v1/incidents/WMP-1", headers=unbound).json()
    assert (incident["force"], incident["revision"]) == ("WMP", 1)
    batch = db_anonymous_client.post(
        "/v1/checklists:batch",
        json={"items": [{**for_force("WMP-1", "NTH"), "incident_ref": "WMP-1"}]},
        headers=unbound,
    )
    assert batch.json()["results"][0]["status"] == 409
