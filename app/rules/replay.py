"""Replaying stored decisions: exact reproduction, and the impact of another rule-set version.

Pure functions over what a decision record stores (the input facts, the pinned context and the
canonical JSON of the result); the service layer reads the records and stores what these return.

- ``Reproduction``: re-evaluating a record with the version it names must give a result whose
  canonical JSON (``canonical_json`` of the decision's JSON dump; the service builds the same bytes
  faster) is the stored one, byte for byte. Anything else is a reproduction failure.
- ``impact``: re-evaluating with another version, per finding (keyed by rule id): findings that
  appear, disappear, change severity or change outcome (missing <-> unknown, and between the two
  bases of missing: ``recorded`` <-> ``not_recorded``), and the blocking flag. A missing finding of a
  semantics-1 result has no basis and is compared as ``recorded``: there, missing always meant that
  the data said the step was not done.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

import orjson

from app.rules.canonical import sha256_hex
from app.rules.compiler import CompiledRuleset
from app.rules.decision import Basis, Decision, Outcome
from app.rules.engine import EvaluationContext, Facts, evaluate
from app.rules.history import HistoryFacts
from app.rules.model import Severity


def context_from_json(context: Mapping[str, Any], history: HistoryFacts | None = None) -> EvaluationContext:
    """The pinned context of a record, with the history facts it was evaluated with, if any (or
    ``history`` instead, when given)."""
    as_of = context.get("as_of")
    if history is None and (stored := context.get("history")) is not None:
        history = HistoryFacts.model_validate(stored)
    return EvaluationContext(
        hook=context.get("hook"),
        as_of=datetime.fromisoformat(as_of) if as_of else None,
        history=history,
    )


def reevaluate(
    ruleset: CompiledRuleset,
    input_json: str | bytes,
    context: Mapping[str, Any],
    checklist_schema_version: int,
    history: HistoryFacts | None = None,
) -> Decision:
    """Evaluate a record's stored input under its stored context with ``ruleset``, exactly as the
    original evaluation did: with the history facts it stored, unless ``history`` (recomputed by an
    impact replay) replaces them. The rule set is in hand (the version the record names, or an
    impact's target), so this is ``decide`` without resolving it again: ``decide`` pins
    ``as_of`` from the facts only when none is given, and a record's context always gives one (or
    null, which stored facts leave null)."""
    pinned = context_from_json(context, history)
    return evaluate(ruleset, Facts.stored(input_json, checklist_schema_version), pinned)


@dataclass(frozen=True, slots=True)
class Reproduction:
    """Whether the canonical result reproduced. Equal canonical bytes are equal canonical hashes, so
    the comparison is on bytes and the SHA-256 digests (a sizeable share of the cost of a replay)
    are computed only when asked for: for a failure, or when every result is stored."""

    reproduced: bool
    stored: bytes = field(repr=False)
    replayed: bytes = field(repr=False)

    @classmethod
    def of(cls, stored: bytes, replayed: bytes) -> Reproduction:
        """Compare a stored result with the canonical JSON of its re-evaluation."""
        return cls(stored == replayed, stored, replayed)

    @property
    def stored_hash(self) -> str:
        return sha256_hex(self.stored)

    @property
    def replayed_hash(self) -> str:
        return self.stored_hash if self.reproduced else sha256_hex(self.replayed)

    def differing_fields(self) -> list[str]:
        """Top-level result fields that differ (only worth computing for a failure)."""
        before, after = orjson.loads(self.stored), orjson.loads(self.replayed)
        return sorted(k for k in {*before, *after} if before.get(k) != after.get(k))


class ChangeKind(StrEnum):
    appeared = "appeared"
    disappeared = "disappeared"
    severity = "severity_changed"
    outcome = "outcome_changed"


@dataclass(frozen=True, slots=True)
class FindingChange:
    rule_id: str
    step_id: str
    kind: ChangeKind
    severity_before: str | None
    severity_after: str | None
    outcome_before: str | None
    outcome_after: str | None
    basis_before: str | None = None
    basis_after: str | None = None

    @property
    def severity(self) -> str:
        """The severity the change is counted under: the new one, or the old for a disappearance."""
        return self.severity_after or self.severity_before or ""

    def to_json(self) -> dict[str, str | None]:
        return {
            "rule_id": self.rule_id,
            "step_id": self.step_id,
            "kind": self.kind.value,
            "severity_before": self.severity_before,
            "severity_after": self.severity_after,
            "outcome_before": self.outcome_before,
            "outcome_after": self.outcome_after,
            "basis_before": self.basis_before,
            "basis_after": self.basis_after,
        }


@dataclass(frozen=True, slots=True)
class Impact:
    changes: tuple[FindingChange, ...]
    blocking_before: bool
    blocking_after: bool
    score_before: float | None
    score_after: float | None

    @property
    def changed(self) -> bool:
        return bool(self.changes) or self.blocking_before != self.blocking_after

    @property
    def newly_blocking(self) -> bool:
        return self.blocking_after and not self.blocking_before


def impact(stored: Mapping[str, Any], replayed: Decision) -> Impact:
    """How the findings of a stored result (parsed JSON) differ from a re-evaluation's."""
    before = {f["rule_id"]: f for f in stored.get("findings", ())}
    after = {f.rule_id: f for f in replayed.findings}
    changes: list[FindingChange] = []
    for rule_id, new in after.items():
        old = before.get(rule_id)
        severity, outcome = new.severity.value, new.outcome.value
        basis = _basis(outcome, new.basis)
        if old is None:
            kind = ChangeKind.appeared
        elif old["severity"] != severity:
            kind = ChangeKind.severity
        elif old["outcome"] != outcome or _stored_basis(old) != basis:
            kind = ChangeKind.outcome
        else:
            continue
        changes.append(
            FindingChange(
                rule_id,
                new.step_id,
                kind,
                old and old["severity"],
                severity,
                old and old["outcome"],
                outcome,
                old and _stored_basis(old),
                basis,
            )
        )
    for rule_id, old in before.items():
        if rule_id not in after:
            changes.append(
                FindingChange(
                    rule_id,
                    old["step_id"],
                    ChangeKind.disappeared,
                    old["severity"],
                    None,
                    old["outcome"],
                    None,
                    _stored_basis(old),
                    None,
                )
            )
    return Impact(
        changes=tuple(changes),
        blocking_before=bool(stored.get("blocking")),
        blocking_after=replayed.blocking,
        score_before=stored.get("score"),
        score_after=replayed.score,
    )


