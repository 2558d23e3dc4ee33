from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AggravatingFactors")


@_attrs_define
class AggravatingFactors:
    """Factors that rule out Outcome 21 for youth-produced imagery.

    Attributes:
        adult_involvement (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
        coercion (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
        exploitation (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
        malice (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
        persistence (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
        profit (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
    """

    adult_involvement: bool | None | Unset = UNSET
    coercion: bool | None | Unset = UNSET
    exploitation: bool | None | Unset = UNSET
    malice: bool | None | Unset = UNSET
    persistence: bool | None | Unset = UNSET
    profit: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        adult_involvement: bool | None | Unset
        if isinstance(self.adult_involvement, Unset):
            adult_involvement = UNSET
        else:
            adult_involvement = self.adult_involvement

        coercion: bool | None | Unset
        if isinstance(self.coercion, Unset):
            coercion = UNSET
        else:
            coercion = self.coercion

        exploitation: bool | None | Unset
        if isinstance(self.exploitation, Unset):
            exploitation = UNSET
        else:
            exploitation = self.exploitation

        malice: bool | None | Unset
        if isinstance(self.malice, Unset):
            malice = UNSET
        else:
            malice = self.malice

        persistence: bool | None | Unset
        if isinstance(self.persistence, Unset):
            persistence = UNSET
        else:
            persistence = self.persistence

        profit: bool | None | Unset
        if isinstance(self.profit, Unset):
            profit = UNSET
        else:
            profit = self.profit

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if adult_involvement is not UNSET:
            field_dict["adult_involvement"] = adult_involvement
        if coercion is not UNSET:
            field_dict["coercion"] = coercion
        if exploitation is not UNSET:
            field_dict["exploitation"] = exploitation
        if malice is not UNSET:
            field_dict["malice"] = malice
        if persistence is not UNSET:
            field_dict["persistence"] = persistence
        if profit is not UNSET:
            field_dict["profit"] = profit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_adult_involvement(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        adult_involvement = _parse_adult_involvement(d.pop("adult_involvement", UNSET))

        def _parse_coercion(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        coercion = _parse_coercion(d.pop("coercion", UNSET))

        def _parse_exploitation(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        exploitation = _parse_exploitation(d.pop("exploitation", UNSET))

        def _parse_malice(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        malice = _parse_malice(d.pop("malice", UNSET))

        def _parse_persistence(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        persistence = _parse_persistence(d.pop("persistence", UNSET))

        def _parse_profit(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        profit = _parse_profit(d.pop("profit", UNSET))

        aggravating_factors = cls(
            adult_involvement=adult_involvement,
            coercion=coercion,
            exploitation=exploitation,
            malice=malice,
            persistence=persistence,
            profit=profit,
        )

        return aggravating_factors
