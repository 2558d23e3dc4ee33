from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.child_search_kind_type_0 import ChildSearchKindType0
from ..models.child_search_location_type_0 import ChildSearchLocationType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChildSearch")


@_attrs_define
class ChildSearch:
    """A search of a child outside or inside custody (e.g. a strip search at school): juvenile safeguards.

    Attributes:
        appropriate_adult_present (bool | None | Unset): An appropriate adult was present (PACE Code C Annex A, Code A).
        at (datetime.datetime | None | Unset): When the search took place.
        child_id (None | str | Unset): Id of the child in `children[]`.
        kind (ChildSearchKindType0 | None | Unset): What kind of search.
        location (ChildSearchLocationType0 | None | Unset): Where the search took place.
        parent_informed (bool | None | Unset): A parent or the person responsible for the child's welfare was told.
        reason (None | str | Unset): The grounds for the search.
        safeguarding_considered (bool | None | Unset): The child's welfare and a safeguarding referral were considered.
        same_sex_officers (bool | None | Unset): Only officers of the child's sex were present.
        supervisor_authorised (bool | None | Unset): A supervisor authorised the search.
        urgency_exception (bool | None | Unset): The search was urgent because of a risk of serious harm and could not
            wait for the adult.
    """

    appropriate_adult_present: bool | None | Unset = UNSET
    at: datetime.datetime | None | Unset = UNSET
    child_id: None | str | Unset = UNSET
    kind: ChildSearchKindType0 | None | Unset = UNSET
    location: ChildSearchLocationType0 | None | Unset = UNSET
    parent_informed: bool | None | Unset = UNSET
    reason: None | str | Unset = UNSET
    safeguarding_considered: bool | None | Unset = UNSET
    same_sex_officers: bool | None | Unset = UNSET
    supervisor_authorised: bool | None | Unset = UNSET
    urgency_exception: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        appropriate_adult_present: bool | None | Unset
        if isinstance(self.appropriate_adult_present, Unset):
            appropriate_adult_present = UNSET
        else:
            appropriate_adult_present = self.appropriate_adult_present

        at: None | str | Unset
        if isinstance(self.at, Unset):
            at = UNSET
        elif isinstance(self.at, datetime.datetime):
            at = self.at.isoformat()
        else:
            at = self.at

        child_id: None | str | Unset
        if isinstance(self.child_id, Unset):
            child_id = UNSET
        else:
            child_id = self.child_id

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, ChildSearchKindType0):
            kind = self.kind.value
        else:
            kind = self.kind

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        elif isinstance(self.location, ChildSearchLocationType0):
            location = self.location.value
        else:
            location = self.location

        parent_informed: bool | None | Unset
        if isinstance(self.parent_informed, Unset):
            parent_informed = UNSET
        else:
            parent_informed = self.parent_informed

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        safeguarding_considered: bool | None | Unset
        if isinstance(self.safeguarding_considered, Unset):
            safeguarding_considered = UNSET
        else:
            safeguarding_considered = self.safeguarding_considered

        same_sex_officers: bool | None | Unset
        if isinstance(self.same_sex_officers, Unset):
            same_sex_officers = UNSET
        else:
            same_sex_officers = self.same_sex_officers

        supervisor_authorised: bool | None | Unset
        if isinstance(self.supervisor_authorised, Unset):
            supervisor_authorised = UNSET
        else:
            supervisor_authorised = self.supervisor_authorised

        urgency_exception: bool | None | Unset
        if isinstance(self.urgency_exception, Unset):
            urgency_exception = UNSET
        else:
            urgency_exception = self.urgency_exception

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if appropriate_adult_present is not UNSET:
            field_dict["appropriate_adult_present"] = appropriate_adult_present
        if at is not UNSET:
            field_dict["at"] = at
        if child_id is not UNSET:
            field_dict["child_id"] = child_id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if location is not UNSET:
            field_dict["location"] = location
        if parent_informed is not UNSET:
            field_dict["parent_informed"] = parent_informed
        if reason is not UNSET:
            field_dict["reason"] = reason
        if safeguarding_considered is not UNSET:
            field_dict["safeguarding_considered"] = safeguarding_considered
        if same_sex_officers is not UNSET:
            field_dict["same_sex_officers"] = same_sex_officers
        if supervisor_authorised is not UNSET:
            field_dict["supervisor_authorised"] = supervisor_authorised
        if urgency_exception is not UNSET:
            field_dict["urgency_exception"] = urgency_exception

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_appropriate_adult_present(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        appropriate_adult_present = _parse_appropriate_adult_present(d.pop("appropriate_adult_present", UNSET))

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

        def _parse_child_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        child_id = _parse_child_id(d.pop("child_id", UNSET))

        def _parse_kind(data: object) -> ChildSearchKindType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = ChildSearchKindType0(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChildSearchKindType0 | None | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_location(data: object) -> ChildSearchLocationType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                location_type_0 = ChildSearchLocationType0(data)

                return location_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChildSearchLocationType0 | None | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        def _parse_parent_informed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        parent_informed = _parse_parent_informed(d.pop("parent_informed", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_safeguarding_considered(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        safeguarding_considered = _parse_safeguarding_considered(d.pop("safeguarding_considered", UNSET))

        def _parse_same_sex_officers(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        same_sex_officers = _parse_same_sex_officers(d.pop("same_sex_officers", UNSET))

        def _parse_supervisor_authorised(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        supervisor_authorised = _parse_supervisor_authorised(d.pop("supervisor_authorised", UNSET))

        def _parse_urgency_exception(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        urgency_exception = _parse_urgency_exception(d.pop("urgency_exception", UNSET))

        child_search = cls(
            appropriate_adult_present=appropriate_adult_present,
            at=at,
            child_id=child_id,
            kind=kind,
            location=location,
            parent_informed=parent_informed,
            reason=reason,
            safeguarding_considered=safeguarding_considered,
            same_sex_officers=same_sex_officers,
            supervisor_authorised=supervisor_authorised,
            urgency_exception=urgency_exception,
        )

        return child_search
