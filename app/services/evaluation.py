"""Stateless evaluation: one call of the engine's entry point (it picks the version and pins ``as_of``).

A rule set that reads history (``history: 1``) gets the history facts of the checklist's force,
looked up read-only (``history.Reader``); a force-bound client may only ask about its own force.
"""

from __future__ import annotations

from datetime import datetime

from app import metrics
from app.errors import OutsideForce
from app.models.base import utcnow
from app.rules.checklist import Checklist
from app.rules.decision import Decision
from app.rules.engine import Facts, decide
from app.rules.history import HistoryFacts
from app.rules.registry import RulesetRegistry
from app.schemas.evaluate import RulesetSelector
from app.services import history


def evaluate_checklist(
    registry: RulesetRegistry,
    checklist: Checklist,
    *,
    hook: str | None,
    as_of: datetime | None,
    selector: RulesetSelector,
    reader: history.Reader | None = None,
    force: str | None = None,
) -> tuple[Decision, HistoryFacts | None]:
    """The decision, and the history facts it was made with (None: the rule set reads none).

    ``reader``: where history comes from (without one, a rule set that reads history sees none);
    ``force``: the client's force binding, if any."""
    found = None
    if reader is not None:
        at = history.history_as_of(registry, selector.ref(), checklist, as_of)
        if at is not None:
            if force is not None and checklist.incident.force != force:
                raise OutsideForce(force)
            found = reader.facts(checklist, at)
            as_of = at
    facts, ref, today = Facts.of(checklist), selector.ref(), utcnow().date()
    decision = decide(registry, facts, hook, as_of=as_of, ruleset=ref, history=found, today=today)
    metrics.observe_decision(decision, "evaluate")
    return decision, found
