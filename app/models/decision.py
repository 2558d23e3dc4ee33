"""The append-only decision log, its hash-chain head, and officers' feedback on decisions.

``decision_record`` columns, all of which feed the record hash (see ``app.services.audit``):

- ``seq``: position in the chain, 1, 2, 3... without gaps; assigned under the chain-head lock.
- ``decision_id``: UUID given to clients.
- ``incident_ref``, ``revision``: the incident revision the decision was made for (null for none).
- ``ruleset_id``, ``ruleset_version``, ``ruleset_hash``: the exact rule-set version evaluated.
- ``engine_version``: ``app.rules.engine.ENGINE_VERSION`` at evaluation time.
- ``checklist_schema_version``: schema version of the input checklist.
- ``input``: the checklist facts as canonical JSON (``app.rules.canonical.canonical_json``) - exactly
  what the engine was given.
- ``context``: canonical JSON ``{"hook": ..., "as_of": ...}`` - the pinned evaluation context.
- ``result``: canonical JSON of the ``Decision`` returned.
- ``requested_by``: client identity (a placeholder until authentication exists).
- ``recorded_at``: server time of the append (UTC).
- ``prev_hash``, ``hash``: ``hash = SHA-256(prev_hash + canonical record)``.

Replay needs ``input`` + ``context`` + the rule-set identity; ``result`` is what it compares against.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Text
from sqlmodel import Field, SQLModel

from app.models.base import timestamp_field

GENESIS_HASH = "0" * 64


class DecisionRecord(SQLModel, table=True):
    __tablename__ = "decision_record"

    seq: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    decision_id: str = Field(max_length=36, unique=True)
    incident_ref: str | None = Field(default=None, max_length=64, index=True)
    revision: int | None = None
    ruleset_id: str = Field(max_length=64)
    ruleset_version: str = Field(max_length=32)
    ruleset_hash: str = Field(max_length=64)
    engine_version: str = Field(max_length=128)
    checklist_schema_version: int
    input: str = Field(sa_type=Text)
    context: str = Field(sa_type=Text)
    result: str = Field(sa_type=Text)
    requested_by: str = Field(max_length=128)
    recorded_at: datetime = timestamp_field()
    # The chain covers these digests, not ``input`` and ``result`` themselves, so that retention can
    # erase personal content without breaking the chain; verify checks the content against them
    # until it is erased.
    input_sha256: str = Field(max_length=64)
    result_sha256: str = Field(max_length=64)
    # What retention will erase, fixed when the record is appended and covered by the chain: the
    # JSON pointers of personal content (``erasable``) and the digests of input and result once
    # exactly those are nulled. An erasure is therefore provable: it removes that content and
    # nothing else, and outcome, blocking flag, score and rule-set identity stay covered.
    erasable: str = Field(sa_type=Text, default="[]")
    input_erased_sha256: str = Field(max_length=64)
    result_erased_sha256: str = Field(max_length=64)
    # The checklist revision's own fields (who, device time, receipt time, idempotency key), as a
    # salted commitment (``app.services.integrity``): full, and after erasure. Null without revision.
    revision_sha256: str | None = Field(default=None, max_length=64)
    revision_erased_sha256: str | None = Field(default=None, max_length=64)
    # Retention: JSON list of JSON pointers erased (equal to ``erasable``), when, and by which entry
    # of the erasure log (its own chain). On PostgreSQL the trigger allows exactly this change.
    erased: str | None = Field(default=None, sa_type=Text)
    erased_at: datetime | None = timestamp_field(default=None, nullable=True)
    erasure_id: int | None = Field(default=None)
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64, unique=True)


class DecisionChainHead(SQLModel, table=True):
    """A single row (id 1): the last appended record. Locked FOR UPDATE to serialise appends."""

    __tablename__ = "decision_chain_head"

    id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    seq: int
    hash: str = Field(max_length=64)


class DecisionFeedback(SQLModel, table=True):
    """An officer accepted or overrode one finding of a decision (CDS Hooks feedback)."""

    __tablename__ = "decision_feedback"

    id: int | None = Field(default=None, primary_key=True)
    decision_id: str = Field(max_length=36, foreign_key="decision_record.decision_id", index=True)
    rule_id: str = Field(max_length=64)
    outcome: str = Field(max_length=16)
    reason_code: str | None = Field(default=None, max_length=32)
    comment: str | None = Field(default=None, max_length=2000)
    submitted_by: str | None = Field(default=None, max_length=128, description="Null once erased.")
    created_at: datetime = timestamp_field()
    # Tamper evidence (``app.services.integrity``): a salted commitment to the row, full and with
    # comment and submitter erased, linked into the feedback chain.
    salt: str | None = Field(default=None, max_length=32, description="Erased with the personal fields.")
    content_sha256: str = Field(max_length=64)
    erased_sha256: str = Field(max_length=64)
    erased_at: datetime | None = timestamp_field(default=None, nullable=True)
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)
