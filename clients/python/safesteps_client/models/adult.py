from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.adult_role import AdultRole
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.police_checks import PoliceChecks


T = TypeVar("T", bound="Adult")


@_attrs_define
class Adult:
    """
    Attributes:
        id (str): Local identifier within this checklist, e.g. `A1`.
        roles (list[AdultRole]): Every role the adult has in the incident (schema 3 adds an adult victim and a
            complainant).
        able_and_willing (bool | None | Unset): Sober, able and willing to care.
        age (int | None | Unset): Age in years (or apparent age).
        arrested (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
        arrested_at (datetime.datetime | None | Unset): When the adult was arrested.
        care_arranged_before_departure (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
        cares_for_children (bool | None | Unset): Has caring responsibilities.
        checks (None | PoliceChecks | Unset): Police-system checks on this adult and their results.
        contact_attempted (bool | None | Unset): An attempt was made to contact this adult (absent PR holders).
        contact_outcome (None | str | Unset): Outcome of the contact attempt.
        date_of_birth (datetime.date | None | Unset): Date of birth.
        dependants_established (bool | None | Unset): Dependants established and recorded in the arrest notes.
        full_name (None | str | Unset): Full name, correctly spelt.
        household_checked (bool | None | Unset): Others in the carer's household were checked (carers only).
        identified (bool | None | Unset): Identity established and recorded.
        intoxicated (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
        person_ref (None | str | Unset): The force's own person reference for the adult (the nominal id of its records
            system), linked like a child's.
        present (bool | None | Unset): Present at the scene.
        relationship_to_children (None | str | Unset): Relationship to the children (e.g. maternal aunt).
    """

    id: str
    roles: list[AdultRole]
    able_and_willing: bool | None | Unset = UNSET
    age: int | None | Unset = UNSET
    arrested: bool | None | Unset = UNSET
    arrested_at: datetime.datetime | None | Unset = UNSET
    care_arranged_before_departure: bool | None | Unset = UNSET
    cares_for_children: bool | None | Unset = UNSET
    checks: None | PoliceChecks | Unset = UNSET
    contact_attempted: bool | None | Unset = UNSET
    contact_outcome: None | str | Unset = UNSET
    date_of_birth: datetime.date | None | Unset = UNSET
    dependants_established: bool | None | Unset = UNSET
    full_name: None | str | Unset = UNSET
    household_checked: bool | None | Unset = UNSET
    identified: bool | None | Unset = UNSET
    intoxicated: bool | None | Unset = UNSET
    person_ref: None | str | Unset = UNSET
    present: bool | None | Unset = UNSET
    relationship_to_children: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.police_checks import PoliceChecks  # noqa: PLC0415

        id = self.id

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)

        able_and_willing: bool | None | Unset
        if isinstance(self.able_and_willing, Unset):
            able_and_willing = UNSET
        else:
            able_and_willing = self.able_and_willing

        age: int | None | Unset
        if isinstance(self.age, Unset):
            age = UNSET
        else:
            age = self.age

        arrested: bool | None | Unset
        if isinstance(self.arrested, Unset):
            arrested = UNSET
        else:
            arrested = self.arrested

        arrested_at: None | str | Unset
        if isinstance(self.arrested_at, Unset):
            arrested_at = UNSET
        elif isinstance(self.arrested_at, datetime.datetime):
            arrested_at = self.arrested_at.isoformat()
        else:
            arrested_at = self.arrested_at

        care_arranged_before_departure: bool | None | Unset
        if isinstance(self.care_arranged_before_departure, Unset):
            care_arranged_before_departure = UNSET
        else:
            care_arranged_before_departure = self.care_arranged_before_departure

        cares_for_children: bool | None | Unset
        if isinstance(self.cares_for_children, Unset):
            cares_for_children = UNSET
        else:
            cares_for_children = self.cares_for_children

        checks: dict[str, Any] | None | Unset
        if isinstance(self.checks, Unset):
            checks = UNSET
        elif isinstance(self.checks, PoliceChecks):
            checks = self.checks.to_dict()
        else:
            checks = self.checks

        contact_attempted: bool | None | Unset
        if isinstance(self.contact_attempted, Unset):
            contact_attempted = UNSET
        else:
            contact_attempted = self.contact_attempted

        contact_outcome: None | str | Unset
        if isinstance(self.contact_outcome, Unset):
            contact_outcome = UNSET
        else:
            contact_outcome = self.contact_outcome

        date_of_birth: None | str | Unset
        if isinstance(self.date_of_birth, Unset):
            date_of_birth = UNSET
        elif isinstance(self.date_of_birth, datetime.date):
            date_of_birth = self.date_of_birth.isoformat()
        else:
            date_of_birth = self.date_of_birth

        dependants_established: bool | None | Unset
        if isinstance(self.dependants_established, Unset):
            dependants_established = UNSET
        else:
            dependants_established = self.dependants_established

        full_name: None | str | Unset
        if isinstance(self.full_name, Unset):
            full_name = UNSET
        else:
            full_name = self.full_name

        household_checked: bool | None | Unset
        if isinstance(self.household_checked, Unset):
            household_checked = UNSET
        else:
            household_checked = self.household_checked

        identified: bool | None | Unset
        if isinstance(self.identified, Unset):
            identified = UNSET
        else:
            identified = self.identified

        intoxicated: bool | None | Unset
        if isinstance(self.intoxicated, Unset):
            intoxicated = UNSET
        else:
            intoxicated = self.intoxicated

        person_ref: None | str | Unset
        if isinstance(self.person_ref, Unset):
            person_ref = UNSET
        else:
            person_ref = self.person_ref

        present: bool | None | Unset
        if isinstance(self.present, Unset):
            present = UNSET
        else:
            present = self.present

        relationship_to_children: None | str | Unset
        if isinstance(self.relationship_to_children, Unset):
            relationship_to_children = UNSET
        else:
            relationship_to_children = self.relationship_to_children

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "roles": roles,
            }
        )
        if able_and_willing is not UNSET:
            field_dict["able_and_willing"] = able_and_willing
        if age is not UNSET:
            field_dict["age"] = age
        if arrested is not UNSET:
            field_dict["arrested"] = arrested
        if arrested_at is not UNSET:
            field_dict["arrested_at"] = arrested_at
        if care_arranged_before_departure is not UNSET:
            field_dict["care_arranged_before_departure"] = care_arranged_before_departure
        if cares_for_children is not UNSET:
            field_dict["cares_for_children"] = cares_for_children
        if checks is not UNSET:
            field_dict["checks"] = checks
        if contact_attempted is not UNSET:
            field_dict["contact_attempted"] = contact_attempted
        if contact_outcome is not UNSET:
            field_dict["contact_outcome"] = contact_outcome
        if date_of_birth is not UNSET:
            field_dict["date_of_birth"] = date_of_birth
        if dependants_established is not UNSET:
            field_dict["dependants_established"] = dependants_established
        if full_name is not UNSET:
            field_dict["full_name"] = full_name
        if household_checked is not UNSET:
            field_dict["household_checked"] = household_checked
        if identified is not UNSET:
            field_dict["identified"] = identified
        if intoxicated is not UNSET:
            field_dict["intoxicated"] = intoxicated
        if person_ref is not UNSET:
            field_dict["person_ref"] = person_ref
        if present is not UNSET:
            field_dict["present"] = present
        if relationship_to_children is not UNSET:
            field_dict["relationship_to_children"] = relationship_to_children

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.police_checks import PoliceChecks  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = AdultRole(roles_item_data)

            roles.append(roles_item)

        def _parse_able_and_willing(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        able_and_willing = _parse_able_and_willing(d.pop("able_and_willing", UNSET))

        def _parse_age(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        age = _parse_age(d.pop("age", UNSET))

        def _parse_arrested(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        arrested = _parse_arrested(d.pop("arrested", UNSET))

        def _parse_arrested_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                arrested_at_type_0 = datetime.datetime.fromisoformat(data)

                return arrested_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        arrested_at = _parse_arrested_at(d.pop("arrested_at", UNSET))

        def _parse_care_arranged_before_departure(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        care_arranged_before_departure = _parse_care_arranged_before_departure(
            d.pop("care_arranged_before_departure", UNSET)
        )

        def _parse_cares_for_children(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        cares_for_children = _parse_cares_for_children(d.pop("cares_for_children", UNSET))

        def _parse_checks(data: object) -> None | PoliceChecks | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                checks_type_0 = PoliceChecks.from_dict(data)

                return checks_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PoliceChecks | Unset, data)

        checks = _parse_checks(d.pop("checks", UNSET))

        def _parse_contact_attempted(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        contact_attempted = _parse_contact_attempted(d.pop("contact_attempted", UNSET))

        def _parse_contact_outcome(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_outcome = _parse_contact_outcome(d.pop("contact_outcome", UNSET))

        def _parse_date_of_birth(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_of_birth_type_0 = datetime.date.fromisoformat(data)

                return date_of_birth_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        date_of_birth = _parse_date_of_birth(d.pop("date_of_birth", UNSET))

        def _parse_dependants_established(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        dependants_established = _parse_dependants_established(d.pop("dependants_established", UNSET))

        def _parse_full_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        full_name = _parse_full_name(d.pop("full_name", UNSET))

        def _parse_household_checked(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        household_checked = _parse_household_checked(d.pop("household_checked", UNSET))

        def _parse_identified(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        identified = _parse_identified(d.pop("identified", UNSET))

        def _parse_intoxicated(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        intoxicated = _parse_intoxicated(d.pop("intoxicated", UNSET))

        def _parse_person_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        person_ref = _parse_person_ref(d.pop("person_ref", UNSET))

        def _parse_present(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        present = _parse_present(d.pop("present", UNSET))

        def _parse_relationship_to_children(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        relationship_to_children = _parse_relationship_to_children(d.pop("relationship_to_children", UNSET))

        adult = cls(
            id=id,
            roles=roles,
            able_and_willing=able_and_willing,
            age=age,
            arrested=arrested,
            arrested_at=arrested_at,
            care_arranged_before_departure=care_arranged_before_departure,
            cares_for_children=cares_for_children,
            checks=checks,
            contact_attempted=contact_attempted,
            contact_outcome=contact_outcome,
            date_of_birth=date_of_birth,
            dependants_established=dependants_established,
            full_name=full_name,
            household_checked=household_checked,
            identified=identified,
            intoxicated=intoxicated,
            person_ref=person_ref,
            present=present,
            relationship_to_children=relationship_to_children,
        )

        return adult
