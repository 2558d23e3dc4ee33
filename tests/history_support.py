"""A synthetic rule set that reads history (``history: 1``), and submissions of synthetic people.

The rule set's one rule is missing when a child has two or more earlier concern incidents in 12
months, so a decision shows whether history was seen. The rule linter checks it like any rule set
(``context.history`` fields against ``HistoryFacts``, conditions with and without history).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine

from app.db import session_scope
from app.rules import compiler
from app.rules.compiler import CompiledRuleset
from app.rules.model import RulesetDocument
from app.rules.registry import RulesetRegistry
from app.schemas.incidents import SubmissionCreate
from app.services import history, submissions
from tests.synthetic_rulesets import document, rule

VERSION = "9.0.0"
REPEAT = "some(context.history.children ?? [], #.linked == true and #.concerns_12m >= 2)"
SECRET = "history-test-secret-0123456789abcdefghijkl"


def history_document() -> dict[str, Any]:
    return document(
        VERSION,
        semantics=2,
        history=1,
        rules=[
            rule(
                "CFC-SEE-EVERY-CHILD",
                severity="critical",
                hooks_rationale="Synthetic.",
                message_unknown="Not recorded.",
                applies_if="len(children) > 0",
                missing_if=REPEAT,
                met_if=f"context.history != null and not ({REPEAT})",  # no history: unknown
            )
        ],
    )


def history_ruleset(source: str = "synthetic-history") -> CompiledRuleset:
    doc = RulesetDocument.model_validate(history_document())
    return compiler.compile_ruleset(doc, source)


def history_registry() -> RulesetRegistry:
    return RulesetRegistry([history_ruleset()])


def pseudonymiser(
    secret: str = SECRET, previous: tuple[str, ...] = (), shared: dict[str, tuple[str, ...]] | None = None
) -> history.Pseudonymiser:
    return history.Pseudonymiser(secret, previous, shared)


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def child(
    local_id: str = "C1",
    *,
    ref: str | None = None,
    name: str | None = None,
    born: str | None = None,
    **fields: Any,
) -> dict[str, Any]:
    return {
        "id": local_id,
        "person_ref": ref,
        "full_name": name,
        "date_of_birth": born,
        "present": True,
        "seen": True,
        **fields,
    }


def body(
    ref: str,
    children: list[dict[str, Any]],
    *,
    force: str = "WMP",
    as_of: datetime | None = None,
    adults: list[dict[str, Any]] | None = None,
    address_ref: str | None = "LOC-0048213",
    notes: str = "Synthetic free text.",
    version: str | None = VERSION,
) -> SubmissionCreate:
    at = as_of or now() + timedelta(minutes=10)
    checklist: dict[str, Any] = {
        "schema_version": 3,
        "incident": {
            "reference": ref,
            "force": force,
            "type": "child_neglect",
            "flagged_child_concern": True,
            "reported_at": (at - timedelta(minutes=30)).isoformat(),
            "address_ref": address_ref,
        },
        "children": children,
        "adults": adults if adults is not None else [],
        "narratives": [{"kind": "log", "text": notes, "at": at.isoformat()}],
    }
    return SubmissionCreate.model_validate(
        {
            "checklist": checklist,
            "as_of": at.isoformat(),
            "ruleset": {"id": "concern-for-a-child", "version": version},
            "device_time": at.isoformat(),
            "submitted_by": "MDT-0001 / PC0001",
        }
    )


def submit(
    engine: Engine,
    registry: RulesetRegistry,
    submission: SubmissionCreate,
    p: history.Pseudonymiser | None = None,
    force: str | None = None,
) -> submissions.Stored:
    with session_scope(engine) as session:
        return submissions.submit(
            session,
            registry,
            submission.checklist.incident.reference,
            submission,
            idempotency_key=None,
            if_match=None,
            requested_by="test",
            force=force,
            pseudonymiser=p or pseudonymiser(),
        )
