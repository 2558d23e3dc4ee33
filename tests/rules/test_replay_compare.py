"""Pure replay comparisons: reproduction by canonical hash, and finding-level impact."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import orjson

from app.rules.canonical import canonical_json
from app.rules.compiler import CompiledRuleset
from app.rules.decision import Decision
from app.rules.replay import (
    ChangeKind,
    ImpactTotals,
    Reproduction,
    context_from_json,
    impact,
    reevaluate,
)
from tests.rules import helpers
from tests.rules.semantics2 import due_rule
from tests.synthetic_rulesets import compiled, document, rule

VOICE = "CFC-VOICE-OF-CHILD"
CHECKLIST: dict[str, Any] = {
    "schema_version": 1,
    "incident": {"reference": "EAS-1", "force": "EASTVALE", "type": "domestic_abuse"},
    "children": [{"id": "C1", "spoken_to": False}],
    "adults": [],
}
CONTEXT = {"hook": "scene.depart", "as_of": "2026-03-01T10:00:00+00:00"}


def _replay(ruleset: CompiledRuleset) -> Decision:
    """Re-evaluate the stored CHECKLIST under CONTEXT, as replay does, with ``ruleset``."""
    return reevaluate(ruleset, canonical_json(CHECKLIST), CONTEXT, 1)


def result_json(decision: Decision) -> bytes:
    """The canonical JSON a decision record stores as its result."""
    return canonical_json(decision.model_dump(mode="json"))


def test_context_round_trips_including_a_missing_time() -> None:
    assert context_from_json(CONTEXT).as_of == datetime(2026, 3, 1, 10, tzinfo=UTC)
    assert context_from_json({"hook": None, "as_of": None}).as_of is None


def test_reproduction_compares_canonical_hashes() -> None:
    ruleset = compiled(document())
    decision = _replay(ruleset)
    stored = result_json(decision)
    same = Reproduction.of(stored, result_json(_replay(ruleset)))
    assert same.reproduced
    assert same.stored_hash == same.replayed_hash
    altered = orjson.dumps({**orjson.loads(stored), "score": 99.9}, option=orjson.OPT_SORT_KEYS)
    failed = Reproduction.of(altered, result_json(decision))
    assert not failed.reproduced
    assert failed.differing_fields() == ["score"]
    assert failed.stored_hash != failed.replayed_hash == same.replayed_hash


def test_impact_names_appeared_disappeared_severity_and_outcome_changes() -> None:
    old = compiled(document())
    stored = orjson.loads(result_json(_replay(old)))
    new = compiled(
        document(
            "1.1.0",
            rules=[
                rule("CFC-IDENTIFY-ALL-CHILDREN", severity="critical", missing_if="false"),
                rule(VOICE, severity="critical"),
                rule("CR-ASK-CHILDREN-PRESENT", hooks=["scene.depart"]),
            ],
        )
    )
    result = impact(stored, _replay(new))
    kinds = {c.rule_id: c.kind for c in result.changes}
    assert kinds == {
        "CFC-IDENTIFY-ALL-CHILDREN": ChangeKind.outcome,  # missing -> unknown
        VOICE: ChangeKind.severity,
        "CR-ASK-CHILDREN-PRESENT": ChangeKind.appeared,
        "CFC-SEE-EVERY-CHILD": ChangeKind.disappeared,
    }
    voice = next(c for c in result.changes if c.rule_id == VOICE)
    assert (voice.severity_before, voice.severity_after) == ("high", "critical")
    assert voice.to_json() == {
        "rule_id": VOICE,
        "step_id": VOICE,
        "kind": "severity_changed",
        "severity_before": "high",
        "severity_after": "critical",
        "outcome_before": "missing",
        "outcome_after": "missing",
        "basis_before": "recorded",  # semantics 1: missing means the data says not done
        "basis_after": "recorded",
    }
    assert result.changed
    assert result.blocking_before
    assert result.blocking_after
    assert not result.newly_blocking
    totals = ImpactTotals()
    totals.add(result)
    totals.add(impact(stored, _replay(old)))
    data = totals.to_json()
    assert (data["decisions"], data["changed"]) == (2, 1)
    assert data["by_step"][VOICE] == {"severity_changed": 1}
    assert list(data["by_severity"]) == ["critical", "high"]  # severity order, not alphabetical
    assert ImpactTotals.from_json(orjson.loads(orjson.dumps(data))).to_json() == data


def test_newly_blocking_when_a_critical_finding_appears() -> None:
    calm = compiled(document(rules=[rule(VOICE, severity="low")]))
    strict = compiled(document("1.1.0", rules=[rule(VOICE, severity="critical")]))
    stored = orjson.loads(result_json(_replay(calm)))
    result = impact(stored, _replay(strict))
    assert result.newly_blocking
    totals = ImpactTotals()
    totals.add(result)
    assert (totals.newly_blocking, totals.no_longer_blocking) == (1, 0)


def test_impact_counts_a_change_of_basis_as_an_outcome_change() -> None:
    """1.1.0 -> 1.2.0: unknown -> missing/not_recorded and recorded <-> not_recorded are changes;
    a semantics-1 missing compared with a semantics-2 missing/recorded is not."""
    old = helpers.compiled(helpers.condition_rule(hooks=["scene.depart"]))
    new = helpers.compiled(due_rule(), semantics=2, version="1.1.0")
    absent = {**CHECKLIST, "children": [{"id": "C1"}]}
    not_seen = {**CHECKLIST, "children": [{"id": "C1", "seen": False}]}

    def replay(ruleset: CompiledRuleset, data: dict[str, Any]) -> Decision:
        return reevaluate(ruleset, canonical_json(data), CONTEXT, 1)

    [change] = impact(orjson.loads(result_json(replay(old, absent))), replay(new, absent)).changes
    assert (change.kind, change.outcome_before, change.outcome_after) == (
        ChangeKind.outcome,
        "unknown",
        "missing",
    )
    assert (change.basis_before, change.basis_after) == (None, "not_recorded")
    same = impact(orjson.loads(result_json(replay(old, not_seen))), replay(new, not_seen))
    assert same.changes == ()
    recorded = orjson.loads(result_json(replay(new, not_seen)))
    [flip] = impact(recorded, replay(new, absent)).changes
    assert (flip.kind, flip.outcome_before, flip.outcome_after) == (ChangeKind.outcome, "missing", "missing")
    assert (flip.basis_before, flip.basis_after) == ("recorded", "not_recorded")
    gone = impact(recorded, replay(new, {**CHECKLIST, "children": [{"id": "C1", "seen": True}]}))
    assert [(c.kind, c.basis_before, c.basis_after) for c in gone.changes] == [
        (ChangeKind.disappeared, "recorded", None)
    ]