def _basis(outcome: str, basis: str | None) -> str | None:
    """A missing finding's basis; ``recorded`` where none is given (semantics 1)."""
    if outcome != Outcome.missing:
        return None
    return basis or Basis.recorded.value


def _stored_basis(finding: Mapping[str, Any]) -> str | None:
    return _basis(finding["outcome"], finding.get("basis"))


@dataclass
class ImpactTotals:
    """Counts over a whole selection, kept as plain JSON so a resumed job carries them on.

    ``decisions`` counts every record replayed; ``erased`` those of them not compared because
    retention erased personal content of their input (re-evaluating what is left would count the
    erasure as a change of rule set: ``add_erased``), ``errors`` those that could not be
    re-evaluated or whose stored result could not be read (``add_error``)."""

    decisions: int = 0
    changed: int = 0
    newly_blocking: int = 0
    no_longer_blocking: int = 0
    erased: int = 0
    errors: int = 0
    by_step: dict[str, dict[str, int]] = field(default_factory=dict)
    by_severity: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(self, result: Impact) -> None:
        self.decisions += 1
        self.changed += result.changed
        self.newly_blocking += result.newly_blocking
        self.no_longer_blocking += result.blocking_before and not result.blocking_after
        for change in result.changes:
            kind = change.kind.value
            step = self.by_step.setdefault(change.step_id, {})
            step[kind] = step.get(kind, 0) + 1
            severity = self.by_severity.setdefault(change.severity, {})
            severity[kind] = severity.get(kind, 0) + 1

    def add_erased(self) -> None:
        """A record replayed but not compared: retention erased content of its input."""
        self.decisions += 1
        self.erased += 1

    def add_error(self) -> None:
        """A record replayed but not compared: it could not be re-evaluated, or its result read."""
        self.decisions += 1
        self.errors += 1

    def to_json(self) -> dict[str, Any]:
        order = {s.value: i for i, s in enumerate(Severity)}
        return {
            "decisions": self.decisions,
            "changed": self.changed,
            "newly_blocking": self.newly_blocking,
            "no_longer_blocking": self.no_longer_blocking,
            "erased": self.erased,
            "errors": self.errors,
            "by_step": dict(sorted(self.by_step.items())),
            "by_severity": dict(sorted(self.by_severity.items(), key=lambda kv: order.get(kv[0], 9))),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ImpactTotals:
        return cls(
            decisions=data.get("decisions", 0),
            changed=data.get("changed", 0),
            newly_blocking=data.get("newly_blocking", 0),
            no_longer_blocking=data.get("no_longer_blocking", 0),
            erased=data.get("erased", 0),
            errors=data.get("errors", 0),
            by_step={k: dict(v) for k, v in data.get("by_step", {}).items()},
            by_severity={k: dict(v) for k, v in data.get("by_severity", {}).items()},
        )
