from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LinkedChildren")


@_attrs_define
class LinkedChildren:
    """Children beyond the household whom the suspect can reach.

    Attributes:
        count (int | None | Unset): How many such children were identified.
        enquiry_made (bool | None | Unset): Enquiries were made for other children the suspect can reach.
        included_in_referral (bool | None | Unset): They are included in the referral or strategy discussion.
    """

    count: int | None | Unset = UNSET
    enquiry_made: bool | None | Unset = UNSET
    included_in_referral: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        count: int | None | Unset
        if isinstance(self.count, Unset):
            count = UNSET
        else:
            count = self.count

        enquiry_made: bool | None | Unset
        if isinstance(self.enquiry_made, Unset):
            enquiry_made = UNSET
        else:
            enquiry_made = self.enquiry_made

        included_in_referral: bool | None | Unset
        if isinstance(self.included_in_referral, Unset):
            included_in_referral = UNSET
        else:
            included_in_referral = self.included_in_referral

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if count is not UNSET:
            field_dict["count"] = count
        if enquiry_made is not UNSET:
            field_dict["enquiry_made"] = enquiry_made
        if included_in_referral is not UNSET:
            field_dict["included_in_referral"] = included_in_referral

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        count = _parse_count(d.pop("count", UNSET))

        def _parse_enquiry_made(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        enquiry_made = _parse_enquiry_made(d.pop("enquiry_made", UNSET))

        def _parse_included_in_referral(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        included_in_referral = _parse_included_in_referral(d.pop("included_in_referral", UNSET))

        linked_children = cls(
            count=count,
            enquiry_made=enquiry_made,
            included_in_referral=included_in_referral,
        )

        return linked_children
