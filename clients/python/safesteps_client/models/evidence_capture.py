from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="EvidenceCapture")


@_attrs_define
class EvidenceCapture:
    """
    Attributes:
        body_worn_video (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
        bwv_reference (None | str | Unset): Body-worn video reference.
        photographs (int | None | Unset): How many photographs of the child's environment were taken.
    """

    body_worn_video: bool | None | Unset = UNSET
    bwv_reference: None | str | Unset = UNSET
    photographs: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        body_worn_video: bool | None | Unset
        if isinstance(self.body_worn_video, Unset):
            body_worn_video = UNSET
        else:
            body_worn_video = self.body_worn_video

        bwv_reference: None | str | Unset
        if isinstance(self.bwv_reference, Unset):
            bwv_reference = UNSET
        else:
            bwv_reference = self.bwv_reference

        photographs: int | None | Unset
        if isinstance(self.photographs, Unset):
            photographs = UNSET
        else:
            photographs = self.photographs

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if body_worn_video is not UNSET:
            field_dict["body_worn_video"] = body_worn_video
        if bwv_reference is not UNSET:
            field_dict["bwv_reference"] = bwv_reference
        if photographs is not UNSET:
            field_dict["photographs"] = photographs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_body_worn_video(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        body_worn_video = _parse_body_worn_video(d.pop("body_worn_video", UNSET))

        def _parse_bwv_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bwv_reference = _parse_bwv_reference(d.pop("bwv_reference", UNSET))

        def _parse_photographs(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        photographs = _parse_photographs(d.pop("photographs", UNSET))

        evidence_capture = cls(
            body_worn_video=body_worn_video,
            bwv_reference=bwv_reference,
            photographs=photographs,
        )

        return evidence_capture
