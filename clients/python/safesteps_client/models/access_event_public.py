from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AccessEventPublic")


@_attrs_define
class AccessEventPublic:
    """
    Attributes:
        action (str):
        at (datetime.datetime):
        client_ip (None | str):
        id (int):
        principal_id (str):
        request_id (None | str):
        role (str):
        status (int):
        target (None | str):
        force (None | str | Unset):
    """

    action: str
    at: datetime.datetime
    client_ip: None | str
    id: int
    principal_id: str
    request_id: None | str
    role: str
    status: int
    target: None | str
    force: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        at = self.at.isoformat()

        client_ip: None | str
        client_ip = self.client_ip

        id = self.id

        principal_id = self.principal_id

        request_id: None | str
        request_id = self.request_id

        role = self.role

        status = self.status

        target: None | str
        target = self.target

        force: None | str | Unset
        if isinstance(self.force, Unset):
            force = UNSET
        else:
            force = self.force

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "at": at,
                "client_ip": client_ip,
                "id": id,
                "principal_id": principal_id,
                "request_id": request_id,
                "role": role,
                "status": status,
                "target": target,
            }
        )
        if force is not UNSET:
            field_dict["force"] = force

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_client_ip(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        client_ip = _parse_client_ip(d.pop("client_ip"))

        id = d.pop("id")

        principal_id = d.pop("principal_id")

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        role = d.pop("role")

        status = d.pop("status")

        def _parse_target(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target = _parse_target(d.pop("target"))

        def _parse_force(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        force = _parse_force(d.pop("force", UNSET))

        access_event_public = cls(
            action=action,
            at=at,
            client_ip=client_ip,
            id=id,
            principal_id=principal_id,
            request_id=request_id,
            role=role,
            status=status,
            target=target,
            force=force,
        )

        access_event_public.additional_properties = d
        return access_event_public

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
