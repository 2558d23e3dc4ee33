from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.police_protection_accommodation_type_0 import PoliceProtectionAccommodationType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="PoliceProtection")


@_attrs_define
class PoliceProtection:
    """
    Attributes:
        accommodation (None | PoliceProtectionAccommodationType0 | Unset): Where the child is accommodated.
        child_able_to_understand (bool | None | Unset): The child is able to understand what is happening (false: e.g.
            an infant).
        child_informed (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
        designated_officer_id (None | str | Unset): Collar number of the designated officer who inquires into the case.
        ended_at (datetime.datetime | None | Unset): When police protection ended (release or handover).
        epo_considered (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
        grounds (None | str | Unset): The grounds: why the child would otherwise be likely to suffer significant harm.
        initiating_officer_id (None | str | Unset): Collar number of the officer who took the child into police
            protection.
        la_where_found_informed (bool | None | Unset): The local authority where the child was found was told of the
            steps taken and why.
        la_where_found_informed_at (datetime.datetime | None | Unset): When the local authority where the child was
            found was informed.
        la_where_resident_informed (bool | None | Unset): The local authority where the child ordinarily lives was told
            where the child is.
        la_where_resident_informed_at (datetime.datetime | None | Unset): When the local authority where the child
            ordinarily lives was informed.
        parents_informed (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
        police_station_reason (None | str | Unset): The exceptional reason for keeping the child at a police station.
        reviewed_at (datetime.datetime | None | Unset): When the designated officer reviewed the case.
        same_local_authority (bool | None | Unset): The child was found in the area of the local authority where they
            ordinarily live.
        started_at (datetime.datetime | None | Unset): When police protection started.
        threshold_met (bool | None | Unset): The officer recorded reasonable cause to believe the child would otherwise
            be likely to suffer significant harm (false: police protection used without that belief).
        used (bool | None | Unset): Children Act 1989 s46 police protection was used.
        wishes_and_feelings_sought (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
    """

    accommodation: None | PoliceProtectionAccommodationType0 | Unset = UNSET
    child_able_to_understand: bool | None | Unset = UNSET
    child_informed: bool | None | Unset = UNSET
    designated_officer_id: None | str | Unset = UNSET
    ended_at: datetime.datetime | None | Unset = UNSET
    epo_considered: bool | None | Unset = UNSET
    grounds: None | str | Unset = UNSET
    initiating_officer_id: None | str | Unset = UNSET
    la_where_found_informed: bool | None | Unset = UNSET
    la_where_found_informed_at: datetime.datetime | None | Unset = UNSET
    la_where_resident_informed: bool | None | Unset = UNSET
    la_where_resident_informed_at: datetime.datetime | None | Unset = UNSET
    parents_informed: bool | None | Unset = UNSET
    police_station_reason: None | str | Unset = UNSET
    reviewed_at: datetime.datetime | None | Unset = UNSET
    same_local_authority: bool | None | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    threshold_met: bool | None | Unset = UNSET
    used: bool | None | Unset = UNSET
    wishes_and_feelings_sought: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        accommodation: None | str | Unset
        if isinstance(self.accommodation, Unset):
            accommodation = UNSET
        elif isinstance(self.accommodation, PoliceProtectionAccommodationType0):
            accommodation = self.accommodation.value
        else:
            accommodation = self.accommodation

        child_able_to_understand: bool | None | Unset
        if isinstance(self.child_able_to_understand, Unset):
            child_able_to_understand = UNSET
        else:
            child_able_to_understand = self.child_able_to_understand

        child_informed: bool | None | Unset
        if isinstance(self.child_informed, Unset):
            child_informed = UNSET
        else:
            child_informed = self.child_informed

        designated_officer_id: None | str | Unset
        if isinstance(self.designated_officer_id, Unset):
            designated_officer_id = UNSET
        else:
            designated_officer_id = self.designated_officer_id

        ended_at: None | str | Unset
        if isinstance(self.ended_at, Unset):
            ended_at = UNSET
        elif isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        epo_considered: bool | None | Unset
        if isinstance(self.epo_considered, Unset):
            epo_considered = UNSET
        else:
            epo_considered = self.epo_considered

        grounds: None | str | Unset
        if isinstance(self.grounds, Unset):
            grounds = UNSET
        else:
            grounds = self.grounds

        initiating_officer_id: None | str | Unset
        if isinstance(self.initiating_officer_id, Unset):
            initiating_officer_id = UNSET
        else:
            initiating_officer_id = self.initiating_officer_id

        la_where_found_informed: bool | None | Unset
        if isinstance(self.la_where_found_informed, Unset):
            la_where_found_informed = UNSET
        else:
            la_where_found_informed = self.la_where_found_informed

        la_where_found_informed_at: None | str | Unset
        if isinstance(self.la_where_found_informed_at, Unset):
            la_where_found_informed_at = UNSET
        elif isinstance(self.la_where_found_informed_at, datetime.datetime):
            la_where_found_informed_at = self.la_where_found_informed_at.isoformat()
        else:
            la_where_found_informed_at = self.la_where_found_informed_at

        la_where_resident_informed: bool | None | Unset
        if isinstance(self.la_where_resident_informed, Unset):
            la_where_resident_informed = UNSET
        else:
            la_where_resident_informed = self.la_where_resident_informed

        la_where_resident_informed_at: None | str | Unset
        if isinstance(self.la_where_resident_informed_at, Unset):
            la_where_resident_informed_at = UNSET
        elif isinstance(self.la_where_resident_informed_at, datetime.datetime):
            la_where_resident_informed_at = self.la_where_resident_informed_at.isoformat()
        else:
            la_where_resident_informed_at = self.la_where_resident_informed_at

        parents_informed: bool | None | Unset
        if isinstance(self.parents_informed, Unset):
            parents_informed = UNSET
        else:
            parents_informed = self.parents_informed

        police_station_reason: None | str | Unset
        if isinstance(self.police_station_reason, Unset):
            police_station_reason = UNSET
        else:
            police_station_reason = self.police_station_reason

        reviewed_at: None | str | Unset
        if isinstance(self.reviewed_at, Unset):
            reviewed_at = UNSET
        elif isinstance(self.reviewed_at, datetime.datetime):
            reviewed_at = self.reviewed_at.isoformat()
        else:
            reviewed_at = self.reviewed_at

        same_local_authority: bool | None | Unset
        if isinstance(self.same_local_authority, Unset):
            same_local_authority = UNSET
        else:
            same_local_authority = self.same_local_authority

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        threshold_met: bool | None | Unset
        if isinstance(self.threshold_met, Unset):
            threshold_met = UNSET
        else:
            threshold_met = self.threshold_met

        used: bool | None | Unset
        if isinstance(self.used, Unset):
            used = UNSET
        else:
            used = self.used

        wishes_and_feelings_sought: bool | None | Unset
        if isinstance(self.wishes_and_feelings_sought, Unset):
            wishes_and_feelings_sought = UNSET
        else:
            wishes_and_feelings_sought = self.wishes_and_feelings_sought

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if accommodation is not UNSET:
            field_dict["accommodation"] = accommodation
        if child_able_to_understand is not UNSET:
            field_dict["child_able_to_understand"] = child_able_to_understand
        if child_informed is not UNSET:
            field_dict["child_informed"] = child_informed
        if designated_officer_id is not UNSET:
            field_dict["designated_officer_id"] = designated_officer_id
        if ended_at is not UNSET:
            field_dict["ended_at"] = ended_at
        if epo_considered is not UNSET:
            field_dict["epo_considered"] = epo_considered
        if grounds is not UNSET:
            field_dict["grounds"] = grounds
        if initiating_officer_id is not UNSET:
            field_dict["initiating_officer_id"] = initiating_officer_id
        if la_where_found_informed is not UNSET:
            field_dict["la_where_found_informed"] = la_where_found_informed
        if la_where_found_informed_at is not UNSET:
            field_dict["la_where_found_informed_at"] = la_where_found_informed_at
        if la_where_resident_informed is not UNSET:
            field_dict["la_where_resident_informed"] = la_where_resident_informed
        if la_where_resident_informed_at is not UNSET:
            field_dict["la_where_resident_informed_at"] = la_where_resident_informed_at
        if parents_informed is not UNSET:
            field_dict["parents_informed"] = parents_informed
        if police_station_reason is not UNSET:
            field_dict["police_station_reason"] = police_station_reason
        if reviewed_at is not UNSET:
            field_dict["reviewed_at"] = reviewed_at
        if same_local_authority is not UNSET:
            field_dict["same_local_authority"] = same_local_authority
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if threshold_met is not UNSET:
            field_dict["threshold_met"] = threshold_met
        if used is not UNSET:
            field_dict["used"] = used
        if wishes_and_feelings_sought is not UNSET:
            field_dict["wishes_and_feelings_sought"] = wishes_and_feelings_sought

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_accommodation(data: object) -> None | PoliceProtectionAccommodationType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                accommodation_type_0 = PoliceProtectionAccommodationType0(data)

                return accommodation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PoliceProtectionAccommodationType0 | Unset, data)

        accommodation = _parse_accommodation(d.pop("accommodation", UNSET))

        def _parse_child_able_to_understand(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        child_able_to_understand = _parse_child_able_to_understand(d.pop("child_able_to_understand", UNSET))

        def _parse_child_informed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        child_informed = _parse_child_informed(d.pop("child_informed", UNSET))

        def _parse_designated_officer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        designated_officer_id = _parse_designated_officer_id(d.pop("designated_officer_id", UNSET))

        def _parse_ended_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ended_at = _parse_ended_at(d.pop("ended_at", UNSET))

        def _parse_epo_considered(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        epo_considered = _parse_epo_considered(d.pop("epo_considered", UNSET))

        def _parse_grounds(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        grounds = _parse_grounds(d.pop("grounds", UNSET))

        def _parse_initiating_officer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        initiating_officer_id = _parse_initiating_officer_id(d.pop("initiating_officer_id", UNSET))

        def _parse_la_where_found_informed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        la_where_found_informed = _parse_la_where_found_informed(d.pop("la_where_found_informed", UNSET))

        def _parse_la_where_found_informed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                la_where_found_informed_at_type_0 = datetime.datetime.fromisoformat(data)

                return la_where_found_informed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        la_where_found_informed_at = _parse_la_where_found_informed_at(d.pop("la_where_found_informed_at", UNSET))

        def _parse_la_where_resident_informed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        la_where_resident_informed = _parse_la_where_resident_informed(d.pop("la_where_resident_informed", UNSET))

        def _parse_la_where_resident_informed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                la_where_resident_informed_at_type_0 = datetime.datetime.fromisoformat(data)

                return la_where_resident_informed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        la_where_resident_informed_at = _parse_la_where_resident_informed_at(
            d.pop("la_where_resident_informed_at", UNSET)
        )

        def _parse_parents_informed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        parents_informed = _parse_parents_informed(d.pop("parents_informed", UNSET))

        def _parse_police_station_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        police_station_reason = _parse_police_station_reason(d.pop("police_station_reason", UNSET))

        def _parse_reviewed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reviewed_at_type_0 = datetime.datetime.fromisoformat(data)

                return reviewed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        reviewed_at = _parse_reviewed_at(d.pop("reviewed_at", UNSET))

        def _parse_same_local_authority(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        same_local_authority = _parse_same_local_authority(d.pop("same_local_authority", UNSET))

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        def _parse_threshold_met(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        threshold_met = _parse_threshold_met(d.pop("threshold_met", UNSET))

        def _parse_used(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        used = _parse_used(d.pop("used", UNSET))

        def _parse_wishes_and_feelings_sought(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        wishes_and_feelings_sought = _parse_wishes_and_feelings_sought(d.pop("wishes_and_feelings_sought", UNSET))

        police_protection = cls(
            accommodation=accommodation,
            child_able_to_understand=child_able_to_understand,
            child_informed=child_informed,
            designated_officer_id=designated_officer_id,
            ended_at=ended_at,
            epo_considered=epo_considered,
            grounds=grounds,
            initiating_officer_id=initiating_officer_id,
            la_where_found_informed=la_where_found_informed,
            la_where_found_informed_at=la_where_found_informed_at,
            la_where_resident_informed=la_where_resident_informed,
            la_where_resident_informed_at=la_where_resident_informed_at,
            parents_informed=parents_informed,
            police_station_reason=police_station_reason,
            reviewed_at=reviewed_at,
            same_local_authority=same_local_authority,
            started_at=started_at,
            threshold_met=threshold_met,
            used=used,
            wishes_and_feelings_sought=wishes_and_feelings_sought,
        )

        return police_protection
