"""Whether a decision's history facts changed its outcome (issue 15: "incidents where history
changed the outcome", for aggregates and replay selection).

The counterfactual is the same evaluation with every person and the address as if they had no
earlier incident: each stays linked or unlinked as it was, every count is 0, no referral outcome,
no open step, never a suspect before, no last date (``without_history``). History changed the
outcome when that evaluation's findings differ from the decision's, per rule, in outcome, basis or
severity, or a finding appears or disappears, or the blocking flag differs (the impact comparison
replay uses, ``app.rules.replay.impact``). When the facts already are "no history" the answer is
no without evaluating again, so the second evaluation costs only decisions with some history.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from app.rules.engine import Facts, RulesetRef, decide
from app.rules.history import AddressHistory, HistoryFacts, PersonHistory
from app.rules.registry import RulesetRegistry
from app.rules.replay import impact


def _no_earlier(person: PersonHistory) -> PersonHistory:
    return PersonHistory(
        id=person.id,
        linked=person.linked,
        earlier_incidents=0,
        concerns_3m=0,
        concerns_12m=0,
        missing_episodes=0,
        missing_90d=0,
        injuries=0,
        referrals=0,
        suspect_before=False,
    )


def without_history(facts: HistoryFacts) -> HistoryFacts:
    """``facts`` with nothing earlier found for anyone (same people, same linked flags)."""
    address = facts.address
    return HistoryFacts(
        computed_at=facts.computed_at,
        children=tuple(_no_earlier(p) for p in facts.children),
        adults=tuple(_no_earlier(p) for p in facts.adults),
        address=None
        if address is None
        else AddressHistory(linked=address.linked, concerns_3m=0, concerns_12m=0, domestic_12m=0),
    )


def history_changed(
    registry: RulesetRegistry,
    facts: Facts,
    hook: str | None,
    *,
    as_of: datetime | None,
    ruleset: RulesetRef,
    history: HistoryFacts | None,
    result: Mapping[str, Any],
) -> bool | None:
    """For a decision made with ``history`` whose result (JSON-shaped) is ``result``: did the history
    change it? None when it was made without history facts. ``ruleset`` and ``as_of``: the exact
    version and time the decision was made with (so the same version decides again)."""
    if history is None:
        return None
    blank = without_history(history)
    if blank == history:
        return False
    again = decide(registry, facts, hook, as_of=as_of, ruleset=ruleset, history=blank)
    return impact(result, again).changed
