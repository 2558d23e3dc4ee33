from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.replay_error_detail_stored_result_type_0 import ReplayErrorDetailStoredResultType0


T = TypeVar("T", bound="ReplayErrorDetail")


@_attrs_define
class ReplayErrorDetail:
    """The decision could not be re-made (its rule set is gone or changed, input the engine cannot
    read) or its stored result cannot be read: as recorded a failure; in an impact replay, not
    compared.

        Attributes:
            error (str):
            stored_result (None | ReplayErrorDetailStoredResultType0): The stored result; null when it is not a JSON object
                (altered behind the log's back).
            kind (Literal['error'] | Unset):  Default: 'error'.
    """

    error: str
    stored_result: None | ReplayErrorDetailStoredResultType0
    kind: Literal["error"] | Unset = "error"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.replay_error_detail_stored_result_type_0 import ReplayErrorDetailStoredResultType0  # noqa: PLC0415

        error = self.error

        stored_result: dict[str, Any] | None
        if isinstance(self.stored_result, ReplayErrorDetailStoredResultType0):
            stored_result = self.stored_result.to_dict()
        else:
            stored_result = self.stored_result

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
        from ..models.replay_error_detail_stored_result_type_0 import ReplayErrorDetailStoredResultType0  # noqa: PLC0415

        d = dict(src_dict)
        error = d.pop("error")

        def _parse_stored_result(data: object) -> None | ReplayErrorDetailStoredResultType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                stored_result_type_0 = ReplayErrorDetailStoredResultType0.from_dict(data)

                return stored_result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReplayErrorDetailStoredResultType0, data)

        stored_result = _parse_stored_result(d.pop("stored_result"))

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
