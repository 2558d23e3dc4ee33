from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.decision_counts import DecisionCounts
    from ..models.decision_outcomes import DecisionOutcomes
    from ..models.finding import Finding
    from ..models.ruleset_identity import RulesetIdentity


T = TypeVar("T", bound="Decision")


@_attrs_define
class Decision:
    """
    Attributes:
        as_of (datetime.datetime | None): The time that timing rules were evaluated at.
        blocking (bool): At a blocking moment, a critical step is missing or unknown.
        checklist_schema_version (int):
        completeness (float | None): Share (0-100) of applicable rules whose data is recorded (a step missing because
            nothing was recorded by its due moment is not recorded); null when none apply.
        counts (DecisionCounts): Outcomes per severity; `missing` counts both bases.
        engine_version (str):
        findings (list[Finding]): Missing and unknown steps, most severe first; missing before unknown.
        hook (None | str): The workflow moment evaluated; null means every rule.
        outcomes (DecisionOutcomes): Every evaluated rule's outcome by rule id.
        ruleset (RulesetIdentity):
        score (float | None): Severity-weighted share (0-100) of applicable rules with a known outcome that are met (a
            step missing because nothing was recorded by its due moment counts as missing); null when no applicable rule has
            a known outcome.
    """

    as_of: datetime.datetime | None
    blocking: bool
    checklist_schema_version: int
    completeness: float | None
    counts: DecisionCounts
    engine_version: str
    findings: list[Finding]
    hook: None | str
    outcomes: DecisionOutcomes
    ruleset: RulesetIdentity
    score: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of: None | str
        if isinstance(self.as_of, datetime.datetime):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        blocking = self.blocking

        checklist_schema_version = self.checklist_schema_version

        completeness: float | None
        completeness = self.completeness

        counts = self.counts.to_dict()

        engine_version = self.engine_version

        findings = []
        for findings_item_data in self.findings:
            findings_item = findings_item_data.to_dict()
            findings.append(findings_item)

        hook: None | str
        hook = self.hook

        outcomes = self.outcomes.to_dict()

        ruleset = self.ruleset.to_dict()

        score: float | None
        score = self.score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "blocking": blocking,
                "checklist_schema_version": checklist_schema_version,
                "completeness": completeness,
                "counts": counts,
                "engine_version": engine_version,
                "findings": findings,
                "hook": hook,
                "outcomes": outcomes,
                "ruleset": ruleset,
                "score": score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.decision_counts import DecisionCounts  # noqa: PLC0415
        from ..models.decision_outcomes import DecisionOutcomes  # noqa: PLC0415
        from ..models.finding import Finding  # noqa: PLC0415
        from ..models.ruleset_identity import RulesetIdentity  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_as_of(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_of_type_0 = datetime.datetime.fromisoformat(data)

                return as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        as_of = _parse_as_of(d.pop("as_of"))

        blocking = d.pop("blocking")

        checklist_schema_version = d.pop("checklist_schema_version")

        def _parse_completeness(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        completeness = _parse_completeness(d.pop("completeness"))

        counts = DecisionCounts.from_dict(d.pop("counts"))

        engine_version = d.pop("engine_version")

        findings = []
        _findings = d.pop("findings")
        for findings_item_data in _findings:
            findings_item = Finding.from_dict(findings_item_data)

            findings.append(findings_item)

        def _parse_hook(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        hook = _parse_hook(d.pop("hook"))

        outcomes = DecisionOutcomes.from_dict(d.pop("outcomes"))

        ruleset = RulesetIdentity.from_dict(d.pop("ruleset"))

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        decision = cls(
            as_of=as_of,
            blocking=blocking,
            checklist_schema_version=checklist_schema_version,
            completeness=completeness,
            counts=counts,
            engine_version=engine_version,
            findings=findings,
            hook=hook,
            outcomes=outcomes,
            ruleset=ruleset,
            score=score,
        )

        decision.additional_properties = d
        return decision

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
