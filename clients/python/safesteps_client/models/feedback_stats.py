from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reason_count import ReasonCount
    from ..models.rule_feedback_count import RuleFeedbackCount


T = TypeVar("T", bound="FeedbackStats")


@_attrs_define
class FeedbackStats:
    """
    Attributes:
        accepted (int):
        by_reason (list[ReasonCount]):
        by_rule (list[RuleFeedbackCount]):
        overridden (int):
    """

    accepted: int
    by_reason: list[ReasonCount]
    by_rule: list[RuleFeedbackCount]
    overridden: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accepted = self.accepted

        by_reason = []
        for by_reason_item_data in self.by_reason:
            by_reason_item = by_reason_item_data.to_dict()
            by_reason.append(by_reason_item)

        by_rule = []
        for by_rule_item_data in self.by_rule:
            by_rule_item = by_rule_item_data.to_dict()
            by_rule.append(by_rule_item)

        overridden = self.overridden

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accepted": accepted,
                "by_reason": by_reason,
                "by_rule": by_rule,
                "overridden": overridden,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reason_count import ReasonCount  # noqa: PLC0415
        from ..models.rule_feedback_count import RuleFeedbackCount  # noqa: PLC0415

        d = dict(src_dict)
        accepted = d.pop("accepted")

        by_reason = []
        _by_reason = d.pop("by_reason")
        for by_reason_item_data in _by_reason:
            by_reason_item = ReasonCount.from_dict(by_reason_item_data)

            by_reason.append(by_reason_item)

        by_rule = []
        _by_rule = d.pop("by_rule")
        for by_rule_item_data in _by_rule:
            by_rule_item = RuleFeedbackCount.from_dict(by_rule_item_data)

            by_rule.append(by_rule_item)

        overridden = d.pop("overridden")

        feedback_stats = cls(
            accepted=accepted,
            by_reason=by_reason,
            by_rule=by_rule,
            overridden=overridden,
        )

        feedback_stats.additional_properties = d
        return feedback_stats

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
