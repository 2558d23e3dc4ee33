from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.aggregate_overview_by_force import AggregateOverviewByForce
    from ..models.aggregate_overview_by_hook import AggregateOverviewByHook
    from ..models.aggregate_overview_by_severity import AggregateOverviewBySeverity
    from ..models.period_point import PeriodPoint
    from ..models.ruleset_span import RulesetSpan
    from ..models.status_counts import StatusCounts
    from ..models.step_counts import StepCounts
    from ..models.totals import Totals


T = TypeVar("T", bound="AggregateOverview")


@_attrs_define
class AggregateOverview:
    """
    Attributes:
        by_force (AggregateOverviewByForce):
        by_hook (AggregateOverviewByHook):
        by_severity (AggregateOverviewBySeverity):
        by_status (StatusCounts): Rule outcomes, with ``missing`` split by basis: ``missing`` is recorded as not done,
            ``not_recorded`` had no record by the moment it was due (semantics-2 rule sets).
        by_step (list[StepCounts]): Most often open (missing, not recorded, unknown) first.
        force (None | str): null: every force the caller may see.
        from_date (datetime.date):
        hook (None | str):
        period (str):
        rulesets (list[RulesetSpan]): Rule-set versions the decisions were made with.
        series (list[PeriodPoint]):
        step (None | str): When given, `series` counts this step only.
        to_date (datetime.date):
        totals (Totals):
    """

    by_force: AggregateOverviewByForce
    by_hook: AggregateOverviewByHook
    by_severity: AggregateOverviewBySeverity
    by_status: StatusCounts
    by_step: list[StepCounts]
    force: None | str
    from_date: datetime.date
    hook: None | str
    period: str
    rulesets: list[RulesetSpan]
    series: list[PeriodPoint]
    step: None | str
    to_date: datetime.date
    totals: Totals
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by_force = self.by_force.to_dict()

        by_hook = self.by_hook.to_dict()

        by_severity = self.by_severity.to_dict()

        by_status = self.by_status.to_dict()

        by_step = []
        for by_step_item_data in self.by_step:
            by_step_item = by_step_item_data.to_dict()
            by_step.append(by_step_item)

        force: None | str
        force = self.force

        from_date = self.from_date.isoformat()

        hook: None | str
        hook = self.hook

        period = self.period

        rulesets = []
        for rulesets_item_data in self.rulesets:
            rulesets_item = rulesets_item_data.to_dict()
            rulesets.append(rulesets_item)

        series = []
        for series_item_data in self.series:
            series_item = series_item_data.to_dict()
            series.append(series_item)

        step: None | str
        step = self.step

        to_date = self.to_date.isoformat()

        totals = self.totals.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by_force": by_force,
                "by_hook": by_hook,
                "by_severity": by_severity,
                "by_status": by_status,
                "by_step": by_step,
                "force": force,
                "from_date": from_date,
                "hook": hook,
                "period": period,
                "rulesets": rulesets,
                "series": series,
                "step": step,
                "to_date": to_date,
                "totals": totals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.aggregate_overview_by_force import AggregateOverviewByForce  # noqa: PLC0415
        from ..models.aggregate_overview_by_hook import AggregateOverviewByHook  # noqa: PLC0415
        from ..models.aggregate_overview_by_severity import AggregateOverviewBySeverity  # noqa: PLC0415
        from ..models.period_point import PeriodPoint  # noqa: PLC0415
        from ..models.ruleset_span import RulesetSpan  # noqa: PLC0415
        from ..models.status_counts import StatusCounts  # noqa: PLC0415
        from ..models.step_counts import StepCounts  # noqa: PLC0415
        from ..models.totals import Totals  # noqa: PLC0415

        d = dict(src_dict)
        by_force = AggregateOverviewByForce.from_dict(d.pop("by_force"))

        by_hook = AggregateOverviewByHook.from_dict(d.pop("by_hook"))

        by_severity = AggregateOverviewBySeverity.from_dict(d.pop("by_severity"))

        by_status = StatusCounts.from_dict(d.pop("by_status"))

        by_step = []
        _by_step = d.pop("by_step")
        for by_step_item_data in _by_step:
            by_step_item = StepCounts.from_dict(by_step_item_data)

            by_step.append(by_step_item)

        def _parse_force(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        force = _parse_force(d.pop("force"))

        from_date = datetime.date.fromisoformat(d.pop("from_date"))

        def _parse_hook(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        hook = _parse_hook(d.pop("hook"))

        period = d.pop("period")

        rulesets = []
        _rulesets = d.pop("rulesets")
        for rulesets_item_data in _rulesets:
            rulesets_item = RulesetSpan.from_dict(rulesets_item_data)

            rulesets.append(rulesets_item)

        series = []
        _series = d.pop("series")
        for series_item_data in _series:
            series_item = PeriodPoint.from_dict(series_item_data)

            series.append(series_item)

        def _parse_step(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        step = _parse_step(d.pop("step"))

        to_date = datetime.date.fromisoformat(d.pop("to_date"))

        totals = Totals.from_dict(d.pop("totals"))

        aggregate_overview = cls(
            by_force=by_force,
            by_hook=by_hook,
            by_severity=by_severity,
            by_status=by_status,
            by_step=by_step,
            force=force,
            from_date=from_date,
            hook=hook,
            period=period,
            rulesets=rulesets,
            series=series,
            step=step,
            to_date=to_date,
            totals=totals,
        )

        aggregate_overview.additional_properties = d
        return aggregate_overview

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
