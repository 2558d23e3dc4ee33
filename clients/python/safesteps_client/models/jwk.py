from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Jwk")


@_attrs_define
class Jwk:
    """
    Attributes:
        kid (str):
        x (str): The raw public key, base64url without padding (RFC 8037).
        crv (str | Unset):  Default: 'Ed25519'.
        kty (str | Unset):  Default: 'OKP'.
        use (str | Unset):  Default: 'sig'.
    """

    kid: str
    x: str
    crv: str | Unset = "Ed25519"
    kty: str | Unset = "OKP"
    use: str | Unset = "sig"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kid = self.kid

        x = self.x

        crv = self.crv

        kty = self.kty

        use = self.use

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kid": kid,
                "x": x,
            }
        )
        if crv is not UNSET:
            field_dict["crv"] = crv
        if kty is not UNSET:
            field_dict["kty"] = kty
        if use is not UNSET:
            field_dict["use"] = use

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kid = d.pop("kid")

        x = d.pop("x")

        crv = d.pop("crv", UNSET)

        kty = d.pop("kty", UNSET)

        use = d.pop("use", UNSET)

        jwk = cls(
            kid=kid,
            x=x,
            crv=crv,
            kty=kty,
            use=use,
        )

        jwk.additional_properties = d
        return jwk

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
