from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.finding_change_detail import FindingChangeDetail


T = TypeVar("T", bound="ImpactDetail")


@_attrs_define
class ImpactDetail:
    """Impact: how the incident's findings change under the target version.

    Attributes:
        blocking_after (bool):
        blocking_before (bool):
        changes (list[FindingChangeDetail]):
        score_after (float | None):
        score_before (float | None):
        kind (Literal['impact'] | Unset):  Default: 'impact'.
    """

    blocking_after: bool
    blocking_before: bool
    changes: list[FindingChangeDetail]
    score_after: float | None
    score_before: float | None
    kind: Literal["impact"] | Unset = "impact"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        blocking_after = self.blocking_after

        blocking_before = self.blocking_before

        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)

        score_after: float | None
        score_after = self.score_after

        score_before: float | None
        score_before = self.score_before

        kind = self.kind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "blocking_after": blocking_after,
                "blocking_before": blocking_before,
                "changes": changes,
                "score_after": score_after,
                "score_before": score_before,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.finding_change_detail import FindingChangeDetail  # noqa: PLC0415

        d = dict(src_dict)
        blocking_after = d.pop("blocking_after")

        blocking_before = d.pop("blocking_before")

        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:
            changes_item = FindingChangeDetail.from_dict(changes_item_data)

            changes.append(changes_item)

        def _parse_score_after(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score_after = _parse_score_after(d.pop("score_after"))

        def _parse_score_before(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score_before = _parse_score_before(d.pop("score_before"))

        kind = cast(Literal["impact"] | Unset, d.pop("kind", UNSET))
        if kind != "impact" and not isinstance(kind, Unset):
            raise ValueError(f"kind must match const 'impact', got '{kind}'")

        impact_detail = cls(
            blocking_after=blocking_after,
            blocking_before=blocking_before,
            changes=changes,
            score_after=score_after,
            score_before=score_before,
            kind=kind,
        )

        impact_detail.additional_properties = d
        return impact_detail

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
