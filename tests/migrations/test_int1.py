"""Migration int1 on a database with history: revisions, feedback, access events and records already
erased in the auth2 form are committed to, chained and verify; down and up again keeps them whole."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import select, text
from sqlmodel import Session

from app.db import alembic_config, build_engine, migrate
from app.main import create_app
from app.models.base import utcnow
from app.models.tables import RECORDS
from app.services import audit
from app.services.retention import apply_retention
from app.settings import Settings
from tests.auth import TEST_LIMITS, as_role
from tests.auth_tests.personal import personal_submission
from tests.submissions import url


def test_history_survives_int1_down_and_up(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'history.db'}"
    settings = Settings.model_validate({"environment": "test", "database_url": database, **TEST_LIMITS})
    with TestClient(create_app(settings)) as client:
        for ref in ("WMP-1", "WMP-2", "WMP-3"):
            created = client.post(url(ref), json=personal_submission(ref), headers=as_role(client, "mdt"))
            assert created.status_code == 201
        body = created.json()
        feedback = {
            "rule_id": body["outstanding"][0]["rule_id"],
            "outcome": "overridden",
            "reason_code": "other",
            "comment": "x",
        }
        mdt = as_role(client, "mdt")
        assert (
            client.post(
                f"/v1/decisions/{body['decision_id']}/feedback", json=feedback, headers=mdt
            ).status_code
            == 201
        )
        assert client.get("/v1/incidents/WMP-1", headers=as_role(client, "auditor")).status_code == 200
    engine = build_engine(database)
    try:
        # Two records erased, then back before int1 (erasure had no log), and up again.
        with engine.begin() as conn:
            cutoff = conn.execute(select(RECORDS.c.recorded_at).where(RECORDS.c.seq == 3)).scalar_one()
        apply_retention(engine, cutoff=cutoff, now=utcnow())
        with engine.connect() as conn:  # as an operator would: foreign keys off for the rebuild
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
            with conn.begin():
                command.downgrade(alembic_config(conn), "ui1")
                erased = conn.execute(text("SELECT count(*) FROM decision_record WHERE erased IS NOT NULL"))
                assert erased.scalar() == 2
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]
        migrate(engine)  # what start-up does
        with Session(engine) as session:
            report = audit.verify(session)
        assert report.verified is True, report
        assert report.records == 3
        assert {name: part.records for name, part in report.parts.items()} == {
            "erasure_log": 1,  # one entry for the erasures made before the log existed
            "decision_record": 3,
            "checklist_revision": 3,
            "incident": 3,
            "decision_feedback": 1,
            "access_event": report.parts["access_event"].records,
        }
        assert report.parts["access_event"].records >= 1
        # And the service carries on on top of it.
        with TestClient(create_app(settings.model_copy(update={"auto_migrate": False}))) as client:
            assert (
                client.post(
                    url("WMP-4"), json=personal_submission("WMP-4"), headers=as_role(client, "mdt")
                ).status_code
                == 201
            )
            assert (
                client.get("/v1/audit/verify", headers=as_role(client, "auditor")).json()["verified"] is True
            )
        apply_retention(engine, cutoff=utcnow() + timedelta(seconds=1), now=utcnow())
        with Session(engine) as session:
            assert audit.verify(session).verified is True
    finally:
        engine.dispose()
