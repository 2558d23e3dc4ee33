from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PreventionInterview")


@_attrs_define
class PreventionInterview:
    """The safe-and-well check (prevention interview) when a missing child returns.

    Attributes:
        at (datetime.datetime | None | Unset): When it took place.
        away_from_adult_found_with (bool | None | Unset): The interview was held away from the adult the child was found
            with or returned by.
        by_role (None | str | Unset): Who conducted it (role or collar number).
        done (bool | None | Unset): The interview took place.
        exploitation_covered (bool | None | Unset): Exploitation was covered.
        harm_covered (bool | None | Unset): Any harm suffered was covered.
        in_person (bool | None | Unset): Police saw the child face to face.
        outcome_recorded (bool | None | Unset): The outcome is recorded.
        safeguarding_needs_covered (bool | None | Unset): Safeguarding needs were covered.
        where_and_who_covered (bool | None | Unset): Where the child went and who they were with was covered.
    """

    at: datetime.datetime | None | Unset = UNSET
    away_from_adult_found_with: bool | None | Unset = UNSET
    by_role: None | str | Unset = UNSET
    done: bool | None | Unset = UNSET
    exploitation_covered: bool | None | Unset = UNSET
    harm_covered: bool | None | Unset = UNSET
    in_person: bool | None | Unset = UNSET
    outcome_recorded: bool | None | Unset = UNSET
    safeguarding_needs_covered: bool | None | Unset = UNSET
    where_and_who_covered: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        at: None | str | Unset
        if isinstance(self.at, Unset):
            at = UNSET
        elif isinstance(self.at, datetime.datetime):
            at = self.at.isoformat()
        else:
            at = self.at

        away_from_adult_found_with: bool | None | Unset
        if isinstance(self.away_from_adult_found_with, Unset):
            away_from_adult_found_with = UNSET
        else:
            away_from_adult_found_with = self.away_from_adult_found_with

        by_role: None | str | Unset
        if isinstance(self.by_role, Unset):
            by_role = UNSET
        else:
            by_role = self.by_role

        done: bool | None | Unset
        if isinstance(self.done, Unset):
            done = UNSET
        else:
            done = self.done

        exploitation_covered: bool | None | Unset
        if isinstance(self.exploitation_covered, Unset):
            exploitation_covered = UNSET
        else:
            exploitation_covered = self.exploitation_covered

        harm_covered: bool | None | Unset
        if isinstance(self.harm_covered, Unset):
            harm_covered = UNSET
        else:
            harm_covered = self.harm_covered

        in_person: bool | None | Unset
        if isinstance(self.in_person, Unset):
            in_person = UNSET
        else:
            in_person = self.in_person

        outcome_recorded: bool | None | Unset
        if isinstance(self.outcome_recorded, Unset):
            outcome_recorded = UNSET
        else:
            outcome_recorded = self.outcome_recorded

        safeguarding_needs_covered: bool | None | Unset
        if isinstance(self.safeguarding_needs_covered, Unset):
            safeguarding_needs_covered = UNSET
        else:
            safeguarding_needs_covered = self.safeguarding_needs_covered

        where_and_who_covered: bool | None | Unset
        if isinstance(self.where_and_who_covered, Unset):
            where_and_who_covered = UNSET
        else:
            where_and_who_covered = self.where_and_who_covered

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if at is not UNSET:
            field_dict["at"] = at
        if away_from_adult_found_with is not UNSET:
            field_dict["away_from_adult_found_with"] = away_from_adult_found_with
        if by_role is not UNSET:
            field_dict["by_role"] = by_role
        if done is not UNSET:
            field_dict["done"] = done
        if exploitation_covered is not UNSET:
            field_dict["exploitation_covered"] = exploitation_covered
        if harm_covered is not UNSET:
            field_dict["harm_covered"] = harm_covered
        if in_person is not UNSET:
            field_dict["in_person"] = in_person
        if outcome_recorded is not UNSET:
            field_dict["outcome_recorded"] = outcome_recorded
        if safeguarding_needs_covered is not UNSET:
            field_dict["safeguarding_needs_covered"] = safeguarding_needs_covered
        if where_and_who_covered is not UNSET:
            field_dict["where_and_who_covered"] = where_and_who_covered

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                at_type_0 = datetime.datetime.fromisoformat(data)

                return at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        at = _parse_at(d.pop("at", UNSET))

        def _parse_away_from_adult_found_with(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        away_from_adult_found_with = _parse_away_from_adult_found_with(d.pop("away_from_adult_found_with", UNSET))

        def _parse_by_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        by_role = _parse_by_role(d.pop("by_role", UNSET))

        def _parse_done(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        done = _parse_done(d.pop("done", UNSET))

        def _parse_exploitation_covered(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        exploitation_covered = _parse_exploitation_covered(d.pop("exploitation_covered", UNSET))

        def _parse_harm_covered(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        harm_covered = _parse_harm_covered(d.pop("harm_covered", UNSET))

        def _parse_in_person(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        in_person = _parse_in_person(d.pop("in_person", UNSET))

        def _parse_outcome_recorded(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        outcome_recorded = _parse_outcome_recorded(d.pop("outcome_recorded", UNSET))

        def _parse_safeguarding_needs_covered(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        safeguarding_needs_covered = _parse_safeguarding_needs_covered(d.pop("safeguarding_needs_covered", UNSET))

        def _parse_where_and_who_covered(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        where_and_who_covered = _parse_where_and_who_covered(d.pop("where_and_who_covered", UNSET))

        prevention_interview = cls(
            at=at,
            away_from_adult_found_with=away_from_adult_found_with,
            by_role=by_role,
            done=done,
            exploitation_covered=exploitation_covered,
            harm_covered=harm_covered,
            in_person=in_person,
            outcome_recorded=outcome_recorded,
            safeguarding_needs_covered=safeguarding_needs_covered,
            where_and_who_covered=where_and_who_covered,
        )

        return prevention_interview
