"""Build small synthetic rule sets and case files in a temporary directory."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from app.rules.canonical import canonical_json
from app.rules.checklist import Checklist
from app.rules.compiler import CompiledRuleset, compile_ruleset
from app.rules.decision import Decision
from app.rules.engine import Facts
from app.rules.model import RulesetDocument

RULESET_ID = "test-rules"
REFERENCE = {"document": "Test procedure", "section": "1", "verified": True}
MINIMAL_INCIDENT = {"reference": "INC-1", "force": "TST", "type": "welfare_concern"}


def condition_rule(rule_id: str = "T-SEEN", **overrides: Any) -> dict[str, Any]:
    rule: dict[str, Any] = {
        "id": rule_id,
        "step": "CFC-SEE-EVERY-CHILD",
        "title": "See every child",
        "severity": "critical",
        "hooks": ["scene.depart"],
        "applies_if": "len(children) > 0",
        "missing_if": "some(children, #.seen == false)",
        "met_if": "all(children, #.seen == true)",
        "message": "Not every child has been seen.",
        "action": "See every child.",
        "references": [REFERENCE],
    }
    rule.update(overrides)
    return rule


def language_rule(rule_id: str = "T-LANG", **overrides: Any) -> dict[str, Any]:
    rule: dict[str, Any] = {
        "id": rule_id,
        "kind": "language",
        "step": "LANG-NO-VICTIM-BLAMING",
        "title": "No victim-blaming language",
        "severity": "high",
        "hooks": ["narrative.lint"],
        "message": "Victim-blaming language.",
        "action": "Reword it.",
        "references": [REFERENCE],
        "terms": [{"phrase": "lifestyle choice", "suggestion": "child at risk of exploitation"}],
    }
    rule.update(overrides)
    return rule


def write_ruleset(root: Path, rules: list[dict[str, Any]], version: str = "1.0.0") -> Path:
    document = {
        "id": RULESET_ID,
        "version": version,
        "title": "Test rules",
        "status": "published",
        "effective_from": "2025-01-01",
        "changelog": "Test.",
        "rules": rules,
    }
    path = root / RULESET_ID / f"{version}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(document, sort_keys=False), "utf-8")
    return path


def write_cases(ruleset_file: Path, name: str, cases: list[dict[str, Any]] | Any) -> Path:
    directory = ruleset_file.with_suffix(".cases")
    directory.mkdir(exist_ok=True)
    path = directory / name
    body = {"cases": cases} if isinstance(cases, list) else cases
    path.write_text(yaml.safe_dump(body, sort_keys=False), "utf-8")
    return path


def as_facts(data: Checklist | Mapping[str, Any]) -> Facts:
    """Engine input for a test: a validated checklist, or raw data as a decision record stores it."""
    if isinstance(data, Checklist):
        return Facts.of(data)
    return Facts.stored(canonical_json(data), int(data.get("schema_version", 1)))


def checklist(**parts: Any) -> dict[str, Any]:
    return {"incident": dict(MINIMAL_INCIDENT), **parts}


def rule(rule_id: str, **overrides: Any) -> dict[str, Any]:
    """A condition rule whose step is the rule id's prefix; by default applicable and unknown."""
    base: dict[str, Any] = {
        "id": rule_id,
        "step": rule_id.split(".")[0],
        "title": f"Title of {rule_id}",
        "severity": "high",
        "hooks": ["scene.depart"],
        "applies_if": "true",
        "met_if": "false",
        "missing_if": "false",
        "message": f"Message of {rule_id}",
        "action": f"Action for {rule_id}",
        "references": [REFERENCE],
    }
    return base | overrides


def document(*rules: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "test-set",
        "version": "1.0.0",
        "title": "Test set",
        "status": "published",
        "effective_from": "2025-01-01",
        "changelog": "Test.",
        "rules": list(rules),
    }
    return base | overrides


def compiled(*rules: dict[str, Any], **overrides: Any) -> CompiledRuleset:
    return compile_ruleset(RulesetDocument.model_validate(document(*rules, **overrides)), source="test")


def flagged(decision: Decision, rule_id: str) -> list[str]:
    """The texts a language rule flagged in a decision (empty when it flagged none)."""
    for finding in decision.findings:
        if finding.rule_id == rule_id:
            return [d.text or "" for d in finding.details]
    return []
