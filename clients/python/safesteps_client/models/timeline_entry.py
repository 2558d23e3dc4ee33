from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.timeline_entry_linked_by import TimelineEntryLinkedBy

T = TypeVar("T", bound="TimelineEntry")


@_attrs_define
class TimelineEntry:
    """
    Attributes:
        at (datetime.datetime): The pinned time (`as_of`) of the incident's latest decision.
        blocking (bool): That decision was blocking (a critical step open at a blocking hook).
        concern (bool): A concern-for-a-child incident.
        decision_id (None | str): The latest decision of the incident; null for another force's incident.
        domestic (bool): A domestic-abuse incident.
        force (str):
        hook (None | str): The workflow moment of that decision (null: every rule).
        incident_ref (None | str): The incident's reference; null for an incident of another force of the sharing group.
        incident_type (str):
        injury (bool): An injury to the person was recorded.
        linked_by (TimelineEntryLinkedBy): How the person was linked there: the force's person reference, or name and
            date of birth.
        missing (bool): A missing episode of the person.
        open_critical_steps (list[str]): Critical steps left missing at that decision, sorted.
        recorded_at (datetime.datetime): When that decision was recorded.
        referral (bool): A referral to children's social care was made.
        referral_outcome (None | str): Its recorded outcome, if any.
        revision (int): The incident revision that decision was made for.
        suspect (bool): The person was named as a suspect.
        this_incident (bool): The incident the timeline was opened from.
    """

    at: datetime.datetime
    blocking: bool
    concern: bool
    decision_id: None | str
    domestic: bool
    force: str
    hook: None | str
    incident_ref: None | str
    incident_type: str
    injury: bool
    linked_by: TimelineEntryLinkedBy
    missing: bool
    open_critical_steps: list[str]
    recorded_at: datetime.datetime
    referral: bool
    referral_outcome: None | str
    revision: int
    suspect: bool
    this_incident: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        blocking = self.blocking

        concern = self.concern

        decision_id: None | str
        decision_id = self.decision_id

        domestic = self.domestic

        force = self.force

        hook: None | str
        hook = self.hook

        incident_ref: None | str
        incident_ref = self.incident_ref

        incident_type = self.incident_type

        injury = self.injury

        linked_by = self.linked_by.value

        missing = self.missing

        open_critical_steps = self.open_critical_steps

        recorded_at = self.recorded_at.isoformat()

        referral = self.referral

        referral_outcome: None | str
        referral_outcome = self.referral_outcome

        revision = self.revision

        suspect = self.suspect

        this_incident = self.this_incident

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "blocking": blocking,
                "concern": concern,
                "decision_id": decision_id,
                "domestic": domestic,
                "force": force,
                "hook": hook,
                "incident_ref": incident_ref,
                "incident_type": incident_type,
                "injury": injury,
                "linked_by": linked_by,
                "missing": missing,
                "open_critical_steps": open_critical_steps,
                "recorded_at": recorded_at,
                "referral": referral,
                "referral_outcome": referral_outcome,
                "revision": revision,
                "suspect": suspect,
                "this_incident": this_incident,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        blocking = d.pop("blocking")

        concern = d.pop("concern")

        def _parse_decision_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decision_id = _parse_decision_id(d.pop("decision_id"))

        domestic = d.pop("domestic")

        force = d.pop("force")

        def _parse_hook(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        hook = _parse_hook(d.pop("hook"))

        def _parse_incident_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        incident_ref = _parse_incident_ref(d.pop("incident_ref"))

        incident_type = d.pop("incident_type")

        injury = d.pop("injury")

        linked_by = TimelineEntryLinkedBy(d.pop("linked_by"))

        missing = d.pop("missing")

        open_critical_steps = cast(list[str], d.pop("open_critical_steps"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        referral = d.pop("referral")

        def _parse_referral_outcome(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        referral_outcome = _parse_referral_outcome(d.pop("referral_outcome"))

        revision = d.pop("revision")

        suspect = d.pop("suspect")

        this_incident = d.pop("this_incident")

        timeline_entry = cls(
            at=at,
            blocking=blocking,
            concern=concern,
            decision_id=decision_id,
            domestic=domestic,
            force=force,
            hook=hook,
            incident_ref=incident_ref,
            incident_type=incident_type,
            injury=injury,
            linked_by=linked_by,
            missing=missing,
            open_critical_steps=open_critical_steps,
            recorded_at=recorded_at,
            referral=referral,
            referral_outcome=referral_outcome,
            revision=revision,
            suspect=suspect,
            this_incident=this_incident,
        )

        timeline_entry.additional_properties = d
        return timeline_entry

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
