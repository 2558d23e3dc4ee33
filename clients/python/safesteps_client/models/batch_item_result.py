from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_body import ErrorBody
    from ..models.submission_result import SubmissionResult


T = TypeVar("T", bound="BatchItemResult")


@_attrs_define
class BatchItemResult:
    """
    Attributes:
        incident_ref (None | str):
        index (int): Position of the item in the request.
        status (int): What the item would have got alone: 201, 412, 409, 422...
        error (ErrorBody | None | Unset):
        replayed (bool | Unset): An earlier submission with this idempotency key. Default: False.
        result (None | SubmissionResult | Unset):
    """

    incident_ref: None | str
    index: int
    status: int
    error: ErrorBody | None | Unset = UNSET
    replayed: bool | Unset = False
    result: None | SubmissionResult | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.error_body import ErrorBody  # noqa: PLC0415
        from ..models.submission_result import SubmissionResult  # noqa: PLC0415

        incident_ref: None | str
        incident_ref = self.incident_ref

        index = self.index

        status = self.status

        error: dict[str, Any] | None | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, ErrorBody):
            error = self.error.to_dict()
        else:
            error = self.error

        replayed = self.replayed

        result: dict[str, Any] | None | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        elif isinstance(self.result, SubmissionResult):
            result = self.result.to_dict()
        else:
            result = self.result

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "incident_ref": incident_ref,
                "index": index,
                "status": status,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if replayed is not UNSET:
            field_dict["replayed"] = replayed
        if result is not UNSET:
            field_dict["result"] = result

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_body import ErrorBody  # noqa: PLC0415
        from ..models.submission_result import SubmissionResult  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_incident_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        incident_ref = _parse_incident_ref(d.pop("incident_ref"))

        index = d.pop("index")

        status = d.pop("status")

        def _parse_error(data: object) -> ErrorBody | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = ErrorBody.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErrorBody | None | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        replayed = d.pop("replayed", UNSET)

        def _parse_result(data: object) -> None | SubmissionResult | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = SubmissionResult.from_dict(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SubmissionResult | Unset, data)

        result = _parse_result(d.pop("result", UNSET))

        batch_item_result = cls(
            incident_ref=incident_ref,
            index=index,
            status=status,
            error=error,
            replayed=replayed,
            result=result,
        )

        batch_item_result.additional_properties = d
        return batch_item_result

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
