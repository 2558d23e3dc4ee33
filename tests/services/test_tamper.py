"""Tamper cases an inspectorate would try, as the database's own superuser (triggers bypassed), on
SQLite and PostgreSQL: each is found by verify, in the part it touched, and none wedges the service."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from app.models.base import utcnow
from app.services import audit, erasure, integrity
from app.services.retention import apply_retention
from tests.auth import as_role
from tests.auth_tests.personal import personal_submission
from tests.submissions import submission, url

BLOCKING, NOT_BLOCKING = '"blocking":true', '"blocking":false'


def tamper(conn: Connection, sql: str, **params: Any) -> None:
    """Change data behind the service's back; on PostgreSQL with the triggers switched off, as the
    database superuser can."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SET LOCAL session_replication_role = replica"))
    conn.execute(text(sql), params)


def submit(client: TestClient, ref: str, **extra: Any) -> dict[str, Any]:
    response = client.post(url(ref), json=submission(ref, **extra))
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def verify(client: TestClient) -> dict[str, Any]:
    report: dict[str, Any] = client.get("/v1/audit/verify", headers=as_role(client, "auditor")).json()
    return report


def broken(client: TestClient) -> tuple[str, int, str]:
    report = verify(client)
    assert report["verified"] is False, report
    first = report["first_broken"]
    assert report["parts"][first["part"]]["verified"] is False
    return first["part"], first["seq"], first["reason"]


def blocking_seq(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(
                text("SELECT min(seq) FROM decision_record WHERE result LIKE :pattern"),
                {"pattern": f"%{BLOCKING}%"},
            ).scalar_one()
        )


# ---- forged erasure ------------------------------------------------------------------------------


def test_marking_a_record_erased_and_rewriting_its_result_is_a_forged_erasure(
    db_client: TestClient, db_engine: Engine
) -> None:
    submit(db_client, "WMP-1")
    seq = blocking_seq(db_engine)
    with db_engine.begin() as conn:
        tamper(
            conn,
            "UPDATE decision_record SET result = replace(result, :a, :b), "
            "erased = erasable, erased_at = recorded_at WHERE seq = :seq",
            seq=seq,
            a=BLOCKING,
            b=NOT_BLOCKING,
        )
    assert broken(db_client) == ("decision_record", seq, "forged_erasure")


def _forge_erasure_entry(conn: Connection, *, seq: int, at: datetime, cutoff: datetime) -> int:
    """An erasure-log entry made exactly as retention makes one, chained and with the head moved."""
    values = {
        "run_id": "forged",
        "at": at,
        "cutoff": cutoff,
        "records": 1,
        "first_seq": seq,
        "last_seq": seq,
        "seqs_sha256": audit.seqs_digest([seq]),
        "revisions": 0,
        "feedback": 0,
    }
    if conn.dialect.name == "postgresql":
        conn.execute(text("SET LOCAL session_replication_role = replica"))
    return integrity.append_row(conn, integrity.ERASURES, values)


def test_a_fully_forged_erasure_that_changes_the_outcome_fails(
    db_client: TestClient, db_engine: Engine
) -> None:
    """Even with a well-formed erasure-log entry, the erased content must be exactly what the chain
    promised: outcome, blocking flag, score and findings cannot change through an erasure."""
    submit(db_client, "WMP-1")
    seq = blocking_seq(db_engine)
    now = utcnow()
    with db_engine.begin() as conn:
        entry = _forge_erasure_entry(conn, seq=seq, at=now, cutoff=now + timedelta(seconds=1))
        row = conn.execute(
            text("SELECT input, result, erasable FROM decision_record WHERE seq = :s"), {"s": seq}
        ).one()
        new_input, new_result = erasure.apply(row.input, row.result, row.erasable)
        forged = new_result.replace(BLOCKING, NOT_BLOCKING)
        assert forged != new_result
        conn.execute(
            text(
                "UPDATE decision_record SET input = :i, result = :r, erased = erasable, erased_at = :at, "
                "erasure_id = :e WHERE seq = :s"
            ),
            {"i": new_input, "r": forged, "at": now, "e": entry, "s": seq},
        )
    assert broken(db_client) == ("decision_record", seq, "content_mismatch")


def test_an_erasure_of_a_record_newer_than_the_entry_s_cutoff_is_forged(
    db_client: TestClient, db_engine: Engine
) -> None:
    submit(db_client, "WMP-1")
    now = utcnow()
    with db_engine.begin() as conn:
        entry = _forge_erasure_entry(conn, seq=1, at=now, cutoff=now - timedelta(days=3650))
        row = conn.execute(text("SELECT input, result, erasable FROM decision_record WHERE seq = 1")).one()
        new_input, new_result = erasure.apply(row.input, row.result, row.erasable)
        conn.execute(
            text(
                "UPDATE decision_record SET input = :i, result = :r, erased = erasable, erased_at = :at, "
                "erasure_id = :e WHERE seq = 1"
            ),
            {"i": new_input, "r": new_result, "at": now, "e": entry},
        )
    assert broken(db_client) == ("decision_record", 1, "forged_erasure")


