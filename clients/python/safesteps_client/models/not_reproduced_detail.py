from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.not_reproduced_detail_replayed_result import NotReproducedDetailReplayedResult
    from ..models.not_reproduced_detail_stored_result import NotReproducedDetailStoredResult


T = TypeVar("T", bound="NotReproducedDetail")


@_attrs_define
class NotReproducedDetail:
    """As recorded, the replayed result differs from the stored one.

    Attributes:
        differing_fields (list[str]): Top-level result fields that differ.
        replayed_hash (str):
        replayed_result (NotReproducedDetailReplayedResult):
        stored_hash (str):
        stored_result (NotReproducedDetailStoredResult):
        kind (Literal['not_reproduced'] | Unset):  Default: 'not_reproduced'.
    """

    differing_fields: list[str]
    replayed_hash: str
    replayed_result: NotReproducedDetailReplayedResult
    stored_hash: str
    stored_result: NotReproducedDetailStoredResult
    kind: Literal["not_reproduced"] | Unset = "not_reproduced"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        differing_fields = self.differing_fields

        replayed_hash = self.replayed_hash

        replayed_result = self.replayed_result.to_dict()

        stored_hash = self.stored_hash

        stored_result = self.stored_result.to_dict()

        kind = self.kind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "differing_fields": differing_fields,
                "replayed_hash": replayed_hash,
                "replayed_result": replayed_result,
                "stored_hash": stored_hash,
                "stored_result": stored_result,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.not_reproduced_detail_replayed_result import NotReproducedDetailReplayedResult  # noqa: PLC0415
        from ..models.not_reproduced_detail_stored_result import NotReproducedDetailStoredResult  # noqa: PLC0415

        d = dict(src_dict)
        differing_fields = cast(list[str], d.pop("differing_fields"))

        replayed_hash = d.pop("replayed_hash")

        replayed_result = NotReproducedDetailReplayedResult.from_dict(d.pop("replayed_result"))

        stored_hash = d.pop("stored_hash")

        stored_result = NotReproducedDetailStoredResult.from_dict(d.pop("stored_result"))

        kind = cast(Literal["not_reproduced"] | Unset, d.pop("kind", UNSET))
        if kind != "not_reproduced" and not isinstance(kind, Unset):
            raise ValueError(f"kind must match const 'not_reproduced', got '{kind}'")

        not_reproduced_detail = cls(
            differing_fields=differing_fields,
            replayed_hash=replayed_hash,
            replayed_result=replayed_result,
            stored_hash=stored_hash,
            stored_result=stored_result,
            kind=kind,
        )

        not_reproduced_detail.additional_properties = d
        return not_reproduced_detail

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
