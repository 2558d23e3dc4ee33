"""Stateless evaluation: pick the rule set, pin ``as_of``, run the engine."""

from __future__ import annotations

from datetime import datetime

from app.rules.checklist import Checklist
from app.rules.compiler import CompiledRuleset
from app.rules.decision import Decision
from app.rules.engine import Facts, RulesetRef, decide, resolve
from app.rules.registry import RulesetRegistry
from app.schemas.evaluate import RulesetSelector


def resolve_ruleset(
    registry: RulesetRegistry, selector: RulesetSelector, as_of: datetime | None
) -> CompiledRuleset:
    """An explicit version, or the version in force at ``as_of``."""
    return resolve(registry, ref(selector), as_of)


def ref(selector: RulesetSelector) -> RulesetRef:
    return RulesetRef(selector.id, selector.version)


def evaluate_checklist(
    registry: RulesetRegistry,
    checklist: Checklist,
    *,
    hook: str | None,
    as_of: datetime | None,
    selector: RulesetSelector,
) -> Decision:
    return decide(registry, Facts.of(checklist), hook, as_of=as_of, ruleset=ref(selector))
