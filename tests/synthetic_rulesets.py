"""Small synthetic rule sets written into a temporary directory, for lifecycle tests."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from app.rules import lock
from app.rules.compiler import CompiledRuleset, compile_ruleset
from app.rules.lock import Lockfile
from app.rules.model import RulesetDocument
from app.rules.registry import BUILTIN_RULESETS, load_all

REFERENCE = {"document": "Children Act 1989", "section": "s46(3)(d)", "verified": True}


def rule(rule_id: str, step: str | None = None, **fields: Any) -> dict[str, Any]:
    """A valid rule about the children at the scene; ``fields`` override any part of it."""
    base: dict[str, Any] = {
        "id": rule_id,
        "step": step or rule_id.split(".")[0],
        "title": f"Synthetic rule {rule_id}",
        "severity": "high",
        "hooks": ["scene.assessment", "scene.depart"],
        "applies_if": "len(children) > 0",
        "missing_if": "some(children, #.spoken_to == false)",
        "met_if": "all(children, #.spoken_to == true)",
        "message": "Not every child has been spoken to.",
        "action": "Speak to each child away from the alleged perpetrator.",
        "references": [REFERENCE],
    }
    return {**base, **fields}


def document(version: str = "1.0.0", **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "concern-for-a-child",
        "version": version,
        "title": "Synthetic concern for a child",
        "status": "published",
        "effective_from": "2025-01-01",
        "changelog": f"Synthetic version {version}.",
        "rules": [
            rule("CFC-IDENTIFY-ALL-CHILDREN", severity="critical"),
            rule("CFC-VOICE-OF-CHILD"),
            rule("CFC-SEE-EVERY-CHILD", severity="critical"),
        ],
    }
    return {**base, **fields}


def compiled(data: dict[str, Any]) -> CompiledRuleset:
    return compile_ruleset(RulesetDocument.model_validate(data), source="synthetic")


def write(root: Path, data: dict[str, Any]) -> Path:
    path: Path = root / data["id"] / f"{data['version']}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    return path


def edit(path: Path, **fields: Any) -> None:
    """Rewrite a rule-set file with some top-level fields replaced."""
    data = yaml.safe_load(path.read_text("utf-8"))
    path.write_text(yaml.safe_dump({**data, **fields}, sort_keys=False), "utf-8")


def copy_builtin(tmp_path: Path) -> Path:
    root = tmp_path / "rulesets"
    shutil.copytree(BUILTIN_RULESETS, root)
    return root


def lock_all(root: Path) -> Path:
    """Record every published version under ``root`` in its lock file, as publishing would."""
    path = lock.lock_path(root)
    path.write_text(lock.relock(load_all(root), Lockfile(), str(path)).dumps(), "utf-8")
    return root
