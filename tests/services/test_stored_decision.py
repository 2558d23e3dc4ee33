"""A stored decision holds everything needed to reproduce it exactly."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import orjson
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from app.models.decision import DecisionRecord
from app.models.tables import RECORDS
from app.rules.canonical import canonical_json
from app.rules.decision import Decision
from app.rules.engine import Facts, RulesetRef, decide
from app.rules.registry import RulesetRegistry
from tests.submissions import submission, url


def stored(engine: Engine, decision_id: str) -> DecisionRecord:
    with engine.connect() as conn:
        row = conn.execute(select(RECORDS).where(RECORDS.c.decision_id == decision_id)).mappings().one()
    return DecisionRecord.model_validate(dict(row))


def replay(
    registry: RulesetRegistry, record: DecisionRecord, facts: dict[str, Any] | None = None
) -> Decision:
    """The record's input (or ``facts`` in its place) decided again at its pinned context."""
    context = orjson.loads(record.context)
    as_of = datetime.fromisoformat(context["as_of"]) if context["as_of"] else None
    given = Facts.stored(
        record.input if facts is None else canonical_json(facts), record.checklist_schema_version
    )
    ref = RulesetRef(record.ruleset_id, record.ruleset_version)
    return decide(registry, given, context["hook"], as_of=as_of, ruleset=ref)


def test_a_persisted_decision_replays_byte_for_byte(
    db_client: TestClient, db_engine: Engine, registry: RulesetRegistry
) -> None:
    decision_id = db_client.post(url(), json=submission()).json()["decision_id"]
    record = stored(db_engine, decision_id)
    assert registry.get(record.ruleset_id, record.ruleset_version).hash == record.ruleset_hash
    replayed = replay(registry, record)
    assert replayed.engine_version == record.engine_version
    assert canonical_json(replayed.model_dump(mode="json")).decode() == record.result


def test_replay_notices_a_different_outcome(
    db_client: TestClient, db_engine: Engine, registry: RulesetRegistry
) -> None:
    decision_id = db_client.post(url(), json=submission(referral_made=False)).json()["decision_id"]
    record = stored(db_engine, decision_id)
    facts = orjson.loads(record.input)
    altered = {**facts, "actions": {**facts["actions"], "referral": {"made": True}}}
    replayed = replay(registry, record, altered)
    assert canonical_json(replayed.model_dump(mode="json")).decode() != record.result
