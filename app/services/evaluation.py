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
    facts, ref, today = Facts.of(checklist), selector.ref(), utcnow().date()
    if reader is not None:
        # Pinned once: the checklist's latest time is a walk of the whole tree, and both the history
        # lookup and the decision need it (``decide`` would otherwise walk again for its default).
        as_of = as_of or facts.latest_time
        at = history.history_as_of(registry, ref, checklist, as_of)
        if at is not None:
            if force is not None and checklist.incident.force != force:
                raise OutsideForce(force)
            found = reader.facts(checklist, at)
            as_of = at
    decision = decide(registry, facts, hook, as_of=as_of, ruleset=ref, history=found, today=today)
    metrics.observe_decision(decision, "evaluate")
    return decision, found
