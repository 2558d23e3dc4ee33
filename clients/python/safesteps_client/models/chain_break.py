from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChainBreak")


@_attrs_define
class ChainBreak:
    """
    Attributes:
        decision_id (None | str):
        reason (str): `hash_mismatch`, `prev_hash_mismatch`, `gap`, `head_mismatch`, `beyond_head` (a record past the
            chain's head), `not_in_chain` (records a later one skips), `content_mismatch` (content no longer matches the
            digest the chain recorded), `forged_erasure` (erased without an entry of the erasure log that accounts for it,
            or not as the chain promised), `erasure_mismatch`, `no_decision_record`, `decision_mismatch`,
            `revision_missing`, `revision_count_mismatch`, `latest_decision_mismatch`, `time_mismatch`, `incident_mismatch`.
        seq (int): Position in that part of the first record that does not verify (`seq` of a decision record, `id` of
            any other row).
        part (str | Unset): Which part failed: `decision_record`, `erasure_log`, `checklist_revision`, `incident`,
            `decision_feedback` or `access_event`. Default: 'decision_record'.
    """

    decision_id: None | str
    reason: str
    seq: int
    part: str | Unset = "decision_record"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        decision_id: None | str
        decision_id = self.decision_id

        reason = self.reason

        seq = self.seq

        part = self.part

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "decision_id": decision_id,
                "reason": reason,
                "seq": seq,
            }
        )
        if part is not UNSET:
            field_dict["part"] = part

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_decision_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decision_id = _parse_decision_id(d.pop("decision_id"))

        reason = d.pop("reason")

        seq = d.pop("seq")

        part = d.pop("part", UNSET)

        chain_break = cls(
            decision_id=decision_id,
            reason=reason,
            seq=seq,
            part=part,
        )

        chain_break.additional_properties = d
        return chain_break

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
