from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.grade import Grade
from ..models.grade_change_child_safety_method_type_0 import GradeChangeChildSafetyMethodType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="GradeChange")


@_attrs_define
class GradeChange:
    """
    Attributes:
        at (datetime.datetime): When the grade changed.
        to_grade (Grade):
        checks_completed (bool | None | Unset): The checks carried out before the change are recorded.
        child_safety_confirmed (bool | None | Unset): Positive confirmation that each child is safe was obtained.
        child_safety_confirmed_by (None | str | Unset): Who confirmed the child's safety (role or collar number, never a
            name).
        child_safety_method (GradeChangeChildSafetyMethodType0 | None | Unset): How the child's safety was confirmed
            (schema 3 adds a family member's word and a video call).
        downgrade (bool | None | Unset): The change lowers the response or closes the call.
        from_grade (Grade | None | Unset): Grade before the change.
        reason (None | str | Unset): Recorded rationale for the change.
        risk_reassessed (bool | None | Unset): A fresh risk assessment (re-THRIVE) was recorded.
        supervisor_authorised (bool | None | Unset): A supervisor authorised the change.
        supervisor_id (None | str | Unset): Collar or staff number of the supervisor.
    """

    at: datetime.datetime
    to_grade: Grade
    checks_completed: bool | None | Unset = UNSET
    child_safety_confirmed: bool | None | Unset = UNSET
    child_safety_confirmed_by: None | str | Unset = UNSET
    child_safety_method: GradeChangeChildSafetyMethodType0 | None | Unset = UNSET
    downgrade: bool | None | Unset = UNSET
    from_grade: Grade | None | Unset = UNSET
    reason: None | str | Unset = UNSET
    risk_reassessed: bool | None | Unset = UNSET
    supervisor_authorised: bool | None | Unset = UNSET
    supervisor_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        to_grade = self.to_grade.value

        checks_completed: bool | None | Unset
        if isinstance(self.checks_completed, Unset):
            checks_completed = UNSET
        else:
            checks_completed = self.checks_completed

        child_safety_confirmed: bool | None | Unset
        if isinstance(self.child_safety_confirmed, Unset):
            child_safety_confirmed = UNSET
        else:
            child_safety_confirmed = self.child_safety_confirmed

        child_safety_confirmed_by: None | str | Unset
        if isinstance(self.child_safety_confirmed_by, Unset):
            child_safety_confirmed_by = UNSET
        else:
            child_safety_confirmed_by = self.child_safety_confirmed_by

        child_safety_method: None | str | Unset
        if isinstance(self.child_safety_method, Unset):
            child_safety_method = UNSET
        elif isinstance(self.child_safety_method, GradeChangeChildSafetyMethodType0):
            child_safety_method = self.child_safety_method.value
        else:
            child_safety_method = self.child_safety_method

        downgrade: bool | None | Unset
        if isinstance(self.downgrade, Unset):
            downgrade = UNSET
        else:
            downgrade = self.downgrade

        from_grade: None | str | Unset
        if isinstance(self.from_grade, Unset):
            from_grade = UNSET
        elif isinstance(self.from_grade, Grade):
            from_grade = self.from_grade.value
        else:
            from_grade = self.from_grade

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        risk_reassessed: bool | None | Unset
        if isinstance(self.risk_reassessed, Unset):
            risk_reassessed = UNSET
        else:
            risk_reassessed = self.risk_reassessed

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
        if checks_completed is not UNSET:
            field_dict["checks_completed"] = checks_completed
        if child_safety_confirmed is not UNSET:
            field_dict["child_safety_confirmed"] = child_safety_confirmed
        if child_safety_confirmed_by is not UNSET:
            field_dict["child_safety_confirmed_by"] = child_safety_confirmed_by
        if child_safety_method is not UNSET:
            field_dict["child_safety_method"] = child_safety_method
        if downgrade is not UNSET:
            field_dict["downgrade"] = downgrade
        if from_grade is not UNSET:
            field_dict["from_grade"] = from_grade
        if reason is not UNSET:
            field_dict["reason"] = reason
        if risk_reassessed is not UNSET:
            field_dict["risk_reassessed"] = risk_reassessed
        if supervisor_authorised is not UNSET:
            field_dict["supervisor_authorised"] = supervisor_authorised
        if supervisor_id is not UNSET:
            field_dict["supervisor_id"] = supervisor_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        to_grade = Grade(d.pop("to_grade"))

        def _parse_checks_completed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        checks_completed = _parse_checks_completed(d.pop("checks_completed", UNSET))

        def _parse_child_safety_confirmed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        child_safety_confirmed = _parse_child_safety_confirmed(d.pop("child_safety_confirmed", UNSET))

        def _parse_child_safety_confirmed_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        child_safety_confirmed_by = _parse_child_safety_confirmed_by(d.pop("child_safety_confirmed_by", UNSET))

        def _parse_child_safety_method(data: object) -> GradeChangeChildSafetyMethodType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                child_safety_method_type_0 = GradeChangeChildSafetyMethodType0(data)

                return child_safety_method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GradeChangeChildSafetyMethodType0 | None | Unset, data)

        child_safety_method = _parse_child_safety_method(d.pop("child_safety_method", UNSET))

        def _parse_downgrade(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        downgrade = _parse_downgrade(d.pop("downgrade", UNSET))

        def _parse_from_grade(data: object) -> Grade | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_grade_type_0 = Grade(data)

                return from_grade_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Grade | None | Unset, data)

        from_grade = _parse_from_grade(d.pop("from_grade", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_risk_reassessed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        risk_reassessed = _parse_risk_reassessed(d.pop("risk_reassessed", UNSET))

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

        grade_change = cls(
            at=at,
            to_grade=to_grade,
            checks_completed=checks_completed,
            child_safety_confirmed=child_safety_confirmed,
            child_safety_confirmed_by=child_safety_confirmed_by,
            child_safety_method=child_safety_method,
            downgrade=downgrade,
            from_grade=from_grade,
            reason=reason,
            risk_reassessed=risk_reassessed,
            supervisor_authorised=supervisor_authorised,
            supervisor_id=supervisor_id,
        )

        return grade_change
