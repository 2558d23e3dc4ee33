from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.outstanding_step import OutstandingStep


T = TypeVar("T", bound="IncidentOutstanding")


@_attrs_define
class IncidentOutstanding:
    """What is still to do on an incident, from its latest evaluation (no checklist content).

    Attributes:
        blocking (bool):
        completeness (float | None):
        decision_id (str):
        hook (None | str):
        incident_ref (str):
        outstanding (list[OutstandingStep]): Missing or unrecorded steps, most severe first.
        revision (int):
        score (float | None):
    """

    blocking: bool
    completeness: float | None
    decision_id: str
    hook: None | str
    incident_ref: str
    outstanding: list[OutstandingStep]
    revision: int
    score: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        blocking = self.blocking

        completeness: float | None
        completeness = self.completeness

        decision_id = self.decision_id

        hook: None | str
        hook = self.hook

        incident_ref = self.incident_ref

        outstanding = []
        for outstanding_item_data in self.outstanding:
            outstanding_item = outstanding_item_data.to_dict()
            outstanding.append(outstanding_item)

        revision = self.revision

        score: float | None
        score = self.score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "blocking": blocking,
                "completeness": completeness,
                "decision_id": decision_id,
                "hook": hook,
                "incident_ref": incident_ref,
                "outstanding": outstanding,
                "revision": revision,
                "score": score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.outstanding_step import OutstandingStep  # noqa: PLC0415

        d = dict(src_dict)
        blocking = d.pop("blocking")

        def _parse_completeness(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        completeness = _parse_completeness(d.pop("completeness"))

        decision_id = d.pop("decision_id")

        def _parse_hook(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        hook = _parse_hook(d.pop("hook"))

        incident_ref = d.pop("incident_ref")

        outstanding = []
        _outstanding = d.pop("outstanding")
        for outstanding_item_data in _outstanding:
            outstanding_item = OutstandingStep.from_dict(outstanding_item_data)

            outstanding.append(outstanding_item)

        revision = d.pop("revision")

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        incident_outstanding = cls(
            blocking=blocking,
            completeness=completeness,
            decision_id=decision_id,
            hook=hook,
            incident_ref=incident_ref,
            outstanding=outstanding,
            revision=revision,
            score=score,
        )

        incident_outstanding.additional_properties = d
        return incident_outstanding

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
