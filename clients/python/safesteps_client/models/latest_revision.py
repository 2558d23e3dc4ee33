from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.decision import Decision
    from ..models.latest_revision_checklist import LatestRevisionChecklist


T = TypeVar("T", bound="LatestRevision")


@_attrs_define
class LatestRevision:
    """
    Attributes:
        checklist (LatestRevisionChecklist): The checklist as stored (the decision's input).
        decision_id (str):
        evaluation (Decision):
        revision (int):
    """

    checklist: LatestRevisionChecklist
    decision_id: str
    evaluation: Decision
    revision: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        checklist = self.checklist.to_dict()

        decision_id = self.decision_id

        evaluation = self.evaluation.to_dict()

        revision = self.revision

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checklist": checklist,
                "decision_id": decision_id,
                "evaluation": evaluation,
                "revision": revision,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.decision import Decision  # noqa: PLC0415
        from ..models.latest_revision_checklist import LatestRevisionChecklist  # noqa: PLC0415

        d = dict(src_dict)
        checklist = LatestRevisionChecklist.from_dict(d.pop("checklist"))

        decision_id = d.pop("decision_id")

        evaluation = Decision.from_dict(d.pop("evaluation"))

        revision = d.pop("revision")

        latest_revision = cls(
            checklist=checklist,
            decision_id=decision_id,
            evaluation=evaluation,
            revision=revision,
        )

        latest_revision.additional_properties = d
        return latest_revision

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
