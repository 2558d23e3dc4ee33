"""Replay jobs, their parts and their results: records of their own, never changes to the decision log.

A job is split into parts when a worker first claims it: ranges of the decision log (``seq`` in
``(seq_from, seq_to]``) of about the same number of selected decisions. Any number of workers, in
any number of processes on one machine or many against one PostgreSQL, claim parts through the
database (a conditional UPDATE on ``status`` / ``worker`` / ``heartbeat_at``) and process each in
``seq`` order. Each batch of results is committed together with the part's ``cursor`` (last decision
``seq`` done), counts and running ``summary``, and the job's counts, so a part interrupted at any
point resumes exactly where its last commit left it (no result twice, none lost) without redoing
the other parts. When the last part finishes, the parts' summaries are merged into the job's.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models.base import timestamp_field


class ReplayJob(SQLModel, table=True):
    __tablename__ = "replay_job"

    id: str = Field(primary_key=True, max_length=36)
    mode: str = Field(max_length=16, description="as_recorded or impact.")
    ruleset_id: str | None = Field(default=None, max_length=64, description="Impact: target set.")
    ruleset_version: str | None = Field(default=None, max_length=32)
    ruleset_hash: str | None = Field(default=None, max_length=64)
    selection: str = Field(sa_type=Text, description="Canonical JSON of the selection.")
    store_all: bool = Field(default=False, description="Store every result, not only flagged ones.")
    history: str = Field(
        default="stored",
        max_length=16,
        sa_column_kwargs={"server_default": "stored"},
        description="Impact: history facts `stored` with each decision, or `recomputed`.",
    )
    status: str = Field(max_length=16, index=True, description="queued, running, succeeded, failed.")
    total: int | None = None
    processed: int = 0
    flagged: int = Field(default=0, description="Reproduction failures, or changed incidents.")
    parts: int | None = Field(default=None, description="Parts the job is split into (once planned).")
    parts_done: int = Field(default=0, description="Parts finished; the last one merges the summary.")
    summary: str = Field(sa_type=Text, default="{}")
    error: str | None = Field(default=None, sa_type=Text)
    attempts: int = Field(default=0, description="Most claims of any one part (1 = never interrupted).")
    worker: str | None = Field(
        default=None, max_length=64, description="The worker that last claimed a part."
    )
    requested_by: str = Field(max_length=128)
    created_at: datetime = timestamp_field()
    started_at: datetime | None = timestamp_field(default=None, nullable=True)
    heartbeat_at: datetime | None = timestamp_field(default=None, nullable=True)
    finished_at: datetime | None = timestamp_field(default=None, nullable=True)


class ReplayPart(SQLModel, table=True):
    __tablename__ = "replay_part"
    __table_args__ = (UniqueConstraint("job_id", "part_no"),)

    id: int | None = Field(default=None, primary_key=True)
    job_id: str = Field(max_length=36, foreign_key="replay_job.id")
    part_no: int = Field(description="0, 1, ... in seq order.")
    seq_from: int = Field(description="Decisions with seq > seq_from ...")
    seq_to: int = Field(description="... and seq <= seq_to.")
    status: str = Field(max_length=16, index=True, description="queued, running, succeeded, failed.")
    worker: str | None = Field(default=None, max_length=64)
    attempts: int = Field(default=0, description="How many times a worker claimed this part.")
    cursor: int = Field(description="seq of the last decision whose result is stored (from seq_from).")
    processed: int = 0
    flagged: int = 0
    summary: str = Field(sa_type=Text, default="{}", description="This part's running summary.")
    heartbeat_at: datetime | None = timestamp_field(default=None, nullable=True)
    finished_at: datetime | None = timestamp_field(default=None, nullable=True)


class ReplayResult(SQLModel, table=True):
    __tablename__ = "replay_result"
    __table_args__ = (UniqueConstraint("job_id", "seq"),)

    id: int | None = Field(default=None, primary_key=True)
    job_id: str = Field(max_length=36, foreign_key="replay_job.id")
    seq: int = Field(description="The decision record's seq.")
    decision_id: str = Field(max_length=36)
    incident_ref: str | None = Field(default=None, max_length=64)
    recorded_ruleset: str = Field(max_length=100, description="id@version the decision was made with.")
    flagged: bool = Field(description="Did not reproduce (as recorded), or changed (impact).")
    newly_blocking: bool = False
    detail: str = Field(sa_type=Text, description="JSON: hashes and both results, or the changes.")