def test_an_erased_record_whose_outcome_is_changed_later_fails(
    db_client: TestClient, db_engine: Engine
) -> None:
    db_client.post(url("WMP-1"), json=personal_submission("WMP-1"))
    apply_retention(db_engine, cutoff=utcnow() + timedelta(seconds=1), now=utcnow())
    assert verify(db_client)["verified"] is True
    with db_engine.begin() as conn:
        tamper(
            conn, "UPDATE decision_record SET result = replace(result, :a, :b)", a=BLOCKING, b=NOT_BLOCKING
        )
    assert broken(db_client) == ("decision_record", 1, "content_mismatch")


def test_an_erasure_log_entry_removed_or_rewritten_is_found(db_client: TestClient, db_engine: Engine) -> None:
    db_client.post(url("WMP-1"), json=personal_submission("WMP-1"))
    apply_retention(db_engine, cutoff=utcnow() + timedelta(seconds=1), now=utcnow())
    with db_engine.begin() as conn:
        tamper(conn, "UPDATE erasure_log SET cutoff = :c", c=utcnow() + timedelta(days=1))
    assert broken(db_client) == ("erasure_log", 1, "hash_mismatch")


# ---- the head -------------------------------------------------------------------------------------


def _forge_record_past_head(conn: Connection, seq: int) -> None:
    """A record made exactly as the service makes one, linked to the head, but the head not moved."""
    last = conn.execute(text("SELECT * FROM decision_record ORDER BY seq DESC LIMIT 1")).mappings().one()
    row = {k: v for k, v in last.items() if k not in ("seq", "prev_hash", "hash")}
    row["decision_id"] = "00000000-0000-4000-8000-00000000f0f0"
    row["recorded_at"] = utcnow()
    row["revision"] = None
    row["incident_ref"] = None
    row["revision_sha256"] = row["revision_erased_sha256"] = None
    digest = audit.chain_hash(last["hash"], audit.record_bytes(seq, row))
    columns = ", ".join(["seq", *row, "prev_hash", "hash"])
    values = ", ".join(f":{c}" for c in ["seq", *row, "prev_hash", "hash"])
    tamper(
        conn,
        f"INSERT INTO decision_record ({columns}) VALUES ({values})",
        seq=seq,
        **row,
        prev_hash=last["hash"],
        hash=digest,
    )


def test_a_record_past_the_head_fails_verify_and_does_not_wedge_submissions(
    db_client: TestClient, db_engine: Engine
) -> None:
    submit(db_client, "WMP-1")
    with db_engine.begin() as conn:
        _forge_record_past_head(conn, 2)
    assert broken(db_client) == ("decision_record", 2, "beyond_head")
    # The service carries on; the forged record stays out of the chain and is named.
    later = db_client.post(url("WMP-2"), json=submission("WMP-2"))
    assert later.status_code == 201, later.text
    assert broken(db_client) == ("decision_record", 2, "not_in_chain")
    batch = db_client.post(
        "/v1/checklists:batch", json={"items": [{**submission("WMP-3"), "incident_ref": "WMP-3"}]}
    )
    assert batch.status_code == 200, batch.text
    assert batch.json()["applied"] == 1


def test_the_head_moved_back_is_found(db_client: TestClient, db_engine: Engine) -> None:
    submit(db_client, "WMP-1")
    submit(db_client, "WMP-2")
    with db_engine.begin() as conn:
        first = conn.execute(text("SELECT hash FROM decision_record WHERE seq = 1")).scalar_one()
        tamper(conn, "UPDATE decision_chain_head SET seq = 1, hash = :h", h=first)
    assert broken(db_client) == ("decision_record", 2, "beyond_head")
    assert db_client.post(url("WMP-3"), json=submission("WMP-3")).status_code == 201
    assert broken(db_client) == ("decision_record", 2, "not_in_chain")


# ---- tables outside the decision chain -------------------------------------------------------------

