from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.partner_request_agency import PartnerRequestAgency
from ..types import UNSET, Unset

T = TypeVar("T", bound="PartnerRequest")


@_attrs_define
class PartnerRequest:
    """
    Attributes:
        agency (PartnerRequestAgency): The partner agency making the request.
        children_seen (bool | None | Unset): Officers saw every child the request is about (creating an incident is not
            the check done).
        closed_as_contact_resolution (bool | None | Unset): The request was closed as 'contact resolution' without
            deployment.
        deployable_incident_created (bool | None | Unset): A deployable incident was created or reopened for the
            request.
        safe_and_well_check_requested (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
    """

    agency: PartnerRequestAgency
    children_seen: bool | None | Unset = UNSET
    closed_as_contact_resolution: bool | None | Unset = UNSET
    deployable_incident_created: bool | None | Unset = UNSET
    safe_and_well_check_requested: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        agency = self.agency.value

        children_seen: bool | None | Unset
        if isinstance(self.children_seen, Unset):
            children_seen = UNSET
        else:
            children_seen = self.children_seen

        closed_as_contact_resolution: bool | None | Unset
        if isinstance(self.closed_as_contact_resolution, Unset):
            closed_as_contact_resolution = UNSET
        else:
            closed_as_contact_resolution = self.closed_as_contact_resolution

        deployable_incident_created: bool | None | Unset
        if isinstance(self.deployable_incident_created, Unset):
            deployable_incident_created = UNSET
        else:
            deployable_incident_created = self.deployable_incident_created

        safe_and_well_check_requested: bool | None | Unset
        if isinstance(self.safe_and_well_check_requested, Unset):
            safe_and_well_check_requested = UNSET
        else:
            safe_and_well_check_requested = self.safe_and_well_check_requested

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "agency": agency,
            }
        )
        if children_seen is not UNSET:
            field_dict["children_seen"] = children_seen
        if closed_as_contact_resolution is not UNSET:
            field_dict["closed_as_contact_resolution"] = closed_as_contact_resolution
        if deployable_incident_created is not UNSET:
            field_dict["deployable_incident_created"] = deployable_incident_created
        if safe_and_well_check_requested is not UNSET:
            field_dict["safe_and_well_check_requested"] = safe_and_well_check_requested

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agency = PartnerRequestAgency(d.pop("agency"))

        def _parse_children_seen(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        children_seen = _parse_children_seen(d.pop("children_seen", UNSET))

        def _parse_closed_as_contact_resolution(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        closed_as_contact_resolution = _parse_closed_as_contact_resolution(d.pop("closed_as_contact_resolution", UNSET))

        def _parse_deployable_incident_created(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        deployable_incident_created = _parse_deployable_incident_created(d.pop("deployable_incident_created", UNSET))

        def _parse_safe_and_well_check_requested(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        safe_and_well_check_requested = _parse_safe_and_well_check_requested(
            d.pop("safe_and_well_check_requested", UNSET)
        )

        partner_request = cls(
            agency=agency,
            children_seen=children_seen,
            closed_as_contact_resolution=closed_as_contact_resolution,
            deployable_incident_created=deployable_incident_created,
            safe_and_well_check_requested=safe_and_well_check_requested,
        )

        return partner_request
