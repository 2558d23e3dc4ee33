from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audit_verification_parts import AuditVerificationParts
    from ..models.chain_break import ChainBreak


T = TypeVar("T", bound="AuditVerification")


@_attrs_define
class AuditVerification:
    """
    Attributes:
        records (int): Decision records checked.
        verified (bool):
        first_broken (ChainBreak | None | Unset):
        head_hash (None | str | Unset):
        parts (AuditVerificationParts | Unset): Each part verified, in order: the erasure log, the decision chain,
            checklist revisions, incidents, feedback and the access audit.
    """

    records: int
    verified: bool
    first_broken: ChainBreak | None | Unset = UNSET
    head_hash: None | str | Unset = UNSET
    parts: AuditVerificationParts | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.chain_break import ChainBreak  # noqa: PLC0415

        records = self.records

        verified = self.verified

        first_broken: dict[str, Any] | None | Unset
        if isinstance(self.first_broken, Unset):
            first_broken = UNSET
        elif isinstance(self.first_broken, ChainBreak):
            first_broken = self.first_broken.to_dict()
        else:
            first_broken = self.first_broken

        head_hash: None | str | Unset
        if isinstance(self.head_hash, Unset):
            head_hash = UNSET
        else:
            head_hash = self.head_hash

        parts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parts, Unset):
            parts = self.parts.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "records": records,
                "verified": verified,
            }
        )
        if first_broken is not UNSET:
            field_dict["first_broken"] = first_broken
        if head_hash is not UNSET:
            field_dict["head_hash"] = head_hash
        if parts is not UNSET:
            field_dict["parts"] = parts

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_verification_parts import AuditVerificationParts  # noqa: PLC0415
        from ..models.chain_break import ChainBreak  # noqa: PLC0415

        d = dict(src_dict)
        records = d.pop("records")

        verified = d.pop("verified")

        def _parse_first_broken(data: object) -> ChainBreak | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                first_broken_type_0 = ChainBreak.from_dict(data)

                return first_broken_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChainBreak | None | Unset, data)

        first_broken = _parse_first_broken(d.pop("first_broken", UNSET))

        def _parse_head_hash(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        head_hash = _parse_head_hash(d.pop("head_hash", UNSET))

        _parts = d.pop("parts", UNSET)
        parts: AuditVerificationParts | Unset
        if isinstance(_parts, Unset):
            parts = UNSET
        else:
            parts = AuditVerificationParts.from_dict(_parts)

        audit_verification = cls(
            records=records,
            verified=verified,
            first_broken=first_broken,
            head_hash=head_hash,
            parts=parts,
        )

        audit_verification.additional_properties = d
        return audit_verification

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
