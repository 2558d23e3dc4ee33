from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CustodyInterview")


@_attrs_define
class CustodyInterview:
    """
    Attributes:
        at (datetime.datetime): When the interview started.
        aa_present (bool | None | Unset): The appropriate adult was present.
        code_c_exception (bool | None | Unset): An urgent-interview exception under PACE Code C was authorised.
    """

    at: datetime.datetime
    aa_present: bool | None | Unset = UNSET
    code_c_exception: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        aa_present: bool | None | Unset
        if isinstance(self.aa_present, Unset):
            aa_present = UNSET
        else:
            aa_present = self.aa_present

        code_c_exception: bool | None | Unset
        if isinstance(self.code_c_exception, Unset):
            code_c_exception = UNSET
        else:
            code_c_exception = self.code_c_exception

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "at": at,
            }
        )
        if aa_present is not UNSET:
            field_dict["aa_present"] = aa_present
        if code_c_exception is not UNSET:
            field_dict["code_c_exception"] = code_c_exception

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_aa_present(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        aa_present = _parse_aa_present(d.pop("aa_present", UNSET))

        def _parse_code_c_exception(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        code_c_exception = _parse_code_c_exception(d.pop("code_c_exception", UNSET))

        custody_interview = cls(
            at=at,
            aa_present=aa_present,
            code_c_exception=code_c_exception,
        )

        return custody_interview
