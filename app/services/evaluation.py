"""Stateless evaluation: one call of the engine's entry point (it picks the version and pins ``as_of``)."""

from __future__ import annotations

from datetime import datetime

from app import metrics
from app.rules.checklist import Checklist
from app.rules.decision import Decision
from app.rules.engine import Facts, decide
from app.rules.registry import RulesetRegistry
from app.schemas.evaluate import RulesetSelector


def evaluate_checklist(
    registry: RulesetRegistry,
    checklist: Checklist,
    *,
    hook: str | None,
    as_of: datetime | None,
    selector: RulesetSelector,
) -> Decision:
    decision = decide(registry, Facts.of(checklist), hook, as_of=as_of, ruleset=selector.ref())
    metrics.observe_decision(decision, "evaluate")
    return decision
