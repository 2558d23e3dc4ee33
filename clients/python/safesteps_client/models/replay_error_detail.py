from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.replay_error_detail_stored_result import ReplayErrorDetailStoredResult


T = TypeVar("T", bound="ReplayErrorDetail")


@_attrs_define
class ReplayErrorDetail:
    """As recorded, the decision could not be re-made (its rule set is gone or changed, bad input).

    Attributes:
        error (str):
        stored_result (ReplayErrorDetailStoredResult):
        kind (Literal['error'] | Unset):  Default: 'error'.
    """

    error: str
    stored_result: ReplayErrorDetailStoredResult
    kind: Literal["error"] | Unset = "error"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        stored_result = self.stored_result.to_dict()

        kind = self.kind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
                "stored_result": stored_result,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.replay_error_detail_stored_result import ReplayErrorDetailStoredResult  # noqa: PLC0415

        d = dict(src_dict)
        error = d.pop("error")

        stored_result = ReplayErrorDetailStoredResult.from_dict(d.pop("stored_result"))

        kind = cast(Literal["error"] | Unset, d.pop("kind", UNSET))
        if kind != "error" and not isinstance(kind, Unset):
            raise ValueError(f"kind must match const 'error', got '{kind}'")

        replay_error_detail = cls(
            error=error,
            stored_result=stored_result,
            kind=kind,
        )

        replay_error_detail.additional_properties = d
        return replay_error_detail

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
