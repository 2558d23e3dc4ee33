"""Request and response bodies of the stateless evaluate API."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.rules import vocabulary
from app.rules.checklist import Checklist
from app.rules.decision import Decision
from app.rules.engine import RulesetRef
from app.rules.history import HistoryFacts
from app.rules.model import (
    RULESET_ID_PATTERN,
    SEMVER_PATTERN,
    AnyRule,
    Reference,
    Severity,
    Status,
)
from app.schemas.types import Instant, one_of

DEFAULT_RULESET = "concern-for-a-child"


HOOK_MESSAGE = "not a hook of the rule sets (GET /v1/hooks lists them)"
check_hook = one_of("unknown_hook", HOOK_MESSAGE, vocabulary.hooks)


class RulesetSelector(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(DEFAULT_RULESET, pattern=RULESET_ID_PATTERN)
    version: str | None = Field(
        None,
        pattern=SEMVER_PATTERN,
        description="Exact version; default: the version in force at `as_of`.",
    )

    def ref(self) -> RulesetRef:
        """What the engine's ``decide`` takes."""
        return RulesetRef(self.id, self.version)


def _evaluate_example(schema: dict[str, Any]) -> None:
    from app.schemas.incidents import EXAMPLE_CHECKLIST  # that module imports this one

    schema["examples"] = [{"hook": "scene.depart", "checklist": EXAMPLE_CHECKLIST}]


class EvaluateRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra=_evaluate_example)

    checklist: Checklist
    hook: str | None = Field(
        None, description="Workflow moment (see `GET /v1/hooks`); null evaluates every rule."
    )
    as_of: Instant | None = Field(
        None,
        description="Time for timing rules; default: the latest time recorded in the checklist.",
    )
    ruleset: RulesetSelector = Field(default_factory=RulesetSelector)

    _hook = field_validator("hook")(check_hook)


class RulesetVersionSummary(BaseModel):
    version: str
    status: Status
    effective_from: date
    effective_to: date | None
    changelog: str
    hash: str
    rule_count: int


class RulesetSummary(BaseModel):
    id: str
    title: str
    versions: list[RulesetVersionSummary]


class RulesetVersionDetail(RulesetVersionSummary):
    id: str
    title: str
    checklist_schema_version: int
    rules: list[AnyRule]


class HookRule(BaseModel):
    rule_id: str
    step_id: str
    severity: Severity
    title: str
    references: tuple[Reference, ...]


class HookInfo(BaseModel):
    id: str
    description: str
    blocking: bool = Field(description="A critical step missing or unknown here blocks the action.")
    rules: list[HookRule]


class HookCatalogue(BaseModel):
    ruleset: str = Field(description="`id@version` of the rule set whose rules are listed.")
    hooks: list[HookInfo]


class EvaluationResult(Decision):
    """The decision, with the history facts it was made with when its rule set reads history."""

    history: HistoryFacts | None = Field(
        None,
        description="Only when the rule set reads history (`history: 1`): the earlier incidents of the "
        "checklist's people and address in the client's force, as counts, dates and step ids per local "
        "id (never another incident's reference, names or text).",
        exclude_if=lambda facts: facts is None,
    )