REVISION_TAMPERING = {
    "submitter": (
        "UPDATE checklist_revision SET submitted_by = 'PC9999' WHERE number = 1",
        "content_mismatch",
    ),
    "device time": (
        "UPDATE checklist_revision SET device_time = received_at WHERE number = 1",
        "content_mismatch",
    ),
    "idempotency key": (
        "UPDATE checklist_revision SET idempotency_key = 'other' WHERE number = 1",
        "content_mismatch",
    ),
    "forged erasure": (
        "UPDATE checklist_revision SET submitted_by = NULL, salt = NULL, erased_at = received_at "
        "WHERE number = 1",
        "forged_erasure",
    ),
    "moved to another decision": (
        "UPDATE checklist_revision SET decision_id = (SELECT decision_id FROM decision_record WHERE seq = 2) "
        "WHERE number = 1",
        "decision_mismatch",
    ),
}


@pytest.mark.parametrize("case", REVISION_TAMPERING, ids=list(REVISION_TAMPERING))
def test_a_changed_checklist_revision_is_found(db_client: TestClient, db_engine: Engine, case: str) -> None:
    submit(db_client, "WMP-1")
    submit(db_client, "WMP-1")
    sql, reason = REVISION_TAMPERING[case]
    with db_engine.begin() as conn:
        if "decision_id" in sql and conn.dialect.name == "postgresql":
            tamper(conn, "SET CONSTRAINTS ALL DEFERRED")
        tamper(conn, sql)
    assert broken(db_client) == ("checklist_revision", 1, reason)


def test_a_removed_checklist_revision_is_found(db_client: TestClient, db_engine: Engine) -> None:
    submit(db_client, "WMP-1")
    submit(db_client, "WMP-1")
    with db_engine.begin() as conn:
        tamper(conn, "DELETE FROM checklist_revision WHERE number = 2")
    assert broken(db_client) == ("checklist_revision", 2, "revision_missing")


INCIDENT_TAMPERING = {
    "latest-decision pointer moved back": (
        "UPDATE incident SET latest_decision_id = (SELECT decision_id FROM decision_record WHERE seq = 1)",
        "latest_decision_mismatch",
    ),
    "blocking flag": (
        "UPDATE incident SET latest_blocking = NOT latest_blocking",
        "latest_decision_mismatch",
    ),
    "hook": ("UPDATE incident SET latest_hook = 'incident.close'", "latest_decision_mismatch"),
    "revision count": ("UPDATE incident SET revision = 1", "revision_count_mismatch"),
    "force": ("UPDATE incident SET force = 'OTHER'", "incident_mismatch"),
    "updated time": ("UPDATE incident SET updated_at = created_at", "time_mismatch"),
}


@pytest.mark.parametrize("case", INCIDENT_TAMPERING, ids=list(INCIDENT_TAMPERING))
def test_a_changed_incident_is_found(db_client: TestClient, db_engine: Engine, case: str) -> None:
    submit(db_client, "WMP-1", referral_made=False)
    submit(db_client, "WMP-1", referral_made=True)
    sql, reason = INCIDENT_TAMPERING[case]
    with db_engine.begin() as conn:
        tamper(conn, sql)
    assert broken(db_client) == ("incident", 1, reason)


def _feedback(client: TestClient, decision_id: str, **extra: Any) -> None:
    finding = client.get(f"/v1/decisions/{decision_id}", headers=as_role(client, "auditor")).json()
    rule = finding["result"]["findings"][0]["rule_id"]
    body = {
        "rule_id": rule,
        "outcome": "overridden",
        "reason_code": "other",
        "comment": "Sgt directed",
        **extra,
    }
    assert client.post(f"/v1/decisions/{decision_id}/feedback", json=body).status_code == 201


FEEDBACK_TAMPERING = {
    "override turned into acceptance": (
        "UPDATE decision_feedback SET outcome = 'accepted', reason_code = NULL WHERE id = 1",
        1,
        "hash_mismatch",
    ),
    "comment": (
        "UPDATE decision_feedback SET comment = 'nothing to see' WHERE id = 1",
        1,
        "content_mismatch",
    ),
    "submitter": ("UPDATE decision_feedback SET submitted_by = 'PC1' WHERE id = 1", 1, "content_mismatch"),
    "removed": ("DELETE FROM decision_feedback WHERE id = 1", 2, "prev_hash_mismatch"),
    "last removed": ("DELETE FROM decision_feedback WHERE id = 2", 2, "head_mismatch"),
}


@pytest.mark.parametrize("case", FEEDBACK_TAMPERING, ids=list(FEEDBACK_TAMPERING))
def test_changed_feedback_or_overrides_are_found(db_client: TestClient, db_engine: Engine, case: str) -> None:
    decision = submit(db_client, "WMP-1")["decision_id"]
    _feedback(db_client, decision)
    _feedback(db_client, decision, comment="Second look")
    assert verify(db_client)["parts"]["decision_feedback"] == {
        "verified": True,
        "records": 2,
        "head_hash": verify(db_client)["parts"]["decision_feedback"]["head_hash"],
    }
    sql, position, reason = FEEDBACK_TAMPERING[case]
    with db_engine.begin() as conn:
        tamper(conn, sql)
    assert broken(db_client) == ("decision_feedback", position, reason)


