"""Request and response bodies of incident submissions, revisions and the incident views."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.rules.checklist import Checklist
from app.rules.decision import Basis, Decision, Outcome
from app.rules.history import HistoryFacts
from app.rules.model import Severity
from app.schemas.bundles import DeviceAgreement, DeviceDecision
from app.schemas.decisions import FeedbackPublic
from app.schemas.errors import ErrorBody
from app.schemas.evaluate import RulesetSelector, check_hook
from app.schemas.pagination import Page
from app.schemas.types import MAX_REVISION, Instant

MAX_BATCH = 100

# A synthetic incident: invented people, invented reference.
EXAMPLE_CHECKLIST: dict[str, Any] = {
    "schema_version": 1,
    "incident": {
        "reference": "WMP-20261122-0042",
        "force": "WMP",
        "type": "domestic_abuse",
        "at_dwelling": True,
        "domestic_abuse": True,
        "grade": "immediate",
        "reported_at": "2026-11-22T19:02:00Z",
        "attended_at": "2026-11-22T19:20:00Z",
        "officer_in_charge_id": "PC4711",
    },
    "children": [
        {
            "id": "C1",
            "full_name": "Ada Example",
            "age": 6,
            "present": True,
            "seen_at": "2026-11-22T19:25:00Z",
            "responsible_adult_id": "A2",
        },
        {"id": "C2", "age": 3, "present": True},
    ],
    "adults": [
        {
            "id": "A1",
            "roles": ["parent", "suspect"],
            "full_name": "Sam Sample",
            "arrested": True,
            "arrested_at": "2026-11-22T19:40:00Z",
        },
        {"id": "A2", "roles": ["carer"], "full_name": "Robin Test", "age": 19},
    ],
    "scene": {"all_children_accounted": True},
    "actions": {"referral": {"made": False}},
}

EXAMPLE_SUBMISSION: dict[str, Any] = {
    "checklist": EXAMPLE_CHECKLIST,
    "hook": "scene.depart",
    "device_time": "2026-11-22T19:45:10+00:00",
    "submitted_by": "MDT-0815 / PC4711",
    "base_revision": 1,
}


class SubmissionCreate(BaseModel):
    """A checklist for one incident, full or partial, as an MDT or a control room sends it."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [EXAMPLE_SUBMISSION]})

    checklist: Checklist
    hook: str | None = Field(
        None, description="Workflow moment to evaluate at (see `GET /v1/hooks`), e.g. `scene.depart`."
    )
    as_of: Instant | None = Field(
        None, description="Time for timing rules; default: the latest time recorded in the checklist."
    )
    ruleset: RulesetSelector = Field(default_factory=RulesetSelector)
    device_time: Instant = Field(
        description="The sending device's own clock when the checklist was saved (orders offline queues)."
    )
    submitted_by: str = Field(
        "unspecified",
        min_length=1,
        max_length=128,
        description="Who sent it: terminal and officer, e.g. `MDT-0815 / PC4711` (until authentication).",
    )
    base_revision: int | None = Field(
        None,
        ge=0,
        le=MAX_REVISION,
        description="Optimistic concurrency: the revision this checklist was based on (0: the incident "
        "must not exist yet). A newer revision on the server refuses the write with 412. The "
        "`If-Match` header does the same for single submissions.",
    )
    device_decision: DeviceDecision | None = Field(
        None,
        description="The decision the device computed offline (signed rule bundle) before it could "
        "send this: compared with the server's, which stays the evaluation of record.",
    )

    _hook = field_validator("hook")(check_hook)


class BatchItem(SubmissionCreate):
    model_config = ConfigDict(extra="forbid")

    incident_ref: str = Field(min_length=1, max_length=64, description="The incident the item is for.")
    idempotency_key: str | None = Field(
        None, min_length=1, max_length=255, description="Makes a retried item safe, as the header does."
    )


class BatchRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "items": [
                        {
                            **EXAMPLE_SUBMISSION,
                            "incident_ref": "WMP-20261122-0042",
                            "idempotency_key": "mdt-0815-000123",
                        }
                    ]
                }
            ]
        },
    )

    items: list[dict[str, Any]] = Field(
        min_length=1,
        max_length=MAX_BATCH,
        description="Queued submissions, each a `BatchItem` (a submission plus `incident_ref` and an "
        "optional `idempotency_key`). Items are validated one by one, so an invalid item is "
        "reported in its result and does not sink the others.",
    )


class OutstandingStep(BaseModel):
    rule_id: str
    step_id: str
    severity: Severity
    outcome: Outcome = Field(description="`missing` (recorded as not done) or `unknown` (not recorded).")
    basis: Basis | None = Field(
        None,
        description="On missing steps of rule sets with due moments: `recorded` or `not_recorded`.",
        exclude_if=lambda basis: basis is None,
    )
    title: str
    message: str
    action: str


class SubmissionResult(BaseModel):
    """The stored revision and its evaluation, outstanding steps first."""

    incident_ref: str
    revision: int
    decision_id: str
    received_at: datetime
    hook: str | None
    blocking: bool = Field(description="At a blocking moment, a critical step is missing or unknown.")
    outstanding: list[OutstandingStep] = Field(
        description="Steps missing or not yet recorded, most severe first: what to do before leaving."
    )
    score: float | None
    completeness: float | None
    evaluation: Decision
    device_decision: DeviceAgreement | None = Field(
        None,
        description="Only when a device's offline decision was sent: whether it agreed with the server's.",
        exclude_if=lambda agreement: agreement is None,  # absent otherwise, as before
    )
    history: HistoryFacts | None = Field(
        None,
        description="Only when the rule set reads history: the history facts it was evaluated with "
        "(counts, dates and step ids per local person id; never another incident's content).",
        exclude_if=lambda facts: facts is None,  # absent otherwise, as before
    )


class BatchItemResult(BaseModel):
    index: int = Field(description="Position of the item in the request.")
    incident_ref: str | None
    status: int = Field(description="What the item would have got alone: 201, 412, 409, 422...")
    replayed: bool = Field(False, description="An earlier submission with this idempotency key.")
    result: SubmissionResult | None = None
    error: ErrorBody | None = None


class BatchResult(BaseModel):
    applied: int = Field(description="Items stored (new revisions).")
    failed: int
    results: list[BatchItemResult] = Field(description="One per item, in request order.")


class RevisionEntry(BaseModel):
    revision: int
    decision_id: str
    submitted_by: str | None = Field(description="Null once retention has erased it.")
    device_time: datetime | None
    received_at: datetime
    hook: str | None
    blocking: bool
    score: float | None
    completeness: float | None


class LatestRevision(BaseModel):
    revision: int
    decision_id: str
    checklist: dict[str, Any] = Field(description="The checklist as stored (the decision's input).")
    evaluation: Decision


class IncidentSummary(BaseModel):
    reference: str
    force: str
    incident_type: str
    revision: int
    hook: str | None = Field(description="Hook of the latest evaluation.")
    blocking: bool = Field(description="The latest evaluation is blocking.")
    created_at: datetime
    updated_at: datetime


class IncidentPublic(IncidentSummary):
    latest: LatestRevision
    history: list[RevisionEntry] = Field(description="One entry per stored revision, oldest first.")
    feedback: list[FeedbackPublic] = Field(description="Officers' feedback on this incident's decisions.")
    overrides: int = Field(description="Findings officers overrode.")


class IncidentPage(Page[IncidentSummary]):
    """Incidents, most recently updated first."""


class IncidentOutstanding(BaseModel):
    """What is still to do on an incident, from its latest evaluation (no checklist content)."""

    incident_ref: str
    revision: int
    decision_id: str
    hook: str | None
    blocking: bool
    score: float | None
    completeness: float | None
    outstanding: list[OutstandingStep] = Field(description="Missing or unrecorded steps, most severe first.")


def outstanding_steps(decision: Decision) -> list[OutstandingStep]:
    return [
        OutstandingStep(
            rule_id=f.rule_id,
            step_id=f.step_id,
            severity=f.severity,
            outcome=f.outcome,
            basis=f.basis,
            title=f.title,
            message=f.message,
            action=f.action,
        )
        for f in decision.findings
    ]
