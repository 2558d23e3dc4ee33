from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Supervision")


@_attrs_define
class Supervision:
    """
    Attributes:
        notes (None | str | Unset): The supervisor's notes.
        open_items_checked (bool | None | Unset): The supervisor checked open items (child not seen, referral without
            reference, carer checks, Operation Encompass) before sign-off.
        reviewed_at (datetime.datetime | None | Unset): When the supervisor reviewed the safeguarding decisions.
        signed_off (bool | None | Unset): The supervisor signed off the safeguarding decisions.
        supervisor_id (None | str | Unset): Collar or staff number of the reviewing supervisor.
        supervisor_informed (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
    """

    notes: None | str | Unset = UNSET
    open_items_checked: bool | None | Unset = UNSET
    reviewed_at: datetime.datetime | None | Unset = UNSET
    signed_off: bool | None | Unset = UNSET
    supervisor_id: None | str | Unset = UNSET
    supervisor_informed: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        open_items_checked: bool | None | Unset
        if isinstance(self.open_items_checked, Unset):
            open_items_checked = UNSET
        else:
            open_items_checked = self.open_items_checked

        reviewed_at: None | str | Unset
        if isinstance(self.reviewed_at, Unset):
            reviewed_at = UNSET
        elif isinstance(self.reviewed_at, datetime.datetime):
            reviewed_at = self.reviewed_at.isoformat()
        else:
            reviewed_at = self.reviewed_at

        signed_off: bool | None | Unset
        if isinstance(self.signed_off, Unset):
            signed_off = UNSET
        else:
            signed_off = self.signed_off

        supervisor_id: None | str | Unset
        if isinstance(self.supervisor_id, Unset):
            supervisor_id = UNSET
        else:
            supervisor_id = self.supervisor_id

        supervisor_informed: bool | None | Unset
        if isinstance(self.supervisor_informed, Unset):
            supervisor_informed = UNSET
        else:
            supervisor_informed = self.supervisor_informed

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if notes is not UNSET:
            field_dict["notes"] = notes
        if open_items_checked is not UNSET:
            field_dict["open_items_checked"] = open_items_checked
        if reviewed_at is not UNSET:
            field_dict["reviewed_at"] = reviewed_at
        if signed_off is not UNSET:
            field_dict["signed_off"] = signed_off
        if supervisor_id is not UNSET:
            field_dict["supervisor_id"] = supervisor_id
        if supervisor_informed is not UNSET:
            field_dict["supervisor_informed"] = supervisor_informed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_open_items_checked(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        open_items_checked = _parse_open_items_checked(d.pop("open_items_checked", UNSET))

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

        def _parse_signed_off(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        signed_off = _parse_signed_off(d.pop("signed_off", UNSET))

        def _parse_supervisor_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        supervisor_id = _parse_supervisor_id(d.pop("supervisor_id", UNSET))

        def _parse_supervisor_informed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        supervisor_informed = _parse_supervisor_informed(d.pop("supervisor_informed", UNSET))

        supervision = cls(
            notes=notes,
            open_items_checked=open_items_checked,
            reviewed_at=reviewed_at,
            signed_off=signed_off,
            supervisor_id=supervisor_id,
            supervisor_informed=supervisor_informed,
        )

        return supervision
