from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Ready")


@_attrs_define
class Ready:
    """
    Attributes:
        rulesets (int): Rule-set versions loaded.
        schema_revision (str): The database's migration revision.
        status (str): `ready`: the database answers and its schema is at head.
        version (str): The SafeSteps release serving the request.
    """

    rulesets: int
    schema_revision: str
    status: str
    version: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rulesets = self.rulesets

        schema_revision = self.schema_revision

        status = self.status

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rulesets": rulesets,
                "schema_revision": schema_revision,
                "status": status,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rulesets = d.pop("rulesets")

        schema_revision = d.pop("schema_revision")

        status = d.pop("status")

        version = d.pop("version")

        ready = cls(
            rulesets=rulesets,
            schema_revision=schema_revision,
            status=status,
            version=version,
        )

        ready.additional_properties = d
        return ready

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
