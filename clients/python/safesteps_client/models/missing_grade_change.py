from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.missing_grade_change_from_grade_type_0 import MissingGradeChangeFromGradeType0
from ..models.missing_grade_change_to_grade import MissingGradeChangeToGrade
from ..types import UNSET, Unset

T = TypeVar("T", bound="MissingGradeChange")


@_attrs_define
class MissingGradeChange:
    """
    Attributes:
        at (datetime.datetime): When the risk grade changed.
        to_grade (MissingGradeChangeToGrade): Risk grade after the change.
        from_grade (MissingGradeChangeFromGradeType0 | None | Unset): Risk grade before the change.
        new_information (bool | None | Unset): The change rests on new information recorded in the risk information.
        reason (None | str | Unset): Recorded reason for the change.
        supervisor_authorised (bool | None | Unset): A supervisor signed off the change.
        supervisor_id (None | str | Unset): Collar or staff number of the supervisor.
    """

    at: datetime.datetime
    to_grade: MissingGradeChangeToGrade
    from_grade: MissingGradeChangeFromGradeType0 | None | Unset = UNSET
    new_information: bool | None | Unset = UNSET
    reason: None | str | Unset = UNSET
    supervisor_authorised: bool | None | Unset = UNSET
    supervisor_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        to_grade = self.to_grade.value

        from_grade: None | str | Unset
        if isinstance(self.from_grade, Unset):
            from_grade = UNSET
        elif isinstance(self.from_grade, MissingGradeChangeFromGradeType0):
            from_grade = self.from_grade.value
        else:
            from_grade = self.from_grade

        new_information: bool | None | Unset
        if isinstance(self.new_information, Unset):
            new_information = UNSET
        else:
            new_information = self.new_information

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        supervisor_authorised: bool | None | Unset
        if isinstance(self.supervisor_authorised, Unset):
            supervisor_authorised = UNSET
        else:
            supervisor_authorised = self.supervisor_authorised

        supervisor_id: None | str | Unset
        if isinstance(self.supervisor_id, Unset):
            supervisor_id = UNSET
        else:
            supervisor_id = self.supervisor_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "at": at,
                "to_grade": to_grade,
            }
        )
        if from_grade is not UNSET:
            field_dict["from_grade"] = from_grade
        if new_information is not UNSET:
            field_dict["new_information"] = new_information
        if reason is not UNSET:
            field_dict["reason"] = reason
        if supervisor_authorised is not UNSET:
            field_dict["supervisor_authorised"] = supervisor_authorised
        if supervisor_id is not UNSET:
            field_dict["supervisor_id"] = supervisor_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        to_grade = MissingGradeChangeToGrade(d.pop("to_grade"))

        def _parse_from_grade(data: object) -> MissingGradeChangeFromGradeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_grade_type_0 = MissingGradeChangeFromGradeType0(data)

                return from_grade_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MissingGradeChangeFromGradeType0 | None | Unset, data)

        from_grade = _parse_from_grade(d.pop("from_grade", UNSET))

        def _parse_new_information(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        new_information = _parse_new_information(d.pop("new_information", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_supervisor_authorised(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        supervisor_authorised = _parse_supervisor_authorised(d.pop("supervisor_authorised", UNSET))

        def _parse_supervisor_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        supervisor_id = _parse_supervisor_id(d.pop("supervisor_id", UNSET))

        missing_grade_change = cls(
            at=at,
            to_grade=to_grade,
            from_grade=from_grade,
            new_information=new_information,
            reason=reason,
            supervisor_authorised=supervisor_authorised,
            supervisor_id=supervisor_id,
        )

        return missing_grade_change
