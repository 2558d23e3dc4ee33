from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.grade import Grade
from ..models.incident_type import IncidentType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.grade_change import GradeChange


T = TypeVar("T", bound="Incident")


@_attrs_define
class Incident:
    """
    Attributes:
        force (str): Force code, e.g. `WMP`.
        reference (str): The force's incident reference (log number).
        type_ (IncidentType):
        address_ref (None | str | Unset): The force's own reference for the incident's address (its gazetteer or
            location id, or the UPRN), so that earlier incidents at the address are counted; never shown in responses.
        at_dwelling (bool | None | Unset): The incident concerns a dwelling.
        attended (bool | None | Unset): Officers attended the scene (true), or did not (false); for when the time of
            arrival is not known.
        attended_at (datetime.datetime | None | Unset): When the first officer arrived.
        closed_at (datetime.datetime | None | Unset): When the incident was closed.
        departed_at (datetime.datetime | None | Unset): When the last officer left the scene.
        domestic_abuse (bool | None | Unset): The incident involves domestic abuse.
        flagged_child_concern (bool | None | Unset): The log is flagged as child abuse or concern for a child.
        grade (Grade | None | Unset): The current grade.
        grade_history (list[GradeChange] | None | Unset): Every grade change, oldest first. `null` or absent: not
            recorded; `[]`: recorded as none (before schema version 3, absent means `[]`).
        harm_alleged (bool | None | Unset): The report alleges harm to a child (an injury, abuse, neglect or a sexual
            offence), whatever the officers later concluded.
        officer_in_charge_id (None | str | Unset): Collar number of the officer in charge.
        parties_recorded (bool | None | Unset): Full details of all parties are on the log.
        reported_at (datetime.datetime | None | Unset): When the call was received.
    """

    force: str
    reference: str
    type_: IncidentType
    address_ref: None | str | Unset = UNSET
    at_dwelling: bool | None | Unset = UNSET
    attended: bool | None | Unset = UNSET
    attended_at: datetime.datetime | None | Unset = UNSET
    closed_at: datetime.datetime | None | Unset = UNSET
    departed_at: datetime.datetime | None | Unset = UNSET
    domestic_abuse: bool | None | Unset = UNSET
    flagged_child_concern: bool | None | Unset = UNSET
    grade: Grade | None | Unset = UNSET
    grade_history: list[GradeChange] | None | Unset = UNSET
    harm_alleged: bool | None | Unset = UNSET
    officer_in_charge_id: None | str | Unset = UNSET
    parties_recorded: bool | None | Unset = UNSET
    reported_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        force = self.force

        reference = self.reference

        type_ = self.type_.value

        address_ref: None | str | Unset
        if isinstance(self.address_ref, Unset):
            address_ref = UNSET
        else:
            address_ref = self.address_ref

        at_dwelling: bool | None | Unset
        if isinstance(self.at_dwelling, Unset):
            at_dwelling = UNSET
        else:
            at_dwelling = self.at_dwelling

        attended: bool | None | Unset
        if isinstance(self.attended, Unset):
            attended = UNSET
        else:
            attended = self.attended

        attended_at: None | str | Unset
        if isinstance(self.attended_at, Unset):
            attended_at = UNSET
        elif isinstance(self.attended_at, datetime.datetime):
            attended_at = self.attended_at.isoformat()
        else:
            attended_at = self.attended_at

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        departed_at: None | str | Unset
        if isinstance(self.departed_at, Unset):
            departed_at = UNSET
        elif isinstance(self.departed_at, datetime.datetime):
            departed_at = self.departed_at.isoformat()
        else:
            departed_at = self.departed_at

        domestic_abuse: bool | None | Unset
        if isinstance(self.domestic_abuse, Unset):
            domestic_abuse = UNSET
        else:
            domestic_abuse = self.domestic_abuse

        flagged_child_concern: bool | None | Unset
        if isinstance(self.flagged_child_concern, Unset):
            flagged_child_concern = UNSET
        else:
            flagged_child_concern = self.flagged_child_concern

        grade: None | str | Unset
        if isinstance(self.grade, Unset):
            grade = UNSET
        elif isinstance(self.grade, Grade):
            grade = self.grade.value
        else:
            grade = self.grade

        grade_history: list[dict[str, Any]] | None | Unset
        if isinstance(self.grade_history, Unset):
            grade_history = UNSET
        elif isinstance(self.grade_history, list):
            grade_history = []
            for grade_history_type_0_item_data in self.grade_history:
                grade_history_type_0_item = grade_history_type_0_item_data.to_dict()
                grade_history.append(grade_history_type_0_item)

        else:
            grade_history = self.grade_history

        harm_alleged: bool | None | Unset
        if isinstance(self.harm_alleged, Unset):
            harm_alleged = UNSET
        else:
            harm_alleged = self.harm_alleged

        officer_in_charge_id: None | str | Unset
        if isinstance(self.officer_in_charge_id, Unset):
            officer_in_charge_id = UNSET
        else:
            officer_in_charge_id = self.officer_in_charge_id

        parties_recorded: bool | None | Unset
        if isinstance(self.parties_recorded, Unset):
            parties_recorded = UNSET
        else:
            parties_recorded = self.parties_recorded

        reported_at: None | str | Unset
        if isinstance(self.reported_at, Unset):
            reported_at = UNSET
        elif isinstance(self.reported_at, datetime.datetime):
            reported_at = self.reported_at.isoformat()
        else:
            reported_at = self.reported_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "force": force,
                "reference": reference,
                "type": type_,
            }
        )
        if address_ref is not UNSET:
            field_dict["address_ref"] = address_ref
        if at_dwelling is not UNSET:
            field_dict["at_dwelling"] = at_dwelling
        if attended is not UNSET:
            field_dict["attended"] = attended
        if attended_at is not UNSET:
            field_dict["attended_at"] = attended_at
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if departed_at is not UNSET:
            field_dict["departed_at"] = departed_at
        if domestic_abuse is not UNSET:
            field_dict["domestic_abuse"] = domestic_abuse
        if flagged_child_concern is not UNSET:
            field_dict["flagged_child_concern"] = flagged_child_concern
        if grade is not UNSET:
            field_dict["grade"] = grade
        if grade_history is not UNSET:
            field_dict["grade_history"] = grade_history
        if harm_alleged is not UNSET:
            field_dict["harm_alleged"] = harm_alleged
        if officer_in_charge_id is not UNSET:
            field_dict["officer_in_charge_id"] = officer_in_charge_id
        if parties_recorded is not UNSET:
            field_dict["parties_recorded"] = parties_recorded
        if reported_at is not UNSET:
            field_dict["reported_at"] = reported_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.grade_change import GradeChange  # noqa: PLC0415

        d = dict(src_dict)
        force = d.pop("force")

        reference = d.pop("reference")

        type_ = IncidentType(d.pop("type"))

        def _parse_address_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address_ref = _parse_address_ref(d.pop("address_ref", UNSET))

        def _parse_at_dwelling(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        at_dwelling = _parse_at_dwelling(d.pop("at_dwelling", UNSET))

        def _parse_attended(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        attended = _parse_attended(d.pop("attended", UNSET))

        def _parse_attended_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                attended_at_type_0 = datetime.datetime.fromisoformat(data)

                return attended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        attended_at = _parse_attended_at(d.pop("attended_at", UNSET))

        def _parse_closed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closed_at = _parse_closed_at(d.pop("closed_at", UNSET))

        def _parse_departed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                departed_at_type_0 = datetime.datetime.fromisoformat(data)

                return departed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        departed_at = _parse_departed_at(d.pop("departed_at", UNSET))

        def _parse_domestic_abuse(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        domestic_abuse = _parse_domestic_abuse(d.pop("domestic_abuse", UNSET))

        def _parse_flagged_child_concern(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        flagged_child_concern = _parse_flagged_child_concern(d.pop("flagged_child_concern", UNSET))

        def _parse_grade(data: object) -> Grade | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                grade_type_0 = Grade(data)

                return grade_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Grade | None | Unset, data)

        grade = _parse_grade(d.pop("grade", UNSET))

        def _parse_grade_history(data: object) -> list[GradeChange] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                grade_history_type_0 = []
                _grade_history_type_0 = data
                for grade_history_type_0_item_data in _grade_history_type_0:
                    grade_history_type_0_item = GradeChange.from_dict(grade_history_type_0_item_data)

                    grade_history_type_0.append(grade_history_type_0_item)

                return grade_history_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[GradeChange] | None | Unset, data)

        grade_history = _parse_grade_history(d.pop("grade_history", UNSET))

        def _parse_harm_alleged(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        harm_alleged = _parse_harm_alleged(d.pop("harm_alleged", UNSET))

        def _parse_officer_in_charge_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        officer_in_charge_id = _parse_officer_in_charge_id(d.pop("officer_in_charge_id", UNSET))

        def _parse_parties_recorded(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        parties_recorded = _parse_parties_recorded(d.pop("parties_recorded", UNSET))

        def _parse_reported_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reported_at_type_0 = datetime.datetime.fromisoformat(data)

                return reported_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        reported_at = _parse_reported_at(d.pop("reported_at", UNSET))

        incident = cls(
            force=force,
            reference=reference,
            type_=type_,
            address_ref=address_ref,
            at_dwelling=at_dwelling,
            attended=attended,
            attended_at=attended_at,
            closed_at=closed_at,
            departed_at=departed_at,
            domestic_abuse=domestic_abuse,
            flagged_child_concern=flagged_child_concern,
            grade=grade,
            grade_history=grade_history,
            harm_alleged=harm_alleged,
            officer_in_charge_id=officer_in_charge_id,
            parties_recorded=parties_recorded,
            reported_at=reported_at,
        )

        return incident
