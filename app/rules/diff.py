"""What changed between two versions of a rule set, rule by rule, grouped by the step each checks.

Rules are matched by their stable id: a rule only in the newer version is added, one only in the
older is removed, and one in both whose content differs is changed, with each differing field named,
put in a category (conditions, severity, hooks, citations, text, step) and shown before and after.
Rules are compared field by field on their JSON form, so fields added to the format later are
diffed too (as ``other``) without changes here. Steps come in vocabulary order, so a diff reads in
the order of the domain reference.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, JsonValue

from app.rules import vocabulary
from app.rules.compiler import CompiledRuleset
from app.rules.decision import RulesetIdentity
from app.rules.model import Severity


class ChangeCategory(StrEnum):
    conditions = "conditions"
    severity = "severity"
    hooks = "hooks"
    citations = "citations"
    text = "text"
    step = "step"
    other = "other"


FIELD_CATEGORY: dict[str, ChangeCategory] = {
    "applies_if": ChangeCategory.conditions,
    "met_if": ChangeCategory.conditions,
    "missing_if": ChangeCategory.conditions,
    "terms": ChangeCategory.conditions,  # language rules: what is flagged
    "exclude_fields": ChangeCategory.conditions,
    "severity": ChangeCategory.severity,
    "severity_reason": ChangeCategory.severity,
    "hooks": ChangeCategory.hooks,
    "references": ChangeCategory.citations,
    "title": ChangeCategory.text,
    "message": ChangeCategory.text,
    "detail": ChangeCategory.text,
    "action": ChangeCategory.text,
    "step": ChangeCategory.step,
}


class DiffModel(BaseModel):
    model_config = ConfigDict(frozen=True)


class FieldChange(DiffModel):
    field: str
    category: ChangeCategory
    before: JsonValue = Field(description="The value in the `from` version (null if absent).")
    after: JsonValue = Field(description="The value in the `to` version (null if absent).")
    added: tuple[JsonValue, ...] = Field(
        (), description="For list fields (hooks, references): items only in the `to` version."
    )
    removed: tuple[JsonValue, ...] = Field(
        (), description="For list fields: items only in the `from` version."
    )


class RuleRef(DiffModel):
    rule_id: str
    title: str
    severity: Severity
    hooks: tuple[str, ...]


class RuleChange(DiffModel):
    rule_id: str
    title: str = Field(description="The rule's title in the `to` version.")
    categories: tuple[ChangeCategory, ...] = Field(description="What kinds of thing changed.")
    changes: tuple[FieldChange, ...]


class StepDiff(DiffModel):
    step_id: str
    added: tuple[RuleRef, ...] = ()
    removed: tuple[RuleRef, ...] = ()
    changed: tuple[RuleChange, ...] = ()


class DiffSummary(DiffModel):
    added: int
    removed: int
    changed: int
    unchanged: int


class RulesetDiff(DiffModel):
    ruleset_id: str
    from_ruleset: RulesetIdentity
    to_ruleset: RulesetIdentity
    ruleset_changes: tuple[FieldChange, ...] = Field(
        description="Changes to the rule set's own fields (title, status, dates, changelog, ...)."
    )
    summary: DiffSummary
    steps: tuple[StepDiff, ...] = Field(description="Only steps with a change, in vocabulary order.")

    def rule_change(self, rule_id: str) -> RuleChange | None:
        return next((c for s in self.steps for c in s.changed if c.rule_id == rule_id), None)


def _items(value: JsonValue) -> list[JsonValue]:
    return list(value) if isinstance(value, list) else []


def field_changes(before: Mapping[str, JsonValue], after: Mapping[str, JsonValue]) -> tuple[FieldChange, ...]:
    """Each field whose value differs, in the order fields first appear."""
    changes = []
    for name in dict.fromkeys([*before, *after]):
        old, new = before.get(name), after.get(name)
        if old == new:
            continue
        added: list[JsonValue] = []
        removed: list[JsonValue] = []
        if isinstance(old, list) or isinstance(new, list):
            added = [v for v in _items(new) if v not in _items(old)]
            removed = [v for v in _items(old) if v not in _items(new)]
        changes.append(
            FieldChange(
                field=name,
                category=FIELD_CATEGORY.get(name, ChangeCategory.other),
                before=old,
                after=new,
                added=tuple(added),
                removed=tuple(removed),
            )
        )
    return tuple(changes)


def _ref(rule: Mapping[str, Any]) -> RuleRef:
    return RuleRef(rule_id=rule["id"], title=rule["title"], severity=rule["severity"], hooks=rule["hooks"])


def _step_order(step_ids: Sequence[str]) -> list[str]:
    known = list(vocabulary.steps())
    rank = {s: i for i, s in enumerate(known)}
    return sorted(set(step_ids), key=lambda s: (rank.get(s, len(known)), s))


def diff_rulesets(old: CompiledRuleset, new: CompiledRuleset) -> RulesetDiff:
    """Rules added, removed and changed from ``old`` to ``new``, grouped by step."""
    old_doc = old.document.model_dump(mode="json")
    new_doc = new.document.model_dump(mode="json")
    old_rules = {r["id"]: r for r in old_doc.pop("rules")}
    new_rules = {r["id"]: r for r in new_doc.pop("rules")}
    added: dict[str, list[RuleRef]] = {}
    removed: dict[str, list[RuleRef]] = {}
    changed: dict[str, list[RuleChange]] = {}
    unchanged = 0
    for rule_id, rule in new_rules.items():
        previous = old_rules.get(rule_id)
        if previous is None:
            added.setdefault(rule["step"], []).append(_ref(rule))
            continue
        changes = field_changes(previous, rule)
        if not changes:
            unchanged += 1
            continue
        categories = tuple(dict.fromkeys(c.category for c in changes))
        change = RuleChange(rule_id=rule_id, title=rule["title"], categories=categories, changes=changes)
        changed.setdefault(rule["step"], []).append(change)
    for rule_id, rule in old_rules.items():
        if rule_id not in new_rules:
            removed.setdefault(rule["step"], []).append(_ref(rule))
    steps = tuple(
        StepDiff(
            step_id=step,
            added=tuple(added.get(step, ())),
            removed=tuple(removed.get(step, ())),
            changed=tuple(changed.get(step, ())),
        )
        for step in _step_order([*added, *removed, *changed])
    )
    return RulesetDiff(
        ruleset_id=new.document.id,
        from_ruleset=old.identity,
        to_ruleset=new.identity,
        ruleset_changes=field_changes(old_doc, new_doc),
        summary=DiffSummary(
            added=sum(map(len, added.values())),
            removed=sum(map(len, removed.values())),
            changed=sum(map(len, changed.values())),
            unchanged=unchanged,
        ),
        steps=steps,
    )
