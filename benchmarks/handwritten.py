"""Hand-written Python twins of the built-in rules: the floor the engine is measured against.

Each function takes the checklist facts (``Checklist.model_dump(mode="json")``) and the evaluation
context, and returns the rule's outcome exactly as the rule's ZEN conditions would: a condition
holds only when it is exactly ``true``, ``missing_if`` is checked before ``met_if``, and a field
that is absent (``None``) never satisfies a comparison. Plain code, no framework: the fastest way
to compute the same outcomes by hand.

Every rule of the built-in rule sets needs a twin here. ``engine_bench`` refuses to run when one is
missing and checks that twins and engine agree on every checklist, so a twin that drifts from its
rule fails loudly instead of flattering the ratio.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.rules.decision import Outcome
from app.rules.engine import EvaluationContext

Facts = dict[str, Any]
Twin = Callable[[Facts, EvaluationContext], Outcome]

MET, MISSING, UNKNOWN, NOT_APPLICABLE = (
    Outcome.met,
    Outcome.missing,
    Outcome.unknown,
    Outcome.not_applicable,
)


def identify_all_children(c: Facts, ctx: EvaluationContext) -> Outcome:
    children = c["children"]
    call = c.get("call") or {}
    if not (children or call.get("children_present") == "yes"):
        return NOT_APPLICABLE
    count = call.get("children_count")
    if (
        not children
        or any(ch.get("identified") is False for ch in children)
        or (count is not None and len(children) < count)
    ):
        return MISSING
    scene = c.get("scene") or {}
    if (
        all(
            ch.get("identified") is True
            and ch.get("full_name") is not None
            and ch.get("date_of_birth") is not None
            for ch in children
        )
        and scene.get("all_children_accounted") is True
    ):
        return MET
    return UNKNOWN


def check_all_adults(c: Facts, ctx: EvaluationContext) -> Outcome:
    children, adults = c["children"], c["adults"]
    if not (children and adults):
        return NOT_APPLICABLE
    if any(a.get("identified") is False or (a.get("checks") or {}).get("done") is False for a in adults):
        return MISSING
    if all(
        a.get("identified") is True
        and (a.get("checks") or {}).get("done") is True
        and (a.get("checks") or {}).get("missing_person") is not None
        for a in adults
    ):
        return MET
    return UNKNOWN


# Rule id -> twin. One entry per rule of the built-in rule sets.
TWINS: dict[str, Twin] = {
    "CFC-IDENTIFY-ALL-CHILDREN": identify_all_children,
    "CFC-CHECK-ALL-ADULTS": check_all_adults,
}
