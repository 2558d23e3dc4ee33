from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.access import Access
    from ..models.carer_consultation import CarerConsultation
    from ..models.evidence_capture import EvidenceCapture
    from ..models.home_conditions import HomeConditions


T = TypeVar("T", bound="Scene")


@_attrs_define
class Scene:
    """What officers found and did at the scene.

    Attributes:
        access (Access | None | Unset): Access to a child refused, and the power considered.
        all_children_accounted (bool | None | Unset): Every child present or normally resident has been accounted for.
        carer_consultation (CarerConsultation | None | Unset): Consultation with children's social care about a carer.
        children_left_with_non_pr_carer (bool | None | Unset): Children are being left with someone without parental
            responsibility.
        evidence (EvidenceCapture | None | Unset): Body-worn video and photographs.
        home_conditions (HomeConditions | None | Unset): Home conditions, hazards and basic needs.
        parental_responsibility_established (bool | None | Unset): true = yes/done, false = no/not done, null = not
            recorded
    """

    access: Access | None | Unset = UNSET
    all_children_accounted: bool | None | Unset = UNSET
    carer_consultation: CarerConsultation | None | Unset = UNSET
    children_left_with_non_pr_carer: bool | None | Unset = UNSET
    evidence: EvidenceCapture | None | Unset = UNSET
    home_conditions: HomeConditions | None | Unset = UNSET
    parental_responsibility_established: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.access import Access  # noqa: PLC0415
        from ..models.carer_consultation import CarerConsultation  # noqa: PLC0415
        from ..models.evidence_capture import EvidenceCapture  # noqa: PLC0415
        from ..models.home_conditions import HomeConditions  # noqa: PLC0415

        access: dict[str, Any] | None | Unset
        if isinstance(self.access, Unset):
            access = UNSET
        elif isinstance(self.access, Access):
            access = self.access.to_dict()
        else:
            access = self.access

        all_children_accounted: bool | None | Unset
        if isinstance(self.all_children_accounted, Unset):
            all_children_accounted = UNSET
        else:
            all_children_accounted = self.all_children_accounted

        carer_consultation: dict[str, Any] | None | Unset
        if isinstance(self.carer_consultation, Unset):
            carer_consultation = UNSET
        elif isinstance(self.carer_consultation, CarerConsultation):
            carer_consultation = self.carer_consultation.to_dict()
        else:
            carer_consultation = self.carer_consultation

        children_left_with_non_pr_carer: bool | None | Unset
        if isinstance(self.children_left_with_non_pr_carer, Unset):
            children_left_with_non_pr_carer = UNSET
        else:
            children_left_with_non_pr_carer = self.children_left_with_non_pr_carer

        evidence: dict[str, Any] | None | Unset
        if isinstance(self.evidence, Unset):
            evidence = UNSET
        elif isinstance(self.evidence, EvidenceCapture):
            evidence = self.evidence.to_dict()
        else:
            evidence = self.evidence

        home_conditions: dict[str, Any] | None | Unset
        if isinstance(self.home_conditions, Unset):
            home_conditions = UNSET
        elif isinstance(self.home_conditions, HomeConditions):
            home_conditions = self.home_conditions.to_dict()
        else:
            home_conditions = self.home_conditions

        parental_responsibility_established: bool | None | Unset
        if isinstance(self.parental_responsibility_established, Unset):
            parental_responsibility_established = UNSET
        else:
            parental_responsibility_established = self.parental_responsibility_established

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if access is not UNSET:
            field_dict["access"] = access
        if all_children_accounted is not UNSET:
            field_dict["all_children_accounted"] = all_children_accounted
        if carer_consultation is not UNSET:
            field_dict["carer_consultation"] = carer_consultation
        if children_left_with_non_pr_carer is not UNSET:
            field_dict["children_left_with_non_pr_carer"] = children_left_with_non_pr_carer
        if evidence is not UNSET:
            field_dict["evidence"] = evidence
        if home_conditions is not UNSET:
            field_dict["home_conditions"] = home_conditions
        if parental_responsibility_established is not UNSET:
            field_dict["parental_responsibility_established"] = parental_responsibility_established

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.access import Access  # noqa: PLC0415
        from ..models.carer_consultation import CarerConsultation  # noqa: PLC0415
        from ..models.evidence_capture import EvidenceCapture  # noqa: PLC0415
        from ..models.home_conditions import HomeConditions  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_access(data: object) -> Access | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                access_type_0 = Access.from_dict(data)

                return access_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Access | None | Unset, data)

        access = _parse_access(d.pop("access", UNSET))

        def _parse_all_children_accounted(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        all_children_accounted = _parse_all_children_accounted(d.pop("all_children_accounted", UNSET))

        def _parse_carer_consultation(data: object) -> CarerConsultation | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                carer_consultation_type_0 = CarerConsultation.from_dict(data)

                return carer_consultation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CarerConsultation | None | Unset, data)

        carer_consultation = _parse_carer_consultation(d.pop("carer_consultation", UNSET))

        def _parse_children_left_with_non_pr_carer(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        children_left_with_non_pr_carer = _parse_children_left_with_non_pr_carer(
            d.pop("children_left_with_non_pr_carer", UNSET)
        )

        def _parse_evidence(data: object) -> EvidenceCapture | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                evidence_type_0 = EvidenceCapture.from_dict(data)

                return evidence_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EvidenceCapture | None | Unset, data)

        evidence = _parse_evidence(d.pop("evidence", UNSET))

        def _parse_home_conditions(data: object) -> HomeConditions | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                home_conditions_type_0 = HomeConditions.from_dict(data)

                return home_conditions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HomeConditions | None | Unset, data)

        home_conditions = _parse_home_conditions(d.pop("home_conditions", UNSET))

        def _parse_parental_responsibility_established(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        parental_responsibility_established = _parse_parental_responsibility_established(
            d.pop("parental_responsibility_established", UNSET)
        )

        scene = cls(
            access=access,
            all_children_accounted=all_children_accounted,
            carer_consultation=carer_consultation,
            children_left_with_non_pr_carer=children_left_with_non_pr_carer,
            evidence=evidence,
            home_conditions=home_conditions,
            parental_responsibility_established=parental_responsibility_established,
        )

        return scene
