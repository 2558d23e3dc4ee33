from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CrossForce")


@_attrs_define
class CrossForce:
    """A missing child believed to be in another force's area.

    Attributes:
        receiving_force (str): Force code of the area where the child is believed to be.
        actioned_at (datetime.datetime | None | Unset): When the receiving force acted.
        owner_accepted (bool | None | Unset): A named officer in the receiving force accepted ownership of the actions.
        owner_id (None | str | Unset): Collar or staff number of the named owner.
        requested_at (datetime.datetime | None | Unset): When the actions were requested.
    """

    receiving_force: str
    actioned_at: datetime.datetime | None | Unset = UNSET
    owner_accepted: bool | None | Unset = UNSET
    owner_id: None | str | Unset = UNSET
    requested_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        receiving_force = self.receiving_force

        actioned_at: None | str | Unset
        if isinstance(self.actioned_at, Unset):
            actioned_at = UNSET
        elif isinstance(self.actioned_at, datetime.datetime):
            actioned_at = self.actioned_at.isoformat()
        else:
            actioned_at = self.actioned_at

        owner_accepted: bool | None | Unset
        if isinstance(self.owner_accepted, Unset):
            owner_accepted = UNSET
        else:
            owner_accepted = self.owner_accepted

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        else:
            owner_id = self.owner_id

        requested_at: None | str | Unset
        if isinstance(self.requested_at, Unset):
            requested_at = UNSET
        elif isinstance(self.requested_at, datetime.datetime):
            requested_at = self.requested_at.isoformat()
        else:
            requested_at = self.requested_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "receiving_force": receiving_force,
            }
        )
        if actioned_at is not UNSET:
            field_dict["actioned_at"] = actioned_at
        if owner_accepted is not UNSET:
            field_dict["owner_accepted"] = owner_accepted
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if requested_at is not UNSET:
            field_dict["requested_at"] = requested_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        receiving_force = d.pop("receiving_force")

        def _parse_actioned_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actioned_at_type_0 = datetime.datetime.fromisoformat(data)

                return actioned_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        actioned_at = _parse_actioned_at(d.pop("actioned_at", UNSET))

        def _parse_owner_accepted(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        owner_accepted = _parse_owner_accepted(d.pop("owner_accepted", UNSET))

        def _parse_owner_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner_id = _parse_owner_id(d.pop("owner_id", UNSET))

        def _parse_requested_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                requested_at_type_0 = datetime.datetime.fromisoformat(data)

                return requested_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        requested_at = _parse_requested_at(d.pop("requested_at", UNSET))

        cross_force = cls(
            receiving_force=receiving_force,
            actioned_at=actioned_at,
            owner_accepted=owner_accepted,
            owner_id=owner_id,
            requested_at=requested_at,
        )

        return cross_force
