"""A linked person's timeline across incidents, for auditors (issue 15).

What is shown, and why: for each incident the person was linked to (the force's own, or of a force
sharing history with it), the date of its latest decision, the incident type, that decision's
outcome summary (hook, blocking, critical steps left open) and the flags history counts (concern,
domestic, missing, injury, referral and its outcome, named as suspect). An incident of the caller's
own force carries its reference and decision id (an auditor of that force may open it anyway); an
incident of another force of the sharing group carries neither (the caller could not open it).
Never a name, date of birth, person reference, pseudonym or free text, and never the person's local
id in another incident's checklist.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from app.schemas.pagination import Page


class TimelineEntry(BaseModel):
    at: datetime = Field(description="The pinned time (`as_of`) of the incident's latest decision.")
    recorded_at: datetime = Field(description="When that decision was recorded.")
    force: str
    incident_ref: str | None = Field(
        description="The incident's reference; null for an incident of another force of the sharing group."
    )
    decision_id: str | None = Field(
        description="The latest decision of the incident; null for another force's incident."
    )
    this_incident: bool = Field(description="The incident the timeline was opened from.")
    incident_type: str
    revision: int = Field(description="The incident revision that decision was made for.")
    hook: str | None = Field(description="The workflow moment of that decision (null: every rule).")
    blocking: bool = Field(
        description="That decision was blocking (a critical step open at a blocking hook)."
    )
    open_critical_steps: list[str] = Field(
        description="Critical steps left missing at that decision, sorted."
    )
    linked_by: Literal["ref", "name_dob"] = Field(
        description="How the person was linked there: the force's person reference, or name and "
        "date of birth."
    )
    concern: bool = Field(description="A concern-for-a-child incident.")
    domestic: bool = Field(description="A domestic-abuse incident.")
    missing: bool = Field(description="A missing episode of the person.")
    injury: bool = Field(description="An injury to the person was recorded.")
    referral: bool = Field(description="A referral to children's social care was made.")
    referral_outcome: str | None = Field(description="Its recorded outcome, if any.")
    suspect: bool = Field(description="The person was named as a suspect.")


class TimelinePage(Page[TimelineEntry]):
    """The person's incidents, newest first (one entry per incident: its latest decision)."""

    incident_ref: str = Field(description="The incident the timeline was opened from.")
    local_id: str = Field(description="The person's local id in that incident's checklist (`C1`, `A1`).")
    subject: Literal["child", "adult"]
