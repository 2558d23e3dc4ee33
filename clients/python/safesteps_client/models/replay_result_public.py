from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.erased_detail import ErasedDetail
    from ..models.impact_detail import ImpactDetail
    from ..models.not_reproduced_detail import NotReproducedDetail
    from ..models.replay_error_detail import ReplayErrorDetail
    from ..models.reproduced_detail import ReproducedDetail


T = TypeVar("T", bound="ReplayResultPublic")


@_attrs_define
class ReplayResultPublic:
    """
    Attributes:
        decision_id (str):
        detail (ErasedDetail | ImpactDetail | NotReproducedDetail | ReplayErrorDetail | ReproducedDetail):
        flagged (bool): Worth an auditor's look: a reproduction failure, a changed incident, or a decision not re-made
            (its `detail.kind`: `erased` or `error`).
        incident_ref (None | str):
        newly_blocking (bool):
        recorded_ruleset (str):
        seq (int): The decision record's position in the log.
    """

    decision_id: str
    detail: ErasedDetail | ImpactDetail | NotReproducedDetail | ReplayErrorDetail | ReproducedDetail
    flagged: bool
    incident_ref: None | str
    newly_blocking: bool
    recorded_ruleset: str
    seq: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.erased_detail import ErasedDetail  # noqa: PLC0415
        from ..models.not_reproduced_detail import NotReproducedDetail  # noqa: PLC0415
        from ..models.replay_error_detail import ReplayErrorDetail  # noqa: PLC0415
        from ..models.reproduced_detail import ReproducedDetail  # noqa: PLC0415

        decision_id = self.decision_id

        detail: dict[str, Any]
        if isinstance(self.detail, ReproducedDetail):
            detail = self.detail.to_dict()
        elif isinstance(self.detail, NotReproducedDetail):
            detail = self.detail.to_dict()
        elif isinstance(self.detail, ReplayErrorDetail):
            detail = self.detail.to_dict()
        elif isinstance(self.detail, ErasedDetail):
            detail = self.detail.to_dict()
        else:
            detail = self.detail.to_dict()

        flagged = self.flagged

        incident_ref: None | str
        incident_ref = self.incident_ref

        newly_blocking = self.newly_blocking

        recorded_ruleset = self.recorded_ruleset

        seq = self.seq

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "decision_id": decision_id,
                "detail": detail,
                "flagged": flagged,
                "incident_ref": incident_ref,
                "newly_blocking": newly_blocking,
                "recorded_ruleset": recorded_ruleset,
                "seq": seq,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.erased_detail import ErasedDetail  # noqa: PLC0415
        from ..models.impact_detail import ImpactDetail  # noqa: PLC0415
        from ..models.not_reproduced_detail import NotReproducedDetail  # noqa: PLC0415
        from ..models.replay_error_detail import ReplayErrorDetail  # noqa: PLC0415
        from ..models.reproduced_detail import ReproducedDetail  # noqa: PLC0415

        d = dict(src_dict)
        decision_id = d.pop("decision_id")

        def _parse_detail(
            data: object,
        ) -> ErasedDetail | ImpactDetail | NotReproducedDetail | ReplayErrorDetail | ReproducedDetail:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                detail_type_0 = ReproducedDetail.from_dict(data)

                return detail_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                detail_type_1 = NotReproducedDetail.from_dict(data)

                return detail_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                detail_type_2 = ReplayErrorDetail.from_dict(data)

                return detail_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                detail_type_3 = ErasedDetail.from_dict(data)

                return detail_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            detail_type_4 = ImpactDetail.from_dict(data)

            return detail_type_4

        detail = _parse_detail(d.pop("detail"))

        flagged = d.pop("flagged")

        def _parse_incident_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        incident_ref = _parse_incident_ref(d.pop("incident_ref"))

        newly_blocking = d.pop("newly_blocking")

        recorded_ruleset = d.pop("recorded_ruleset")

        seq = d.pop("seq")

        replay_result_public = cls(
            decision_id=decision_id,
            detail=detail,
            flagged=flagged,
            incident_ref=incident_ref,
            newly_blocking=newly_blocking,
            recorded_ruleset=recorded_ruleset,
            seq=seq,
        )

        replay_result_public.additional_properties = d
        return replay_result_public

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
