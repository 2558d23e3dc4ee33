"""History facts: what the service found about the people and the address of a checklist in the
force's earlier incidents, as the engine reads them (``context.history``).

The service computes them (``app/services/history.py``) before it evaluates; the engine only reads
them, so evaluation stays a pure function of (rule set, facts, context). They are stored with the
decision and pinned for an as-recorded replay exactly as ``as_of`` is. Only counts, dates and step
ids: never another incident's reference, names, free text or person references.

Format version 1. The windows are our own choice, fixed by the format (a rule set's thresholds
are its own data): "3 months" is the 92 days and "12 months" the 365 days up to ``as_of``; "90 days"
is 90 days. "Earlier" means another incident of the same force whose latest decision was recorded
at or before ``as_of``; the incident being evaluated never counts itself.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from app.rules.checklist_actions import ReferralOutcome
from app.rules.checklist_types import MAX_ITEMS, MAX_PEOPLE, Ref

HISTORY_FORMAT: Literal[1] = 1

Count = Annotated[int, Field(ge=0)]
StepId = Annotated[str, Field(min_length=1, max_length=80)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PersonHistory(_Strict):
    """One child or adult of the checklist, in the same order as the checklist's list."""

    id: Ref = Field(description="The person's local id in this checklist (`C1`, `A1`).")
    linked: bool = Field(
        description="A person reference or a pseudonym was available, so earlier incidents could be "
        "looked up (false: every count below is 0 because nothing could be linked)."
    )
    earlier_incidents: Count = Field(description="Earlier incidents naming the person, ever.")
    concerns_3m: Count = Field(description="Earlier concern-for-a-child incidents in the last 3 months.")
    concerns_12m: Count = Field(description="Earlier concern-for-a-child incidents in the last 12 months.")
    missing_episodes: Count = Field(description="Earlier missing episodes of the person, ever.")
    missing_90d: Count = Field(description="Earlier missing episodes in the last 90 days.")
    injuries: Count = Field(description="Earlier incidents where an injury to the person was recorded.")
    referrals: Count = Field(
        description="Earlier incidents where a referral to children's social care was made."
    )
    last_referral_outcome: ReferralOutcome | None = Field(
        None, description="The recorded outcome of the most recent earlier referral."
    )
    open_critical_steps: Annotated[tuple[StepId, ...], Field(max_length=MAX_ITEMS)] = Field(
        default=(),
        description="Step ids of critical steps left missing at the latest decision of the person's "
        "most recent earlier incident in the last 12 months, sorted.",
    )
    suspect_before: bool = Field(
        description="The person was named as a suspect at an earlier incident (role `suspect`)."
    )
    last_incident_at: date | None = Field(None, description="The date of the most recent earlier incident.")

    @classmethod
    def nothing_earlier(cls, id: str, linked: bool) -> PersonHistory:
        """A person with no earlier incident (or, not linked, none that could be found)."""
        return cls.model_construct(
            id=id,
            linked=linked,
            earlier_incidents=0,
            concerns_3m=0,
            concerns_12m=0,
            missing_episodes=0,
            missing_90d=0,
            injuries=0,
            referrals=0,
            suspect_before=False,
        )


class AddressHistory(_Strict):
    """The incident's address (``incident.address_ref``)."""

    linked: bool = Field(description="The checklist gave an address reference.")
    concerns_3m: Count = Field(description="Earlier concern-for-a-child incidents at the address, 3 months.")
    concerns_12m: Count = Field(
        description="Earlier concern-for-a-child incidents at the address, 12 months."
    )
    domestic_12m: Count = Field(description="Earlier domestic-abuse incidents at the address, 12 months.")
    last_incident_at: date | None = Field(None, description="The date of the most recent earlier incident.")


class HistoryFacts(_Strict):
    """``context.history``: present only when the rule set reads history (``history: 1``)."""

    format: Literal[1] = HISTORY_FORMAT
    computed_at: AwareDatetime = Field(description="The `as_of` the counts were taken at.")
    children: Annotated[tuple[PersonHistory, ...], Field(max_length=MAX_PEOPLE)] = ()
    adults: Annotated[tuple[PersonHistory, ...], Field(max_length=MAX_PEOPLE)] = ()
    address: AddressHistory | None = None
