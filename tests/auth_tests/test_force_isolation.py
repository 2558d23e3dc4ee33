"""Force isolation beyond incidents and decisions: a force-bound auditor sees only its own force's
access events, feedback statistics and verify counts; a force-bound admin makes keys for its own
force only; incident references are unique per force. On every backend."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from app.models.base import utcnow
from app.rules.registry import RulesetRegistry
from app.settings import Settings
from tests import replay_support as rs
from tests.auth import Credentials
from tests.submissions import submission, url
from tests.ui.sessions import cookie, sign_in


@pytest.fixture
def db_settings(db_settings: Settings) -> Settings:
    """A replay test here claims and runs its job in this thread (tests/replay_support.py); the app's
    own replay worker, polling every second, could claim it first, so these apps run none."""
    return db_settings.model_copy(update={"replay_worker": False})


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


# ---- references are unique per force ------------------------------------------------------------------

REF = "REF-20261201-0001"


def incident_url(ref: str, tail: str = "", **query: str) -> str:
    params = "&".join(f"{k}={v}" for k, v in query.items())
    return f"/v1/incidents/{ref}{tail}" + (f"?{params}" if params else "")


def test_two_forces_hold_the_same_reference_as_separate_incidents(
    db_anonymous_client: TestClient, db_creds: Credentials
) -> None:
    client = db_anonymous_client
    made = {}
    for force in ("WMP", "NTH"):
        created = client.post(
            url(REF), json=for_force(REF, force), headers=db_creds.headers("mdt", force=force)
        )
        assert (created.status_code, created.json()["revision"]) == (201, 1), created.text
        made[force] = created.json()["decision_id"]
    # WMP's next revision moves WMP's incident only.
    wmp = db_creds.headers("mdt", force="WMP")
    second = client.post(url(REF), json=for_force(REF, "WMP"), headers={**wmp, "If-Match": '"1"'})
    assert (second.status_code, second.json()["revision"]) == (201, 2), second.text
    feedback = {"rule_id": second.json()["outstanding"][0]["rule_id"], "outcome": "accepted"}
    assert client.post(f"/v1/decisions/{made['NTH']}/feedback", json=feedback, headers=wmp).status_code == 404
    assert (
        client.post(
            f"/v1/decisions/{made['NTH']}/feedback",
            json=feedback,
            headers=db_creds.headers("mdt", force="NTH"),
        ).status_code
        == 201
    )

    for force, revision, decision in (("WMP", 2, second.json()["decision_id"]), ("NTH", 1, made["NTH"])):
        reader = db_creds.headers("control_room", force=force)
        incident = client.get(incident_url(REF), headers=reader).json()
        assert (incident["force"], incident["revision"], len(incident["history"])) == (
            force,
            revision,
            revision,
        )
        assert incident["latest"]["decision_id"] == decision
        assert len(incident["feedback"]) == (1 if force == "NTH" else 0)
        outstanding = client.get(incident_url(REF, "/outstanding"), headers=reader).json()
        assert (outstanding["revision"], outstanding["decision_id"]) == (revision, decision)
        listed = client.get("/v1/incidents", headers=reader).json()["items"]
        assert [(i["reference"], i["force"], i["revision"]) for i in listed] == [(REF, force, revision)]
        other = made["NTH" if force == "WMP" else "WMP"]
        assert (
            client.get(f"/v1/decisions/{other}", headers=db_creds.headers("auditor", force=force)).status_code
            == 404
        )
        # Naming another force than its own is "not found", as if the incident did not exist.
        foreign = "NTH" if force == "WMP" else "WMP"
        hidden = client.get(incident_url(REF, force=foreign), headers=reader)
        assert (hidden.status_code, hidden.json()["error"]) == (404, "incident_not_found")


def test_a_force_cannot_lock_another_out_of_a_reference(
    db_anonymous_client: TestClient, db_creds: Credentials
) -> None:
    client = db_anonymous_client
    squatted = client.post(
        url("WMP-1"), json=for_force("WMP-1", "NTH"), headers=db_creds.headers("control_room", force="NTH")
    )
    assert squatted.status_code == 201
    wmp = db_creds.headers("control_room", force="WMP")
    owner = client.post(url("WMP-1"), json=for_force("WMP-1", "WMP"), headers=wmp)
    assert (owner.status_code, owner.json()["revision"]) == (201, 1), owner.text
    again = client.post(url("WMP-1"), json=for_force("WMP-1", "WMP"), headers={**wmp, "If-Match": '"1"'})
    assert (again.status_code, again.json()["revision"]) == (201, 2)
    assert client.get(incident_url("WMP-1"), headers=wmp).json()["force"] == "WMP"
    # A bound client still cannot write for another force.
    refused = client.post(
        url("WMP-1"), json=for_force("WMP-1", "WMP"), headers=db_creds.headers("mdt", force="NTH")
    )
    assert (refused.status_code, refused.json()["error"]) == (403, "outside_force")


def test_an_unbound_client_names_the_force(db_anonymous_client: TestClient, db_creds: Credentials) -> None:
    client = db_anonymous_client
    unbound = db_creds.headers("control_room")
    for force in ("WMP", "NTH"):
        assert client.post(url(REF), json=for_force(REF, force), headers=unbound).status_code == 201
    # Writes: the checklist's incident.force names the incident; a revision of one force's
    # incident never touches the other's (it cannot move an incident: the force is its identity).
    nth = client.post(url(REF), json=for_force(REF, "NTH"), headers={**unbound, "If-Match": '"1"'})
    assert (nth.status_code, nth.json()["revision"]) == (201, 2)
    stale = client.post(url(REF), json=for_force(REF, "EASTVALE"), headers={**unbound, "If-Match": '"1"'})
    assert (stale.status_code, stale.json()["error"]) == (412, "stale_revision")
    batch = client.post(
        "/v1/checklists:batch",
        json={"items": [{**for_force(REF, force), "incident_ref": REF} for force in ("WMP", "NTH")]},
        headers=unbound,
    ).json()
    assert [r["result"]["revision"] for r in batch["results"]] == [2, 3]
    # Reads: with the reference in two forces, the force must be named.
    for tail in ("", "/outstanding"):
        ambiguous = client.get(incident_url(REF, tail), headers=unbound)
        assert (ambiguous.status_code, ambiguous.json()["error"]) == (409, "ambiguous_incident_ref")
        assert ambiguous.json()["fields"][0]["path"] == "query.force"
        for force, revision in (("WMP", 2), ("NTH", 3)):
            named = client.get(incident_url(REF, tail, force=force), headers=unbound)
            assert named.status_code == 200, named.text
            assert named.json()["revision"] == revision
        assert client.get(incident_url(REF, tail, force="EASTVALE"), headers=unbound).status_code == 404
    assert client.get(incident_url(REF, force="NTH"), headers=unbound).json()["force"] == "NTH"
    # A reference only one force holds needs no force.
    assert client.post(url("NTH-7"), json=for_force("NTH-7", "NTH"), headers=unbound).status_code == 201
    assert client.get(incident_url("NTH-7"), headers=unbound).json()["force"] == "NTH"
    # One Idempotency-Key is one request: reused for the other force's incident, it is refused.
    keyed = {**unbound, "Idempotency-Key": "k-1"}
    assert client.post(url("K-1"), json=for_force("K-1", "WMP"), headers=keyed).status_code == 201
    reused = client.post(url("K-1"), json=for_force("K-1", "NTH"), headers=keyed)
    assert (reused.status_code, reused.json()["error"]) == (409, "idempotency_key_reused")


def test_replay_selects_each_force_s_incident_of_a_shared_reference(
    db_anonymous_client: TestClient, db_creds: Credentials, db_engine: Engine, registry: RulesetRegistry
) -> None:
    client = db_anonymous_client
    made: dict[str, list[str]] = {"WMP": [], "NTH": []}
    for force, revisions in (("WMP", 2), ("NTH", 1)):
        headers = db_creds.headers("control_room", force=force)
        for number in range(revisions):
            precondition = {"If-Match": f'"{number}"'} if number else {}
            created = client.post(url(REF), json=for_force(REF, force), headers={**headers, **precondition})
            assert created.status_code == 201, created.text
            made[force].append(created.json()["decision_id"])
    with db_engine.connect() as conn:
        version = conn.execute(text("SELECT ruleset_version FROM decision_record LIMIT 1")).scalar_one()
    impact = {"mode": "impact", "ruleset": {"id": "concern-for-a-child", "version": version}}

    def replayed(**body: Any) -> list[str]:
        job = rs.run(db_engine, registry, **body)
        return sorted(r["decision_id"] for r in rs.results(db_engine, job.id))

    for force in ("WMP", "NTH"):
        as_recorded = replayed(mode="as_recorded", selection={"force": force, "incident_refs": [REF]})
        assert as_recorded == sorted(made[force])
        # Impact: the incident's latest decision only, of this force's incident.
        assert replayed(**impact, selection={"force": force}) == [made[force][-1]]
    assert replayed(**impact) == sorted([made["WMP"][-1], made["NTH"][-1]])
    assert replayed(mode="as_recorded", selection={"incident_refs": [REF]}) == sorted(
        made["WMP"] + made["NTH"]
    )


def test_the_ui_incident_page_names_the_force_too(
    db_anonymous_client: TestClient, db_creds: Credentials
) -> None:
    client = db_anonymous_client
    for force in ("WMP", "NTH"):
        headers = db_creds.headers("control_room", force=force)
        assert client.post(url(REF), json=for_force(REF, force), headers=headers).status_code == 201
    cookies = sign_in(client, db_creds.key("auditor"))
    assert cookies is not None

    def page(path: str) -> Any:
        response = client.get(path, headers=cookie(cookies), follow_redirects=False)
        client.cookies.clear()
        return response

    assert page(f"/ui/incidents/{REF}").status_code == 409
    for force in ("WMP", "NTH"):
        named = page(f"/ui/incidents/{REF}?force={force}")
        assert named.status_code == 200
        assert force in named.text
    assert page(f"/ui/incidents/{REF}?force=EASTVALE").status_code == 404
