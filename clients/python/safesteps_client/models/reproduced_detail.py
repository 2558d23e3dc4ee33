from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReproducedDetail")


@_attrs_define
class ReproducedDetail:
    """As recorded, reproduced (stored only when every result is kept).

    Attributes:
        replayed_hash (str): The same of the replayed result: equal.
        stored_hash (str): SHA-256 of the stored result's canonical JSON.
        kind (Literal['reproduced'] | Unset):  Default: 'reproduced'.
    """

    replayed_hash: str
    stored_hash: str
    kind: Literal["reproduced"] | Unset = "reproduced"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        replayed_hash = self.replayed_hash

        stored_hash = self.stored_hash

        kind = self.kind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "replayed_hash": replayed_hash,
                "stored_hash": stored_hash,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        replayed_hash = d.pop("replayed_hash")

        stored_hash = d.pop("stored_hash")

        kind = cast(Literal["reproduced"] | Unset, d.pop("kind", UNSET))
        if kind != "reproduced" and not isinstance(kind, Unset):
            raise ValueError(f"kind must match const 'reproduced', got '{kind}'")

        reproduced_detail = cls(
            replayed_hash=replayed_hash,
            stored_hash=stored_hash,
            kind=kind,
        )

        reproduced_detail.additional_properties = d
        return reproduced_detail

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
