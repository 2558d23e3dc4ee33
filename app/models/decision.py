"""The append-only decision log, its hash-chain head, and officers' feedback on decisions.

``decision_record`` columns, all of which feed the record hash (see ``app.services.audit``):

- ``seq``: position in the chain, 1, 2, 3... without gaps; assigned under the chain-head lock.
- ``decision_id``: UUID given to clients.
- ``incident_ref``, ``revision``: the incident revision the decision was made for (null for none).
- ``ruleset_id``, ``ruleset_version``, ``ruleset_hash``: the exact rule-set version evaluated.
- ``engine_version``: ``app.rules.engine.ENGINE_VERSIONS[semantics]`` of the rule set used (semantics-1
  rule sets keep the original engine version, so their decisions replay byte for byte).
- ``checklist_schema_version``: schema version of the input checklist.
- ``input``: the checklist facts as canonical JSON (``app.rules.canonical.canonical_json``) - exactly
  what the engine was given.
- ``context``: canonical JSON ``{"hook": ..., "as_of": ...}`` - the pinned evaluation context; with
  ``"history"`` (the history facts, ``app.rules.history``) only when the rule set read them, so
  records without history are byte for byte as before and the facts are covered by the chain.
- ``result``: canonical JSON of the ``Decision`` returned.
- ``history_changed``: for a decision made with history facts, whether they changed its outcome
  (``app.rules.history_effect``); null otherwise. Covered by the hash only when not null, so
  records without history are byte for byte as before.
- ``requested_by``: client identity (a placeholder until authentication exists).
- ``recorded_at``: server time of the append (UTC).
- ``prev_hash``, ``hash``: ``hash = SHA-256(prev_hash + canonical record)``.

Replay needs ``input`` + ``context`` + the rule-set identity; ``result`` is what it compares against.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import ConfigDict
from sqlalchemy import Index, String, Text
from sqlmodel import Field, SQLModel

from app.models.base import UTCDateTime, timestamp_field
from app.rules.canonical import canonical_json
from app.rules.decision import Decision
from app.rules.engine import EvaluationContext, Facts
from app.rules.history import HistoryFacts

GENESIS_HASH = "0" * 64


# Storage details (column types, keys, indexes) ride on ``sa_type``/``unique``/``index``, which only
# the table reads: the public schema derived from the same fields stays as it was.
class _Logged(SQLModel):
    seq: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})


class DecisionRecordBase(SQLModel):
    """A decision as made: the 14 fields every form of a record shares, written once here.

    The forms differ only in how they hold the three JSON documents (``input``, ``context``,
    ``result``): bytes of canonical JSON about to be appended (``PendingRecord``), text in the
    table (``DecisionRecord``), parsed for auditors (``app.schemas.decisions.DecisionRecordPublic``).
    """

    decision_id: str = Field(sa_type=String(36), unique=True)
    incident_ref: str | None = Field(sa_type=String(64), index=True)
    revision: int | None
    ruleset_id: str = Field(sa_type=String(64))
    ruleset_version: str = Field(sa_type=String(32))
    ruleset_hash: str = Field(sa_type=String(64))
    engine_version: str = Field(sa_type=String(128))
    checklist_schema_version: int
    input: Any
    context: Any
    result: Any
    requested_by: str = Field(sa_type=String(128))
    recorded_at: datetime = Field(sa_type=UTCDateTime)
    history_changed: bool | None = Field(
        default=None,
        description="Made with history facts: whether they changed the outcome (the same evaluation "
        "as if nobody had an earlier incident decides otherwise). Null: made without history.",
    )


class _Chained(SQLModel):
    # The chain covers these digests, not ``input`` and ``result`` themselves, so that retention can
    # erase personal content without breaking the chain; verify checks the content against them
    # until it is erased.
    input_sha256: str = Field(
        sa_type=String(64), description="SHA-256 of the input as recorded (covered by the chain)."
    )
    result_sha256: str = Field(
        sa_type=String(64), description="SHA-256 of the result as recorded (covered by the chain)."
    )
    # What retention will erase, fixed when the record is appended and covered by the chain: the
    # JSON pointers of personal content (``erasable``) and the digests of input and result once
    # exactly those are nulled. An erasure is therefore provable: it removes that content and
    # nothing else, and outcome, blocking flag, score and rule-set identity stay covered.
    erasable: Any = Field(default=None, description="JSON pointers of the personal content retention erases.")
    input_erased_sha256: str = Field(
        sa_type=String(64), description="SHA-256 of the input once retention has erased it (covered)."
    )
    result_erased_sha256: str = Field(
        sa_type=String(64), description="SHA-256 of the result once retention has erased it (covered)."
    )
    # The checklist revision's own fields (who, device time, receipt time, idempotency key), as a
    # salted commitment (``app.services.integrity``): full, and after erasure. Null without revision.
    revision_sha256: str | None = Field(default=None, sa_type=String(64))
    revision_erased_sha256: str | None = Field(default=None, sa_type=String(64))
    # Retention: the JSON pointers erased (equal to ``erasable``), when, and by which entry of the
    # erasure log (a chain of its own). On PostgreSQL the trigger allows exactly this change.
    erased: Any = None
    erased_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    erasure_id: int | None = Field(default=None, description="The erasure-log entry of the erasure.")
    prev_hash: str = Field(sa_type=String(64))
    hash: str = Field(sa_type=String(64), unique=True)


class DecisionRecordLogged(_Chained, DecisionRecordBase, _Logged):
    """A record in the log: its chain position, the decision, and the chain links (in this order)."""


class DecisionRecord(DecisionRecordLogged, table=True):
    __tablename__ = "decision_record"

    input: str = Field(sa_type=Text)
    context: str = Field(sa_type=Text)
    result: str = Field(sa_type=Text)
    erasable: str = Field(sa_type=Text)
    erased: str | None = Field(default=None, sa_type=Text)


class PendingRecord(DecisionRecordBase):
    """A decision about to be appended; ``input``, ``context`` and ``result`` are canonical JSON."""

    model_config = ConfigDict(frozen=True)  # type: ignore[assignment]

    input: bytes
    context: bytes
    result: bytes
    # The checklist revision's salted commitment (``integrity.revision_commitment``), if any.
    revision_sha256: str | None = None
    revision_erased_sha256: str | None = None

    @classmethod
    def of(
        cls,
        decision: Decision,
        facts: Facts,
        *,
        incident_ref: str | None,
        revision: int | None,
        requested_by: str,
        recorded_at: datetime,
        result: bytes | None = None,
        history: HistoryFacts | None = None,
        history_changed: bool | None = None,
    ) -> PendingRecord:
        """The one constructor: what the engine was given and what it answered, as the log keeps it.

        ``result``: the decision's canonical JSON when the caller has it already; ``history``: the
        history facts it was evaluated with (pinned in ``context`` for replay); ``history_changed``:
        whether they changed the outcome (``app.rules.history_effect.history_changed``)."""
        identity = decision.ruleset
        context = EvaluationContext(hook=decision.hook, as_of=decision.as_of, history=history)
        return cls(
            decision_id=str(uuid.uuid4()),
            incident_ref=incident_ref,
            revision=revision,
            ruleset_id=identity.id,
            ruleset_version=identity.version,
            ruleset_hash=identity.hash,
            engine_version=decision.engine_version,
            checklist_schema_version=decision.checklist_schema_version,
            input=facts.input_json(),
            context=canonical_json(context.facts()),
            result=result if result is not None else canonical_json(decision.model_dump(mode="json")),
            requested_by=requested_by,
            recorded_at=recorded_at,
            history_changed=history_changed,
        )


class DecisionChainHead(SQLModel, table=True):
    """A single row (id 1): the last appended record. Locked FOR UPDATE to serialise appends."""

    __tablename__ = "decision_chain_head"

    id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    seq: int
    hash: str = Field(max_length=64)


class DecisionFeedback(SQLModel, table=True):
    """An officer accepted or overrode one finding of a decision (CDS Hooks feedback)."""

    __tablename__ = "decision_feedback"
    # A retried request (same decision, same feedback, same client) is stored once.
    __table_args__ = (Index("ux_decision_feedback_request", "decision_id", "request_hash", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    decision_id: str = Field(max_length=36, foreign_key="decision_record.decision_id", index=True)
    rule_id: str = Field(max_length=64)
    outcome: str = Field(max_length=16)
    reason_code: str | None = Field(default=None, max_length=32)
    comment: str | None = Field(default=None, max_length=2000)
    submitted_by: str | None = Field(default=None, max_length=128, description="Null once erased.")
    recorded_by: str = Field(
        max_length=128,
        sa_column_kwargs={"server_default": "unrecorded"},
        description="The authenticated client (principal id) that sent it.",
    )
    request_hash: str | None = Field(
        default=None, max_length=64, description="SHA-256 of the feedback and its sender: retries match it."
    )
    created_at: datetime = timestamp_field()
    # Tamper evidence (``app.services.integrity``): a salted commitment to the row, full and with
    # comment and submitter erased, linked into the feedback chain.
    salt: str | None = Field(default=None, max_length=32, description="Erased with the personal fields.")
    content_sha256: str = Field(max_length=64)
    erased_sha256: str = Field(max_length=64)
    erased_at: datetime | None = timestamp_field(default=None, nullable=True)
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)
