from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Totals")


@_attrs_define
class Totals:
    """
    Attributes:
        at_blocking_hooks (int | Unset): Decisions made at a hook that can block. Default: 0.
        blocking (int | Unset):  Default: 0.
        blocking_rate_percent (float | None | Unset):
        closure_critical_rate_percent (float | None | Unset):
        closures (int | Unset): Decisions at `incident.close`. Default: 0.
        closures_critical_open (int | Unset): ... of which with a critical step open. Default: 0.
        decisions (int | Unset):  Default: 0.
        history_changed (int | Unset): Decisions whose history facts (earlier incidents) changed the outcome. Default:
            0.
    """

    at_blocking_hooks: int | Unset = 0
    blocking: int | Unset = 0
    blocking_rate_percent: float | None | Unset = UNSET
    closure_critical_rate_percent: float | None | Unset = UNSET
    closures: int | Unset = 0
    closures_critical_open: int | Unset = 0
    decisions: int | Unset = 0
    history_changed: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at_blocking_hooks = self.at_blocking_hooks

        blocking = self.blocking

        blocking_rate_percent: float | None | Unset
        if isinstance(self.blocking_rate_percent, Unset):
            blocking_rate_percent = UNSET
        else:
            blocking_rate_percent = self.blocking_rate_percent

        closure_critical_rate_percent: float | None | Unset
        if isinstance(self.closure_critical_rate_percent, Unset):
            closure_critical_rate_percent = UNSET
        else:
            closure_critical_rate_percent = self.closure_critical_rate_percent

        closures = self.closures

        closures_critical_open = self.closures_critical_open

        decisions = self.decisions

        history_changed = self.history_changed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if at_blocking_hooks is not UNSET:
            field_dict["at_blocking_hooks"] = at_blocking_hooks
        if blocking is not UNSET:
            field_dict["blocking"] = blocking
        if blocking_rate_percent is not UNSET:
            field_dict["blocking_rate_percent"] = blocking_rate_percent
        if closure_critical_rate_percent is not UNSET:
            field_dict["closure_critical_rate_percent"] = closure_critical_rate_percent
        if closures is not UNSET:
            field_dict["closures"] = closures
        if closures_critical_open is not UNSET:
            field_dict["closures_critical_open"] = closures_critical_open
        if decisions is not UNSET:
            field_dict["decisions"] = decisions
        if history_changed is not UNSET:
            field_dict["history_changed"] = history_changed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at_blocking_hooks = d.pop("at_blocking_hooks", UNSET)

        blocking = d.pop("blocking", UNSET)

        def _parse_blocking_rate_percent(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        blocking_rate_percent = _parse_blocking_rate_percent(d.pop("blocking_rate_percent", UNSET))

        def _parse_closure_critical_rate_percent(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        closure_critical_rate_percent = _parse_closure_critical_rate_percent(
            d.pop("closure_critical_rate_percent", UNSET)
        )

        closures = d.pop("closures", UNSET)

        closures_critical_open = d.pop("closures_critical_open", UNSET)

        decisions = d.pop("decisions", UNSET)

        history_changed = d.pop("history_changed", UNSET)

        totals = cls(
            at_blocking_hooks=at_blocking_hooks,
            blocking=blocking,
            blocking_rate_percent=blocking_rate_percent,
            closure_critical_rate_percent=closure_critical_rate_percent,
            closures=closures,
            closures_critical_open=closures_critical_open,
            decisions=decisions,
            history_changed=history_changed,
        )

        totals.additional_properties = d
        return totals

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