ACCESS_TAMPERING = {
    "status of a refused read": ("UPDATE access_event SET status = 200 WHERE id = 1", 1, "hash_mismatch"),
    "who": ("UPDATE access_event SET principal_id = 'key:0000000000000000' WHERE id = 2", 2, "hash_mismatch"),
    "removed": ("DELETE FROM access_event WHERE id = 1", 2, "prev_hash_mismatch"),
}


@pytest.mark.parametrize("case", ACCESS_TAMPERING, ids=list(ACCESS_TAMPERING))
def test_a_changed_access_audit_is_found(db_client: TestClient, db_engine: Engine, case: str) -> None:
    submit(db_client, "WMP-1")
    auditor = as_role(db_client, "auditor")
    assert db_client.get("/v1/incidents/WMP-404", headers=auditor).status_code == 404
    assert db_client.get("/v1/incidents/WMP-1", headers=auditor).status_code == 200
    sql, position, reason = ACCESS_TAMPERING[case]
    with db_engine.begin() as conn:
        tamper(conn, sql)
    part, seq, why = broken(db_client)
    assert (part, seq, why) == ("access_event", position, reason)


def test_the_access_audit_keeps_flowing_past_a_forged_row(db_client: TestClient, db_engine: Engine) -> None:
    with db_engine.begin() as conn:
        tamper(
            conn,
            "INSERT INTO access_event (id, at, principal_id, role, action, status, prev_hash, hash) "
            "VALUES (1, :at, 'x', 'auditor', 'incident.read', 200, :z, :z)",
            at=datetime(2026, 1, 1, tzinfo=UTC),
            z="0" * 64,
        )
    report = verify(db_client)  # itself recorded, after the forged row
    assert report["first_broken"] == {
        "part": "access_event",
        "seq": 1,
        "decision_id": None,
        "reason": "beyond_head",
    }
    assert verify(db_client)["parts"]["access_event"]["verified"] is False


# ---- PostgreSQL refuses everything but the erasure, even before verify ------------------------------

REFUSED = {
    "result of a live record": "UPDATE decision_record SET result = replace(result, 'true', 'false')",
    "erasure that rewrites the outcome": (
        "UPDATE decision_record SET result = replace(result, 'true', 'false'), erased = erasable, "
        "erased_at = recorded_at, erasure_id = 1"
    ),
    "erasure without an erasure-log entry": (
        "UPDATE decision_record SET erased = erasable, erased_at = recorded_at, erasure_id = 99"
    ),
    "what retention will erase": "UPDATE decision_record SET erasable = '[]'",
    "revision submitter": "UPDATE checklist_revision SET submitted_by = 'PC1'",
    "revision deleted": "DELETE FROM checklist_revision",
    "feedback outcome": "UPDATE decision_feedback SET outcome = 'accepted'",
    "erasure log": "UPDATE erasure_log SET records = 0",
    "decision head moved back": "UPDATE decision_chain_head SET seq = 0",
    "side head moved back": "UPDATE chain_head SET last_id = 0",
    "side head removed": "DELETE FROM chain_head",
    "access audit": "UPDATE access_event SET status = 200",
}


@pytest.mark.postgres
@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_postgresql_refuses_every_change_but_the_erasure(
    pg_client: TestClient, pg_engine: Engine, case: str
) -> None:
    ref = "WMP-1"
    pg_client.post(url(ref), json=personal_submission(ref))
    decision = pg_client.get(f"/v1/incidents/{ref}").json()["latest"]["decision_id"]
    _feedback(pg_client, decision)
    with pg_engine.begin() as conn:  # an erasure-log entry for the forged erasures to point at
        entry = _forge_erasure_entry(conn, seq=1, at=utcnow(), cutoff=utcnow() + timedelta(days=1))
    assert entry == 1
    with pytest.raises(DBAPIError, match="refused"), pg_engine.begin() as conn:
        conn.execute(text(REFUSED[case]))


@pytest.mark.postgres
def test_postgresql_lets_retention_erase(pg_client: TestClient, pg_engine: Engine) -> None:
    pg_client.post(url("WMP-1"), json=personal_submission("WMP-1"))
    report = apply_retention(pg_engine, cutoff=utcnow() + timedelta(seconds=1), now=utcnow())
    assert (report.decisions_erased, report.revisions_erased) == (1, 1)
    assert verify(pg_client)["verified"] is True
    stored = orjson.loads(pg_client.get("/v1/incidents/WMP-1").text)
    assert stored["history"][0]["submitted_by"] is None
