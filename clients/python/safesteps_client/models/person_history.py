from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.person_history_last_referral_outcome_type_0 import PersonHistoryLastReferralOutcomeType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonHistory")


@_attrs_define
class PersonHistory:
    """One child or adult of the checklist, in the same order as the checklist's list.

    Attributes:
        concerns_12m (int): Earlier concern-for-a-child incidents in the last 12 months.
        concerns_3m (int): Earlier concern-for-a-child incidents in the last 3 months.
        earlier_incidents (int): Earlier incidents naming the person, ever.
        id (str): The person's local id in this checklist (`C1`, `A1`).
        injuries (int): Earlier incidents where an injury to the person was recorded.
        linked (bool): A person reference or a pseudonym was available, so earlier incidents could be looked up (false:
            every count below is 0 because nothing could be linked).
        missing_90d (int): Earlier missing episodes in the last 90 days.
        missing_episodes (int): Earlier missing episodes of the person, ever.
        referrals (int): Earlier incidents where a referral to children's social care was made.
        suspect_before (bool): The person was named as a suspect at an earlier incident (role `suspect`).
        last_incident_at (datetime.date | None | Unset): The date of the most recent earlier incident.
        last_referral_outcome (None | PersonHistoryLastReferralOutcomeType0 | Unset): The recorded outcome of the most
            recent earlier referral.
        open_critical_steps (list[str] | Unset): Step ids of critical steps left missing at the latest decision of the
            person's most recent earlier incident in the last 12 months, sorted.
    """

    concerns_12m: int
    concerns_3m: int
    earlier_incidents: int
    id: str
    injuries: int
    linked: bool
    missing_90d: int
    missing_episodes: int
    referrals: int
    suspect_before: bool
    last_incident_at: datetime.date | None | Unset = UNSET
    last_referral_outcome: None | PersonHistoryLastReferralOutcomeType0 | Unset = UNSET
    open_critical_steps: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        concerns_12m = self.concerns_12m

        concerns_3m = self.concerns_3m

        earlier_incidents = self.earlier_incidents

        id = self.id

        injuries = self.injuries

        linked = self.linked

        missing_90d = self.missing_90d

        missing_episodes = self.missing_episodes

        referrals = self.referrals

        suspect_before = self.suspect_before

        last_incident_at: None | str | Unset
        if isinstance(self.last_incident_at, Unset):
            last_incident_at = UNSET
        elif isinstance(self.last_incident_at, datetime.date):
            last_incident_at = self.last_incident_at.isoformat()
        else:
            last_incident_at = self.last_incident_at

        last_referral_outcome: None | str | Unset
        if isinstance(self.last_referral_outcome, Unset):
            last_referral_outcome = UNSET
        elif isinstance(self.last_referral_outcome, PersonHistoryLastReferralOutcomeType0):
            last_referral_outcome = self.last_referral_outcome.value
        else:
            last_referral_outcome = self.last_referral_outcome

        open_critical_steps: list[str] | Unset = UNSET
        if not isinstance(self.open_critical_steps, Unset):
            open_critical_steps = self.open_critical_steps

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "concerns_12m": concerns_12m,
                "concerns_3m": concerns_3m,
                "earlier_incidents": earlier_incidents,
                "id": id,
                "injuries": injuries,
                "linked": linked,
                "missing_90d": missing_90d,
                "missing_episodes": missing_episodes,
                "referrals": referrals,
                "suspect_before": suspect_before,
            }
        )
        if last_incident_at is not UNSET:
            field_dict["last_incident_at"] = last_incident_at
        if last_referral_outcome is not UNSET:
            field_dict["last_referral_outcome"] = last_referral_outcome
        if open_critical_steps is not UNSET:
            field_dict["open_critical_steps"] = open_critical_steps

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        concerns_12m = d.pop("concerns_12m")

        concerns_3m = d.pop("concerns_3m")

        earlier_incidents = d.pop("earlier_incidents")

        id = d.pop("id")

        injuries = d.pop("injuries")

        linked = d.pop("linked")

        missing_90d = d.pop("missing_90d")

        missing_episodes = d.pop("missing_episodes")

        referrals = d.pop("referrals")

        suspect_before = d.pop("suspect_before")

        def _parse_last_incident_at(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_incident_at_type_0 = datetime.date.fromisoformat(data)

                return last_incident_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        last_incident_at = _parse_last_incident_at(d.pop("last_incident_at", UNSET))

        def _parse_last_referral_outcome(data: object) -> None | PersonHistoryLastReferralOutcomeType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_referral_outcome_type_0 = PersonHistoryLastReferralOutcomeType0(data)

                return last_referral_outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonHistoryLastReferralOutcomeType0 | Unset, data)

        last_referral_outcome = _parse_last_referral_outcome(d.pop("last_referral_outcome", UNSET))

        open_critical_steps = cast(list[str], d.pop("open_critical_steps", UNSET))

        person_history = cls(
            concerns_12m=concerns_12m,
            concerns_3m=concerns_3m,
            earlier_incidents=earlier_incidents,
            id=id,
            injuries=injuries,
            linked=linked,
            missing_90d=missing_90d,
            missing_episodes=missing_episodes,
            referrals=referrals,
            suspect_before=suspect_before,
            last_incident_at=last_incident_at,
            last_referral_outcome=last_referral_outcome,
            open_critical_steps=open_critical_steps,
        )

        return person_history
