"""Tamper evidence beyond the decision log: the heads of the side chains, and the erasure log.

``chain_head`` has one row per side chain (``access_event``, ``decision_feedback``,
``erasure_log``): the last id linked and its hash. Appenders lock it, exactly as the decision log's
``decision_chain_head``. ``erasure_log`` is a chain of its own: one entry per retention batch,
stating when, by which run, under which cut-off, and which decision records it erased.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from app.models.base import timestamp_field


class ChainHead(SQLModel, table=True):
    __tablename__ = "chain_head"

    name: str = Field(primary_key=True, max_length=32)
    last_id: int = Field(description="Id of the last row linked (0: empty).")
    hash: str = Field(max_length=64)


class ErasureLog(SQLModel, table=True):
    """One retention batch: what it erased (the decision records' seqs, as a digest), when, why."""

    __tablename__ = "erasure_log"

    id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    run_id: str = Field(max_length=36, description="The retention run (one run, several batches).")
    at: datetime = timestamp_field(description="When; equal to erased_at of every record erased.")
    cutoff: datetime = timestamp_field(description="Only records recorded before it were erased.")
    records: int = Field(description="Decision records erased by this batch.")
    first_seq: int | None = None
    last_seq: int | None = None
    seqs_sha256: str = Field(max_length=64, description="SHA-256 of the erased seqs, comma-joined.")
    revisions: int = Field(default=0, description="Checklist revisions erased by this batch.")
    feedback: int = Field(default=0, description="Feedback rows erased by this batch.")
    # Person history (its own retention): rows deleted by this batch and their cut-off. Null on
    # entries that deleted none, so entries from before it hash as they always did.
    history_rows: int | None = Field(default=None, description="person_history rows deleted.")
    history_cutoff: datetime | None = timestamp_field(
        default=None, nullable=True, description="Only person_history rows recorded before it were deleted."
    )
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)
