"""Officers' feedback on decisions (CDS Hooks feedback): accepted, or overridden with a reason."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.models.decision import DecisionRecordLogged
from app.rules.decision import Decision


class FeedbackOutcome(StrEnum):
    accepted = "accepted"
    overridden = "overridden"


class OverrideReason(StrEnum):
    """Why an officer overrode a finding. A fixed list so that auditors can count them."""

    done_not_recorded = "done_not_recorded"
    not_relevant_to_incident = "not_relevant_to_incident"
    information_unavailable = "information_unavailable"
    officer_safety = "officer_safety"
    supervisor_direction = "supervisor_direction"
    other_agency_responsible = "other_agency_responsible"
    data_error = "data_error"
    other = "other"


class FeedbackCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "rule_id": "REF-CSC-REFERRAL",
                    "outcome": "overridden",
                    "reason_code": "supervisor_direction",
                    "comment": "Sergeant directed referral by the day shift.",
                    "submitted_by": "PC4711",
                }
            ]
        },
    )

    rule_id: str = Field(min_length=1, max_length=64, description="The finding's rule id.")
    outcome: FeedbackOutcome
    reason_code: OverrideReason | None = Field(None, description="Required when overridden.")
    comment: str | None = Field(None, max_length=2000, description="Required when the reason is `other`.")
    submitted_by: str = Field(
        "unspecified",
        min_length=1,
        max_length=128,
        description="The officer, e.g. a collar number (informational: the record names the "
        "authenticated client as `recorded_by`).",
    )

    @model_validator(mode="after")
    def _reason_when_overridden(self) -> FeedbackCreate:
        if self.outcome is FeedbackOutcome.overridden and self.reason_code is None:
            raise ValueError("reason_code is required when a finding is overridden")
        if self.outcome is FeedbackOutcome.accepted and self.reason_code is not None:
            raise ValueError("reason_code is only for overrides")
        if self.reason_code is OverrideReason.other and not (self.comment or "").strip():
            raise ValueError("a comment is required when the reason is `other`")
        return self


class FeedbackPublic(BaseModel):
    id: int
    decision_id: str
    rule_id: str
    outcome: FeedbackOutcome
    reason_code: OverrideReason | None
    comment: str | None
    submitted_by: str | None = Field(description="Null once retention has erased it.")
    recorded_by: str = Field(description="The authenticated client that sent it (`key:...` or `oidc:...`).")
    created_at: datetime


class DecisionRecordPublic(DecisionRecordLogged):
    """A decision record as stored: everything replay needs, and the chain links."""

    input: dict[str, Any] = Field(description="The checklist facts the engine was given.")
    context: dict[str, Any] = Field(description="The pinned evaluation context: hook and as_of.")
    result: Decision
    erased: list[str] = Field(
        default_factory=list,
        description="JSON pointers of personal content erased by retention, e.g. "
        "`/input/children/0/full_name`.",
    )
    feedback: list[FeedbackPublic]
    overrides: int


class ReasonCount(BaseModel):
    reason_code: OverrideReason
    count: int


class RuleFeedbackCount(BaseModel):
    rule_id: str
    accepted: int
    overridden: int


class FeedbackStats(BaseModel):
    accepted: int
    overridden: int
    by_reason: list[ReasonCount]
    by_rule: list[RuleFeedbackCount]


class ChainBreak(BaseModel):
    part: str = Field(
        "decision_record",
        description="Which part failed: `decision_record`, `erasure_log`, `checklist_revision`, "
        "`incident`, `decision_feedback` or `access_event`.",
    )
    seq: int = Field(
        description="Position in that part of the first record that does not verify (`seq` "
        "of a decision record, `id` of any other row)."
    )
    decision_id: str | None
    reason: str = Field(
        description="`hash_mismatch`, `prev_hash_mismatch`, `gap`, `head_mismatch`, `beyond_head` (a "
        "record past the chain's head), `not_in_chain` (records a later one skips), `content_mismatch` "
        "(content no longer matches the digest the chain recorded), `forged_erasure` (erased without an "
        "entry of the erasure log that accounts for it, or not as the chain promised), "
        "`erasure_mismatch`, `no_decision_record`, `decision_mismatch`, `revision_missing`, "
        "`revision_count_mismatch`, `latest_decision_mismatch`, `time_mismatch`, `incident_mismatch`."
    )


class PartVerification(BaseModel):
    verified: bool
    records: int = Field(description="Rows checked before the first break (all of them if verified).")
    head_hash: str | None = Field(None, description="The head of the part's own chain, if it has one.")


class AuditVerification(BaseModel):
    verified: bool
    records: int = Field(description="Decision records checked.")
    head_hash: str | None = None
    first_broken: ChainBreak | None = None
    parts: dict[str, PartVerification] = Field(
        default_factory=dict,
        description="Each part verified, in order: the erasure log, the decision chain, checklist "
        "revisions, incidents, feedback and the access audit.",
    )
