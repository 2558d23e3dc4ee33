"""A stored decision holds everything needed to reproduce it exactly."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session

from app.rules.canonical import canonical_json
from app.rules.engine import Facts, evaluate
from app.rules.registry import RulesetRegistry
from app.services.decisions import stored_decision
from tests.submissions import submission, url


def test_a_persisted_decision_replays_byte_for_byte(
    db_client: TestClient, db_engine: Engine, registry: RulesetRegistry
) -> None:
    decision_id = db_client.post(url(), json=submission()).json()["decision_id"]
    with Session(db_engine) as session:
        stored = stored_decision(session, decision_id)
    ruleset = registry.get(stored.ruleset.id, stored.ruleset.version)
    assert ruleset.hash == stored.ruleset.hash
    facts = Facts.stored(canonical_json(stored.facts), stored.checklist_schema_version)
    replayed = evaluate(ruleset, facts, stored.context)
    assert replayed.engine_version == stored.engine_version
    assert canonical_json(replayed.model_dump(mode="json")) == stored.result


def test_replay_notices_a_different_outcome(
    db_client: TestClient, db_engine: Engine, registry: RulesetRegistry
) -> None:
    decision_id = db_client.post(url(), json=submission(referral_made=False)).json()["decision_id"]
    with Session(db_engine) as session:
        stored = stored_decision(session, decision_id)
    altered = {**stored.facts, "actions": {**stored.facts["actions"], "referral": {"made": True}}}
    ruleset = registry.get(stored.ruleset.id, stored.ruleset.version)
    replayed = evaluate(
        ruleset, Facts.stored(canonical_json(altered), stored.checklist_schema_version), stored.context
    )
    assert canonical_json(replayed.model_dump(mode="json")) != stored.result
