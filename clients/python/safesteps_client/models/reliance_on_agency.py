from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.reliance_on_agency_agency_type_0 import RelianceOnAgencyAgencyType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="RelianceOnAgency")


@_attrs_define
class RelianceOnAgency:
    """Relying on another agency's visit instead of officers seeing the children themselves.

    Attributes:
        agency (None | RelianceOnAgencyAgencyType0 | Unset): The agency whose visit was relied on.
        at (datetime.datetime | None | Unset): When the decision was taken.
        children_seen_by_agency (bool | None | Unset): The agency confirms it saw every child in person (not by phone).
        rationale (None | str | Unset): Why: the facts and the risk assessment the decision rests on.
        supervisor_agreed (bool | None | Unset): A supervisor agreed the decision.
        supervisor_id (None | str | Unset): Collar or staff number of the supervisor.
        taken (bool | None | Unset): The decision was taken (true), or was considered and not taken (false).
    """

    agency: None | RelianceOnAgencyAgencyType0 | Unset = UNSET
    at: datetime.datetime | None | Unset = UNSET
    children_seen_by_agency: bool | None | Unset = UNSET
    rationale: None | str | Unset = UNSET
    supervisor_agreed: bool | None | Unset = UNSET
    supervisor_id: None | str | Unset = UNSET
    taken: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        agency: None | str | Unset
        if isinstance(self.agency, Unset):
            agency = UNSET
        elif isinstance(self.agency, RelianceOnAgencyAgencyType0):
            agency = self.agency.value
        else:
            agency = self.agency

        at: None | str | Unset
        if isinstance(self.at, Unset):
            at = UNSET
        elif isinstance(self.at, datetime.datetime):
            at = self.at.isoformat()
        else:
            at = self.at

        children_seen_by_agency: bool | None | Unset
        if isinstance(self.children_seen_by_agency, Unset):
            children_seen_by_agency = UNSET
        else:
            children_seen_by_agency = self.children_seen_by_agency

        rationale: None | str | Unset
        if isinstance(self.rationale, Unset):
            rationale = UNSET
        else:
            rationale = self.rationale

        supervisor_agreed: bool | None | Unset
        if isinstance(self.supervisor_agreed, Unset):
            supervisor_agreed = UNSET
        else:
            supervisor_agreed = self.supervisor_agreed

        supervisor_id: None | str | Unset
        if isinstance(self.supervisor_id, Unset):
            supervisor_id = UNSET
        else:
            supervisor_id = self.supervisor_id

        taken: bool | None | Unset
        if isinstance(self.taken, Unset):
            taken = UNSET
        else:
            taken = self.taken

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if agency is not UNSET:
            field_dict["agency"] = agency
        if at is not UNSET:
            field_dict["at"] = at
        if children_seen_by_agency is not UNSET:
            field_dict["children_seen_by_agency"] = children_seen_by_agency
        if rationale is not UNSET:
            field_dict["rationale"] = rationale
        if supervisor_agreed is not UNSET:
            field_dict["supervisor_agreed"] = supervisor_agreed
        if supervisor_id is not UNSET:
            field_dict["supervisor_id"] = supervisor_id
        if taken is not UNSET:
            field_dict["taken"] = taken

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_agency(data: object) -> None | RelianceOnAgencyAgencyType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                agency_type_0 = RelianceOnAgencyAgencyType0(data)

                return agency_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RelianceOnAgencyAgencyType0 | Unset, data)

        agency = _parse_agency(d.pop("agency", UNSET))

        def _parse_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                at_type_0 = datetime.datetime.fromisoformat(data)

                return at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        at = _parse_at(d.pop("at", UNSET))

        def _parse_children_seen_by_agency(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        children_seen_by_agency = _parse_children_seen_by_agency(d.pop("children_seen_by_agency", UNSET))

        def _parse_rationale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rationale = _parse_rationale(d.pop("rationale", UNSET))

        def _parse_supervisor_agreed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        supervisor_agreed = _parse_supervisor_agreed(d.pop("supervisor_agreed", UNSET))

        def _parse_supervisor_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        supervisor_id = _parse_supervisor_id(d.pop("supervisor_id", UNSET))

        def _parse_taken(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        taken = _parse_taken(d.pop("taken", UNSET))

        reliance_on_agency = cls(
            agency=agency,
            at=at,
            children_seen_by_agency=children_seen_by_agency,
            rationale=rationale,
            supervisor_agreed=supervisor_agreed,
            supervisor_id=supervisor_id,
            taken=taken,
        )

        return reliance_on_agency
