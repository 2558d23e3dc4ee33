from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ErasedDetail")


@_attrs_define
class ErasedDetail:
    """Retention erased personal content of the decision's input, so it is not re-made: as recorded,
    not reproducible and not a failure; in an impact replay, not compared.

        Attributes:
            erased (list[str]): JSON pointers of the erased fields.
            kind (Literal['erased'] | Unset):  Default: 'erased'.
            reproducible (bool | Unset):  Default: False.
    """

    erased: list[str]
    kind: Literal["erased"] | Unset = "erased"
    reproducible: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        erased = self.erased

        kind = self.kind

        reproducible = self.reproducible

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "erased": erased,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind
        if reproducible is not UNSET:
            field_dict["reproducible"] = reproducible

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        erased = cast(list[str], d.pop("erased"))

        kind = cast(Literal["erased"] | Unset, d.pop("kind", UNSET))
        if kind != "erased" and not isinstance(kind, Unset):
            raise ValueError(f"kind must match const 'erased', got '{kind}'")

        reproducible = d.pop("reproducible", UNSET)

        erased_detail = cls(
            erased=erased,
            kind=kind,
            reproducible=reproducible,
        )

        erased_detail.additional_properties = d
        return erased_detail

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
