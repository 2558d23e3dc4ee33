from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.device_decision_outcomes import DeviceDecisionOutcomes
    from ..models.ruleset_identity import RulesetIdentity


T = TypeVar("T", bound="DeviceDecision")


@_attrs_define
class DeviceDecision:
    """A decision a device computed offline from a signed bundle, sent with a later submission.

    Marked as the device's own: the server evaluates the checklist itself and that evaluation is
    the one of record; this is only compared with it. The offline evaluator's decision can be sent
    as it returned it: the fields below are read, any others are ignored.

        Attributes:
            as_of (datetime.datetime | None): The time the device evaluated at.
            blocking (bool):
            engine_version (str): The device's evaluator, e.g. `safesteps-offline-js/1.0.0 ...`.
            hook (None | str): The hook the device evaluated at.
            outcomes (DeviceDecisionOutcomes):
            ruleset (RulesetIdentity):
            score (float | None):
    """

    as_of: datetime.datetime | None
    blocking: bool
    engine_version: str
    hook: None | str
    outcomes: DeviceDecisionOutcomes
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

        engine_version = self.engine_version

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
                "engine_version": engine_version,
                "hook": hook,
                "outcomes": outcomes,
                "ruleset": ruleset,
                "score": score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.device_decision_outcomes import DeviceDecisionOutcomes  # noqa: PLC0415
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

        engine_version = d.pop("engine_version")

        def _parse_hook(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        hook = _parse_hook(d.pop("hook"))

        outcomes = DeviceDecisionOutcomes.from_dict(d.pop("outcomes"))

        ruleset = RulesetIdentity.from_dict(d.pop("ruleset"))

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        device_decision = cls(
            as_of=as_of,
            blocking=blocking,
            engine_version=engine_version,
            hook=hook,
            outcomes=outcomes,
            ruleset=ruleset,
            score=score,
        )

        device_decision.additional_properties = d
        return device_decision

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
