"""Replay jobs and their results: records of their own, never changes to the decision log.

A job is claimed by a worker through the database (a conditional UPDATE on ``status`` / ``worker``)
and processes decisions in ``seq`` order. Each batch of results is committed together with the
job's ``cursor`` (last decision ``seq`` done), ``processed`` count and running ``summary``, so a job
interrupted at any point resumes exactly where its last commit left it: no result twice, none lost.
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
    status: str = Field(max_length=16, index=True, description="queued, running, succeeded, failed.")
    total: int | None = None
    processed: int = 0
    flagged: int = Field(default=0, description="Reproduction failures, or changed incidents.")
    cursor: int = Field(default=0, description="seq of the last decision whose result is stored.")
    summary: str = Field(sa_type=Text, default="{}")
    error: str | None = Field(default=None, sa_type=Text)
    attempts: int = Field(default=0, description="How many times a worker claimed the job.")
    worker: str | None = Field(default=None, max_length=64)
    requested_by: str = Field(max_length=128)
    created_at: datetime = timestamp_field()
    started_at: datetime | None = timestamp_field(default=None, nullable=True)
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
