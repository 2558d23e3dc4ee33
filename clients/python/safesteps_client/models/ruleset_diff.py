from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.diff_summary import DiffSummary
    from ..models.field_change import FieldChange
    from ..models.ruleset_identity import RulesetIdentity
    from ..models.step_diff import StepDiff


T = TypeVar("T", bound="RulesetDiff")


@_attrs_define
class RulesetDiff:
    """
    Attributes:
        from_ruleset (RulesetIdentity):
        ruleset_changes (list[FieldChange]): Changes to the rule set's own fields (title, status, dates, changelog,
            ...).
        ruleset_id (str):
        steps (list[StepDiff]): Only steps with a change, in vocabulary order.
        summary (DiffSummary):
        to_ruleset (RulesetIdentity):
    """

    from_ruleset: RulesetIdentity
    ruleset_changes: list[FieldChange]
    ruleset_id: str
    steps: list[StepDiff]
    summary: DiffSummary
    to_ruleset: RulesetIdentity
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_ruleset = self.from_ruleset.to_dict()

        ruleset_changes = []
        for ruleset_changes_item_data in self.ruleset_changes:
            ruleset_changes_item = ruleset_changes_item_data.to_dict()
            ruleset_changes.append(ruleset_changes_item)

        ruleset_id = self.ruleset_id

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        summary = self.summary.to_dict()

        to_ruleset = self.to_ruleset.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from_ruleset": from_ruleset,
                "ruleset_changes": ruleset_changes,
                "ruleset_id": ruleset_id,
                "steps": steps,
                "summary": summary,
                "to_ruleset": to_ruleset,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.diff_summary import DiffSummary  # noqa: PLC0415
        from ..models.field_change import FieldChange  # noqa: PLC0415
        from ..models.ruleset_identity import RulesetIdentity  # noqa: PLC0415
        from ..models.step_diff import StepDiff  # noqa: PLC0415

        d = dict(src_dict)
        from_ruleset = RulesetIdentity.from_dict(d.pop("from_ruleset"))

        ruleset_changes = []
        _ruleset_changes = d.pop("ruleset_changes")
        for ruleset_changes_item_data in _ruleset_changes:
            ruleset_changes_item = FieldChange.from_dict(ruleset_changes_item_data)

            ruleset_changes.append(ruleset_changes_item)

        ruleset_id = d.pop("ruleset_id")

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in _steps:
            steps_item = StepDiff.from_dict(steps_item_data)

            steps.append(steps_item)

        summary = DiffSummary.from_dict(d.pop("summary"))

        to_ruleset = RulesetIdentity.from_dict(d.pop("to_ruleset"))

        ruleset_diff = cls(
            from_ruleset=from_ruleset,
            ruleset_changes=ruleset_changes,
            ruleset_id=ruleset_id,
            steps=steps,
            summary=summary,
            to_ruleset=to_ruleset,
        )

        ruleset_diff.additional_properties = d
        return ruleset_diff

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
