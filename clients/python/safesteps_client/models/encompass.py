from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Encompass")


@_attrs_define
class Encompass:
    """
    Attributes:
        content_complete (bool | None | Unset): The notice gave the child's name and date of birth, presence, and
            whether a welfare check was made.
        required (bool | None | Unset): A child of school age was involved in a domestic abuse incident.
        school (None | str | Unset): The school notified.
        sent (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
        sent_at (datetime.datetime | None | Unset): When the notice was sent to the school.
    """

    content_complete: bool | None | Unset = UNSET
    required: bool | None | Unset = UNSET
    school: None | str | Unset = UNSET
    sent: bool | None | Unset = UNSET
    sent_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        content_complete: bool | None | Unset
        if isinstance(self.content_complete, Unset):
            content_complete = UNSET
        else:
            content_complete = self.content_complete

        required: bool | None | Unset
        if isinstance(self.required, Unset):
            required = UNSET
        else:
            required = self.required

        school: None | str | Unset
        if isinstance(self.school, Unset):
            school = UNSET
        else:
            school = self.school

        sent: bool | None | Unset
        if isinstance(self.sent, Unset):
            sent = UNSET
        else:
            sent = self.sent

        sent_at: None | str | Unset
        if isinstance(self.sent_at, Unset):
            sent_at = UNSET
        elif isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if content_complete is not UNSET:
            field_dict["content_complete"] = content_complete
        if required is not UNSET:
            field_dict["required"] = required
        if school is not UNSET:
            field_dict["school"] = school
        if sent is not UNSET:
            field_dict["sent"] = sent
        if sent_at is not UNSET:
            field_dict["sent_at"] = sent_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_content_complete(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        content_complete = _parse_content_complete(d.pop("content_complete", UNSET))

        def _parse_required(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        required = _parse_required(d.pop("required", UNSET))

        def _parse_school(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        school = _parse_school(d.pop("school", UNSET))

        def _parse_sent(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        sent = _parse_sent(d.pop("sent", UNSET))

        def _parse_sent_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        sent_at = _parse_sent_at(d.pop("sent_at", UNSET))

        encompass = cls(
            content_complete=content_complete,
            required=required,
            school=school,
            sent=sent,
            sent_at=sent_at,
        )

        return encompass
