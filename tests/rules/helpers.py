"""Builders for small synthetic rule sets and checklists used by engine tests."""

from __future__ import annotations

from typing import Any

from app.rules.compiler import CompiledRuleset, compile_ruleset
from app.rules.model import RulesetDocument

REFERENCE = {"document": "Synthetic policy", "section": "1", "verified": True}


def rule(rule_id: str, **overrides: Any) -> dict[str, Any]:
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


def checklist(**parts: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "incident": {"reference": "INC-TEST-1", "force": "TEST", "type": "domestic_abuse"},
    }
    return data | parts
