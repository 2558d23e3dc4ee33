"""Semantics-2 (due moments) building blocks for tests: rules, documents and checklists."""

from __future__ import annotations

from typing import Any

from tests.rules.helpers import condition_rule

UNKNOWN_TEXT = "It is not yet recorded whether every child was seen."
NOT_RECORDED_TEXT = "Officers left without recording that every child was seen."
RECORDED_TEXT = "Not every child has been seen."
RATIONALE = "Children are seen at the scene; the record is due when officers leave it."


def due_rule(rule_id: str = "T-SEEN", **overrides: Any) -> dict[str, Any]:
    """A critical rule about seeing every child, due at ``scene.depart`` (also run at arrival)."""
    rule = condition_rule(
        rule_id,
        hooks=["scene.arrival", "scene.depart"],
        due={"hooks": ["scene.depart"]},
        message=RECORDED_TEXT,
        message_unknown=UNKNOWN_TEXT,
        message_not_recorded=NOT_RECORDED_TEXT,
        hooks_rationale=RATIONALE,
    )
    rule.update(overrides)
    return rule


def plain_rule(rule_id: str, **overrides: Any) -> dict[str, Any]:
    """A semantics-2 rule without a due moment: absent data stays unknown."""
    rule = condition_rule(
        rule_id,
        step="CFC-IDENTIFY-ALL-CHILDREN",
        severity="high",
        hooks=["scene.arrival", "scene.depart"],
        missing_if="some(children, #.identified == false)",
        met_if="all(children, #.identified == true)",
        message_unknown="It is not yet recorded whether every child was identified.",
        hooks_rationale="Identification happens at the scene.",
    )
    rule.update(overrides)
    return rule


def children(*seen: bool | None) -> list[dict[str, Any]]:
    return [{"id": f"C{i}", "seen": value} for i, value in enumerate(seen, 1)]
