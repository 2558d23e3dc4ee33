"""The stable vocabularies rules refer to: safeguarding steps and workflow moments (hooks).

Both come from ``shared/domain/steps.md`` and ship as data beside this module.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from app.rules import yamlio
from app.rules.errors import RulesetLoadError
from app.rules.model import Severity


class Step(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    number: int
    section: str
    section_title: str
    summary: str
    suggested_severity: Severity
    evidence_tags: tuple[str, ...]
    hooks: tuple[str, ...]
    verified: bool


class Hook(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    description: str
    blocking: bool
    steps: tuple[str, ...]


ALL_RULES_HOOK = "audit.replay"


def _load(name: str, key: str) -> list[dict[str, object]]:
    text = (Path(__file__).parent / "vocabulary" / name).read_text("utf-8")
    data = yamlio.safe_load(text)
    entries = data.get(key) if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise RulesetLoadError(f"vocabulary/{name}", [f"expected a mapping with a list under {key!r}"])
    return entries


@cache
def steps() -> dict[str, Step]:
    return {s.id: s for s in map(Step.model_validate, _load("steps.yaml", "steps"))}


@cache
def hooks() -> dict[str, Hook]:
    return {h.id: h for h in map(Hook.model_validate, _load("hooks.yaml", "hooks"))}
