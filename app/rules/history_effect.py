"""Whether a decision's history facts changed its outcome (issue 15: "incidents where history
changed the outcome", for aggregates and replay selection).

The counterfactual is the same evaluation with every person and the address as if they had no
earlier incident: each stays linked or unlinked as it was, every count is 0, no referral outcome,
no open step, never a suspect before, no last date (``without_history``). History changed the
outcome when that evaluation's findings differ from the decision's, per rule, in outcome, basis or
severity, or a finding appears or disappears, or the blocking flag differs (the impact comparison
replay uses, ``app.rules.replay.impact``). When the facts already are "no history" the answer is
no without evaluating again, so the second evaluation costs only decisions with some history.

Only the rules that read ``context.history`` are evaluated again (``history_view``): every other rule
is a function of the same facts and the rest of the same context (hook, ``as_of``, computed times),
so its finding without history is the decision's own. The counterfactual's findings are the
decision's findings of the other rules plus those of the history rules evaluated again; the blocking
flag follows from them as ``build_decision`` computes it (a critical finding, at a blocking hook).
``tests/rules/test_history_effect.py`` holds it equal to the plain method (the whole rule set
evaluated again without history).
"""

from __future__ import annotations

import dataclasses
import weakref
from collections.abc import Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Any

from app.rules.compiler import CompiledRuleset, compile_program, rule_expression
from app.rules.engine import EvaluationContext, Facts, RulesetRef, evaluate, resolve
from app.rules.expressions import ExpressionSyntaxError, tokenize
from app.rules.history import AddressHistory, HistoryFacts, PersonHistory
from app.rules.lint import facts_root
from app.rules.model import AnyRule, Severity
from app.rules.projection import WHOLE_OBJECT_FUNCTIONS
from app.rules.registry import RulesetRegistry
from app.rules.replay import impact


def without_history(facts: HistoryFacts) -> HistoryFacts:
    """``facts`` with nothing earlier found for anyone (same people, same linked flags)."""
    address = facts.address
    return HistoryFacts(
        computed_at=facts.computed_at,
        children=tuple(PersonHistory.nothing_earlier(p.id, p.linked) for p in facts.children),
        adults=tuple(PersonHistory.nothing_earlier(p.id, p.linked) for p in facts.adults),
        address=None
        if address is None
        else AddressHistory(linked=address.linked, concerns_3m=0, concerns_12m=0, domestic_12m=0),
    )


def reads_history(rule: AnyRule) -> bool:
    """Whether ``rule``'s conditions (applies, missing, met, due) may read ``context.history``.

    From the tokens of its expression, erring towards yes: the name ``history`` as a field or a
    string, ``$root``, an indexed ``context[...]``, a function that sees a whole object (``keys``...),
    or an expression the scanner cannot read. (The rule lint allows history only as
    ``context.history`` fields; this does not rely on it.)"""
    pending = [rule_expression(rule)]
    while pending:
        try:
            tokens = tokenize(pending.pop())
        except ExpressionSyntaxError:
            return True
        for i, token in enumerate(tokens):
            if token.kind == "tmpl":
                pending.extend(token.parts)
            elif token.kind in ("ident", "str") and token.value == "history":
                return True
            elif token.kind == "ident" and (token.value == "$root" or token.value in WHOLE_OBJECT_FUNCTIONS):
                return True
            elif (
                token.kind == "ident"
                and token.value == "context"
                and i + 1 < len(tokens)
                and tokens[i + 1].value == "["
            ):
                return True
    return False


# Per compiled rule set (by identity, while it lives): the same rule set with, at every hook, only
# the rules that read history. Built once, on the first decision with history it is needed for.
_VIEWS: dict[int, tuple[weakref.ref[CompiledRuleset], CompiledRuleset]] = {}


def history_view(ruleset: CompiledRuleset) -> CompiledRuleset:
    """``ruleset`` whose program at each hook holds only that hook's rules that read history (in
    their order); everything else (findings table, computed times, blocking hooks) is the same."""
    key = id(ruleset)
    held = _VIEWS.get(key)
    if held is not None and held[0]() is ruleset:
        return held[1]
    root = facts_root(ruleset.document)
    programs = {
        hook: compile_program(ruleset.source, tuple(r for r in program.rules if reads_history(r)), root)
        for hook, program in ruleset.programs.items()
    }
    view = dataclasses.replace(ruleset, programs=MappingProxyType(programs))
    _VIEWS[key] = (weakref.ref(ruleset, lambda _: _VIEWS.pop(key, None)), view)
    return view


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
    version and time the decision was made with (so the same version decides again).

    Evaluates again only the rules that read history (the module docstring says why that is the
    same answer as evaluating everything again)."""
    if history is None:
        return None
    blank = without_history(history)
    if blank == history:
        return False
    at = as_of if as_of is not None else facts.latest_time  # as ``decide`` pins it
    compiled = resolve(registry, ruleset, at)
    view = history_view(compiled)
    again_rules = view.program(hook).rules
    if not again_rules:
        return False  # no rule at this hook reads history: the same findings, the same flag
    again = evaluate(view, facts, EvaluationContext(hook=hook, as_of=at, history=blank))
    ids = {rule.id for rule in again_rules}
    findings = result.get("findings", ())
    if impact({"findings": [f for f in findings if f["rule_id"] in ids]}, again).changes:
        return True
    critical = any(f.severity is Severity.critical for f in again.findings) or any(
        f["severity"] == Severity.critical.value for f in findings if f["rule_id"] not in ids
    )
    blocking_after = critical and hook in compiled.blocking_hooks
    return bool(result.get("blocking")) != blocking_after
