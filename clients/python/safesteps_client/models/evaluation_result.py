from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.evaluation_result_counts import EvaluationResultCounts
    from ..models.evaluation_result_outcomes import EvaluationResultOutcomes
    from ..models.finding import Finding
    from ..models.history_facts import HistoryFacts
    from ..models.ruleset_identity import RulesetIdentity


T = TypeVar("T", bound="EvaluationResult")


@_attrs_define
class EvaluationResult:
    """The decision, with the history facts it was made with when its rule set reads history.

    Attributes:
        as_of (datetime.datetime | None): The time that timing rules were evaluated at.
        blocking (bool): At a blocking moment, a critical step is missing or unknown.
        checklist_schema_version (int):
        completeness (float | None): Share (0-100) of applicable rules whose data is recorded (a step missing because
            nothing was recorded by its due moment is not recorded); null when none apply.
        counts (EvaluationResultCounts): Outcomes per severity; `missing` counts both bases.
        engine_version (str):
        findings (list[Finding]): Missing and unknown steps, most severe first; missing before unknown.
        hook (None | str): The workflow moment evaluated; null means every rule.
        outcomes (EvaluationResultOutcomes): Every evaluated rule's outcome by rule id.
        ruleset (RulesetIdentity):
        score (float | None): Severity-weighted share (0-100) of applicable rules with a known outcome that are met (a
            step missing because nothing was recorded by its due moment counts as missing); null when no applicable rule has
            a known outcome.
        history (HistoryFacts | None | Unset): Only when the rule set reads history (`history: 1`): the earlier
            incidents of the checklist's people and address in the client's force, as counts, dates and step ids per local
            id (never another incident's reference, names or text).
    """

    as_of: datetime.datetime | None
    blocking: bool
    checklist_schema_version: int
    completeness: float | None
    counts: EvaluationResultCounts
    engine_version: str
    findings: list[Finding]
    hook: None | str
    outcomes: EvaluationResultOutcomes
    ruleset: RulesetIdentity
    score: float | None
    history: HistoryFacts | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.history_facts import HistoryFacts  # noqa: PLC0415

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

        history: dict[str, Any] | None | Unset
        if isinstance(self.history, Unset):
            history = UNSET
        elif isinstance(self.history, HistoryFacts):
            history = self.history.to_dict()
        else:
            history = self.history

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
        if history is not UNSET:
            field_dict["history"] = history

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.evaluation_result_counts import EvaluationResultCounts  # noqa: PLC0415
        from ..models.evaluation_result_outcomes import EvaluationResultOutcomes  # noqa: PLC0415
        from ..models.finding import Finding  # noqa: PLC0415
        from ..models.history_facts import HistoryFacts  # noqa: PLC0415
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

        counts = EvaluationResultCounts.from_dict(d.pop("counts"))

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

        outcomes = EvaluationResultOutcomes.from_dict(d.pop("outcomes"))

        ruleset = RulesetIdentity.from_dict(d.pop("ruleset"))

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        def _parse_history(data: object) -> HistoryFacts | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                history_type_0 = HistoryFacts.from_dict(data)

                return history_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HistoryFacts | None | Unset, data)

        history = _parse_history(d.pop("history", UNSET))

        evaluation_result = cls(
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
            history=history,
        )

        evaluation_result.additional_properties = d
        return evaluation_result

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
