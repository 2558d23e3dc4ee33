"""Aggregates for auditors, derived from the decision log (which stays the only source of truth).

Three kinds of rows, all written from a decision record alone (``app.services.aggregates``) and
rebuilt from the log by ``safesteps audit aggregates --rebuild``, which proves they match:

- ``audit_decision``: one row per decision record (who, when, where, at which hook, blocking,
  whether a critical step was open). Behind the lists of blocking decisions and closures.
- ``audit_finding``: one row per finding (a rule whose outcome was ``missing`` or ``unknown``), with
  the ``basis`` of a missing finding (``recorded`` / ``not_recorded``; rule sets of semantics 1 have
  none, which counts as recorded). Behind every list of "incidents where step X was missing".
- ``audit_step_day`` and ``audit_decision_day``: counts per force, UTC day, rule-set version and
  hook, maintained incrementally (an upsert adding to ``n``). The dashboard reads these: its cost
  grows with days x steps, not with the number of decisions.

Nothing here holds personal data: rule ids, outcomes, times, forces and incident references.
Retention erases checklist content, never these.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index, text
from sqlmodel import Field, SQLModel

from app.models.base import timestamp_field


class AuditDecision(SQLModel, table=True):
    __tablename__ = "audit_decision"
    # Lists, newest first: every index ends with (day, seq).
    __table_args__ = (
        Index("ix_audit_decision_force_day", "force", "day", "seq"),
        Index("ix_audit_decision_day", "day", "seq"),
        # "Decisions where history changed the outcome": few, so a partial index costs other writes nothing.
        Index(
            "ix_audit_decision_history_changed",
            "day",
            "seq",
            postgresql_where=text("history_changed"),
            sqlite_where=text("history_changed"),
        ),
    )

    seq: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    decision_id: str = Field(max_length=36)
    incident_ref: str | None = Field(default=None, max_length=64)
    revision: int | None = None
    force: str = Field(max_length=16)
    day: date
    recorded_at: datetime = timestamp_field()
    hook: str = Field(max_length=64, description="`all` when the decision evaluated every rule.")
    ruleset: str = Field(max_length=100, description="`id@version`.")
    blocking: bool
    critical_open: bool = Field(description="A critical step was missing or unknown.")
    history_changed: bool | None = Field(
        default=None, description="Made with history facts: whether they changed the outcome; null: without."
    )


class AuditFinding(SQLModel, table=True):
    __tablename__ = "audit_finding"
    # Lists behind a number (one force or all, one step and status or any), newest first: every
    # index ends with (day, seq), so a page reads its own rows only.
    __table_args__ = (
        Index("ix_audit_finding_force_day", "force", "day", "seq"),
        Index("ix_audit_finding_day", "day", "seq"),
        Index("ix_audit_finding_force_step", "force", "step_id", "outcome", "basis", "day", "seq"),
        Index("ix_audit_finding_step", "step_id", "outcome", "basis", "day", "seq"),
    )

    seq: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    rule_id: str = Field(primary_key=True, max_length=96)
    step_id: str = Field(max_length=64)
    severity: str = Field(max_length=16)
    outcome: str = Field(max_length=16, description="`missing` or `unknown`.")
    basis: str = Field(max_length=16, description="`recorded`, `not_recorded`, or `` for unknown.")
    force: str = Field(max_length=16)
    day: date
    hook: str = Field(max_length=64)
    blocking: bool = Field(description="Of the decision (so that lists filter without a join).")
    critical_open: bool
    history_changed: bool | None = Field(default=None, description="Of the decision, as above.")


COVERED = ("force", "hook", "step_id", "severity", "outcome", "basis", "n")


class AuditStepDay(SQLModel, table=True):
    """Outcome counts of one rule per force, day, rule-set version and hook (met and n/a too)."""

    __tablename__ = "audit_step_day"
    # Covering for the dashboard, one force or all: a range of days read from the index alone.
    __table_args__ = (
        Index("ix_audit_step_day_day", "day", *COVERED),
        Index("ix_audit_step_day_force", "force", "day", *COVERED[1:]),
    )

    force: str = Field(primary_key=True, max_length=16)
    day: date = Field(primary_key=True)
    ruleset: str = Field(primary_key=True, max_length=100)
    hook: str = Field(primary_key=True, max_length=64)
    rule_id: str = Field(primary_key=True, max_length=96)
    outcome: str = Field(primary_key=True, max_length=16)
    basis: str = Field(primary_key=True, max_length=16)
    step_id: str = Field(max_length=64)
    severity: str = Field(max_length=16)
    n: int


class AuditDecisionDay(SQLModel, table=True):
    """Decision counts per force, day, rule-set version and hook."""

    __tablename__ = "audit_decision_day"
    __table_args__ = (Index("ix_audit_decision_day_day", "day"),)

    force: str = Field(primary_key=True, max_length=16)
    day: date = Field(primary_key=True)
    ruleset: str = Field(primary_key=True, max_length=100)
    hook: str = Field(primary_key=True, max_length=64)
    decisions: int
    blocking: int
    critical_open: int
    history_changed: int = Field(
        default=0,
        sa_column_kwargs={"server_default": "0"},
        description="Decisions whose history facts changed the outcome.",
    )
