from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CarerConsultation")


@_attrs_define
class CarerConsultation:
    """
    Attributes:
        consulted_at (datetime.datetime | None | Unset): When children's social care was consulted.
        consulted_role (None | str | Unset): Role of the person consulted (e.g. emergency duty team social worker).
        csc_consulted (bool | None | Unset): Children's social care or the out-of-hours team was consulted.
    """

    consulted_at: datetime.datetime | None | Unset = UNSET
    consulted_role: None | str | Unset = UNSET
    csc_consulted: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        consulted_at: None | str | Unset
        if isinstance(self.consulted_at, Unset):
            consulted_at = UNSET
        elif isinstance(self.consulted_at, datetime.datetime):
            consulted_at = self.consulted_at.isoformat()
        else:
            consulted_at = self.consulted_at

        consulted_role: None | str | Unset
        if isinstance(self.consulted_role, Unset):
            consulted_role = UNSET
        else:
            consulted_role = self.consulted_role

        csc_consulted: bool | None | Unset
        if isinstance(self.csc_consulted, Unset):
            csc_consulted = UNSET
        else:
            csc_consulted = self.csc_consulted

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if consulted_at is not UNSET:
            field_dict["consulted_at"] = consulted_at
        if consulted_role is not UNSET:
            field_dict["consulted_role"] = consulted_role
        if csc_consulted is not UNSET:
            field_dict["csc_consulted"] = csc_consulted

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_consulted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                consulted_at_type_0 = datetime.datetime.fromisoformat(data)

                return consulted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        consulted_at = _parse_consulted_at(d.pop("consulted_at", UNSET))

        def _parse_consulted_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        consulted_role = _parse_consulted_role(d.pop("consulted_role", UNSET))

        def _parse_csc_consulted(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        csc_consulted = _parse_csc_consulted(d.pop("csc_consulted", UNSET))

        carer_consultation = cls(
            consulted_at=consulted_at,
            consulted_role=consulted_role,
            csc_consulted=csc_consulted,
        )

        return carer_consultation
