from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.jwk import Jwk


T = TypeVar("T", bound="BundleKey")


@_attrs_define
class BundleKey:
    """
    Attributes:
        current (bool): The key new bundles are signed with; others are retired keys.
        jwk (Jwk):
        key_id (str): Named by a signed document's `key_id`: SHA-256 of the raw key, 16 hex.
        public_key (str): The raw 32-byte public key, base64.
        algorithm (str | Unset):  Default: 'Ed25519'.
    """

    current: bool
    jwk: Jwk
    key_id: str
    public_key: str
    algorithm: str | Unset = "Ed25519"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        current = self.current

        jwk = self.jwk.to_dict()

        key_id = self.key_id

        public_key = self.public_key

        algorithm = self.algorithm

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "current": current,
                "jwk": jwk,
                "key_id": key_id,
                "public_key": public_key,
            }
        )
        if algorithm is not UNSET:
            field_dict["algorithm"] = algorithm

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.jwk import Jwk  # noqa: PLC0415

        d = dict(src_dict)
        current = d.pop("current")

        jwk = Jwk.from_dict(d.pop("jwk"))

        key_id = d.pop("key_id")

        public_key = d.pop("public_key")

        algorithm = d.pop("algorithm", UNSET)

        bundle_key = cls(
            current=current,
            jwk=jwk,
            key_id=key_id,
            public_key=public_key,
            algorithm=algorithm,
        )

        bundle_key.additional_properties = d
        return bundle_key

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
