from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.child_injury_seen_type_0 import ChildInjurySeenType0
from ..models.child_roles_type_0_item import ChildRolesType0Item
from ..models.child_seen_how_type_0 import ChildSeenHowType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="Child")


@_attrs_define
class Child:
    """
    Attributes:
        id (str): Local identifier within this checklist, e.g. `C1`.
        account (None | str | Unset): The child's own words.
        address_recorded (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
        age (int | None | Unset): Age in years, where the date of birth is not known.
        date_of_birth (datetime.date | None | Unset): Date of birth.
        full_name (None | str | Unset): Full name, correctly spelt.
        gp (None | str | Unset): GP practice, where known.
        identified (bool | None | Unset): Identity established and recorded.
        injuries_observed (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
        injury_explanation (None | str | Unset): The explanation given for any injury.
        injury_explanation_consistent (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
        injury_seen (ChildInjurySeenType0 | None | Unset): How an officer saw the injury: in person, only on a video
            call, only in a photograph, or only as described by someone else.
        left_alone (bool | None | Unset): The child was left without a responsible adult when officers left (true = left
            alone).
        medical_attention_arranged (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
        non_mobile (bool | None | Unset): The child is not independently mobile (e.g. a baby who cannot crawl or pull to
            stand).
        not_spoken_to_reason (None | str | Unset): Why not (e.g. pre-verbal).
        observations (None | str | Unset): Observed condition and demeanour.
        person_ref (None | str | Unset): The force's own person reference for the child (the nominal id of its records
            system). SafeSteps links the child's incidents by a keyed pseudonym of it (or, without it, of the normalised
            name and date of birth); the reference itself is never shown in responses.
        present (bool | None | Unset): Present at the scene (false: normally resident, away).
        previous_injury_reports (int | None | Unset): How many earlier reports of injury to this child police or
            partners hold (0: none found).
        recorded_as_victim (bool | None | Unset): Recorded as a victim in their own right (domestic abuse incidents).
        relationship_to_adults (None | str | Unset): Relationship to the adults present (e.g. daughter of A1).
        responsible_adult_id (None | str | Unset): Id of the adult responsible for the child when officers leave.
        risk_assessed (bool | None | Unset): The child's own risk was assessed.
        roles (list[ChildRolesType0Item] | None | Unset): The child's roles in the incident (a child suspect is a child
            first). `null` or absent: not recorded; `[]`: recorded as none (before schema version 3, absent means `[]`).
        school (None | str | Unset): School or nursery, where known.
        seen (bool | None | Unset): Physically seen by an officer.
        seen_at (datetime.datetime | None | Unset): When an officer saw the child.
        seen_how (ChildSeenHowType0 | None | Unset): How an officer saw the child: in person or only on a video call.
        sexual_offence_disclosed (bool | None | Unset): The child (or someone on the child's behalf) disclosed a sexual
            offence against the child.
        spoken_to (bool | None | Unset): Spoken to away from the alleged perpetrator.
        wishes_and_feelings (None | str | Unset): The child's wishes and feelings, in their words where possible.
    """

    id: str
    account: None | str | Unset = UNSET
    address_recorded: bool | None | Unset = UNSET
    age: int | None | Unset = UNSET
    date_of_birth: datetime.date | None | Unset = UNSET
    full_name: None | str | Unset = UNSET
    gp: None | str | Unset = UNSET
    identified: bool | None | Unset = UNSET
    injuries_observed: bool | None | Unset = UNSET
    injury_explanation: None | str | Unset = UNSET
    injury_explanation_consistent: bool | None | Unset = UNSET
    injury_seen: ChildInjurySeenType0 | None | Unset = UNSET
    left_alone: bool | None | Unset = UNSET
    medical_attention_arranged: bool | None | Unset = UNSET
    non_mobile: bool | None | Unset = UNSET
    not_spoken_to_reason: None | str | Unset = UNSET
    observations: None | str | Unset = UNSET
    person_ref: None | str | Unset = UNSET
    present: bool | None | Unset = UNSET
    previous_injury_reports: int | None | Unset = UNSET
    recorded_as_victim: bool | None | Unset = UNSET
    relationship_to_adults: None | str | Unset = UNSET
    responsible_adult_id: None | str | Unset = UNSET
    risk_assessed: bool | None | Unset = UNSET
    roles: list[ChildRolesType0Item] | None | Unset = UNSET
    school: None | str | Unset = UNSET
    seen: bool | None | Unset = UNSET
    seen_at: datetime.datetime | None | Unset = UNSET
    seen_how: ChildSeenHowType0 | None | Unset = UNSET
    sexual_offence_disclosed: bool | None | Unset = UNSET
    spoken_to: bool | None | Unset = UNSET
    wishes_and_feelings: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        account: None | str | Unset
        if isinstance(self.account, Unset):
            account = UNSET
        else:
            account = self.account

        address_recorded: bool | None | Unset
        if isinstance(self.address_recorded, Unset):
            address_recorded = UNSET
        else:
            address_recorded = self.address_recorded

        age: int | None | Unset
        if isinstance(self.age, Unset):
            age = UNSET
        else:
            age = self.age

        date_of_birth: None | str | Unset
        if isinstance(self.date_of_birth, Unset):
            date_of_birth = UNSET
        elif isinstance(self.date_of_birth, datetime.date):
            date_of_birth = self.date_of_birth.isoformat()
        else:
            date_of_birth = self.date_of_birth

        full_name: None | str | Unset
        if isinstance(self.full_name, Unset):
            full_name = UNSET
        else:
            full_name = self.full_name

        gp: None | str | Unset
        if isinstance(self.gp, Unset):
            gp = UNSET
        else:
            gp = self.gp

        identified: bool | None | Unset
        if isinstance(self.identified, Unset):
            identified = UNSET
        else:
            identified = self.identified

        injuries_observed: bool | None | Unset
        if isinstance(self.injuries_observed, Unset):
            injuries_observed = UNSET
        else:
            injuries_observed = self.injuries_observed

        injury_explanation: None | str | Unset
        if isinstance(self.injury_explanation, Unset):
            injury_explanation = UNSET
        else:
            injury_explanation = self.injury_explanation

        injury_explanation_consistent: bool | None | Unset
        if isinstance(self.injury_explanation_consistent, Unset):
            injury_explanation_consistent = UNSET
        else:
            injury_explanation_consistent = self.injury_explanation_consistent

        injury_seen: None | str | Unset
        if isinstance(self.injury_seen, Unset):
            injury_seen = UNSET
        elif isinstance(self.injury_seen, ChildInjurySeenType0):
            injury_seen = self.injury_seen.value
        else:
            injury_seen = self.injury_seen

        left_alone: bool | None | Unset
        if isinstance(self.left_alone, Unset):
            left_alone = UNSET
        else:
            left_alone = self.left_alone

        medical_attention_arranged: bool | None | Unset
        if isinstance(self.medical_attention_arranged, Unset):
            medical_attention_arranged = UNSET
        else:
            medical_attention_arranged = self.medical_attention_arranged

        non_mobile: bool | None | Unset
        if isinstance(self.non_mobile, Unset):
            non_mobile = UNSET
        else:
            non_mobile = self.non_mobile

        not_spoken_to_reason: None | str | Unset
        if isinstance(self.not_spoken_to_reason, Unset):
            not_spoken_to_reason = UNSET
        else:
            not_spoken_to_reason = self.not_spoken_to_reason

        observations: None | str | Unset
        if isinstance(self.observations, Unset):
            observations = UNSET
        else:
            observations = self.observations

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

        previous_injury_reports: int | None | Unset
        if isinstance(self.previous_injury_reports, Unset):
            previous_injury_reports = UNSET
        else:
            previous_injury_reports = self.previous_injury_reports

        recorded_as_victim: bool | None | Unset
        if isinstance(self.recorded_as_victim, Unset):
            recorded_as_victim = UNSET
        else:
            recorded_as_victim = self.recorded_as_victim

        relationship_to_adults: None | str | Unset
        if isinstance(self.relationship_to_adults, Unset):
            relationship_to_adults = UNSET
        else:
            relationship_to_adults = self.relationship_to_adults

        responsible_adult_id: None | str | Unset
        if isinstance(self.responsible_adult_id, Unset):
            responsible_adult_id = UNSET
        else:
            responsible_adult_id = self.responsible_adult_id

        risk_assessed: bool | None | Unset
        if isinstance(self.risk_assessed, Unset):
            risk_assessed = UNSET
        else:
            risk_assessed = self.risk_assessed

        roles: list[str] | None | Unset
        if isinstance(self.roles, Unset):
            roles = UNSET
        elif isinstance(self.roles, list):
            roles = []
            for roles_type_0_item_data in self.roles:
                roles_type_0_item = roles_type_0_item_data.value
                roles.append(roles_type_0_item)

        else:
            roles = self.roles

        school: None | str | Unset
        if isinstance(self.school, Unset):
            school = UNSET
        else:
            school = self.school

        seen: bool | None | Unset
        if isinstance(self.seen, Unset):
            seen = UNSET
        else:
            seen = self.seen

        seen_at: None | str | Unset
        if isinstance(self.seen_at, Unset):
            seen_at = UNSET
        elif isinstance(self.seen_at, datetime.datetime):
            seen_at = self.seen_at.isoformat()
        else:
            seen_at = self.seen_at

        seen_how: None | str | Unset
        if isinstance(self.seen_how, Unset):
            seen_how = UNSET
        elif isinstance(self.seen_how, ChildSeenHowType0):
            seen_how = self.seen_how.value
        else:
            seen_how = self.seen_how

        sexual_offence_disclosed: bool | None | Unset
        if isinstance(self.sexual_offence_disclosed, Unset):
            sexual_offence_disclosed = UNSET
        else:
            sexual_offence_disclosed = self.sexual_offence_disclosed

        spoken_to: bool | None | Unset
        if isinstance(self.spoken_to, Unset):
            spoken_to = UNSET
        else:
            spoken_to = self.spoken_to

        wishes_and_feelings: None | str | Unset
        if isinstance(self.wishes_and_feelings, Unset):
            wishes_and_feelings = UNSET
        else:
            wishes_and_feelings = self.wishes_and_feelings

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
            }
        )
        if account is not UNSET:
            field_dict["account"] = account
        if address_recorded is not UNSET:
            field_dict["address_recorded"] = address_recorded
        if age is not UNSET:
            field_dict["age"] = age
        if date_of_birth is not UNSET:
            field_dict["date_of_birth"] = date_of_birth
        if full_name is not UNSET:
            field_dict["full_name"] = full_name
        if gp is not UNSET:
            field_dict["gp"] = gp
        if identified is not UNSET:
            field_dict["identified"] = identified
        if injuries_observed is not UNSET:
            field_dict["injuries_observed"] = injuries_observed
        if injury_explanation is not UNSET:
            field_dict["injury_explanation"] = injury_explanation
        if injury_explanation_consistent is not UNSET:
            field_dict["injury_explanation_consistent"] = injury_explanation_consistent
        if injury_seen is not UNSET:
            field_dict["injury_seen"] = injury_seen
        if left_alone is not UNSET:
            field_dict["left_alone"] = left_alone
        if medical_attention_arranged is not UNSET:
            field_dict["medical_attention_arranged"] = medical_attention_arranged
        if non_mobile is not UNSET:
            field_dict["non_mobile"] = non_mobile
        if not_spoken_to_reason is not UNSET:
            field_dict["not_spoken_to_reason"] = not_spoken_to_reason
        if observations is not UNSET:
            field_dict["observations"] = observations
        if person_ref is not UNSET:
            field_dict["person_ref"] = person_ref
        if present is not UNSET:
            field_dict["present"] = present
        if previous_injury_reports is not UNSET:
            field_dict["previous_injury_reports"] = previous_injury_reports
        if recorded_as_victim is not UNSET:
            field_dict["recorded_as_victim"] = recorded_as_victim
        if relationship_to_adults is not UNSET:
            field_dict["relationship_to_adults"] = relationship_to_adults
        if responsible_adult_id is not UNSET:
            field_dict["responsible_adult_id"] = responsible_adult_id
        if risk_assessed is not UNSET:
            field_dict["risk_assessed"] = risk_assessed
        if roles is not UNSET:
            field_dict["roles"] = roles
        if school is not UNSET:
            field_dict["school"] = school
        if seen is not UNSET:
            field_dict["seen"] = seen
        if seen_at is not UNSET:
            field_dict["seen_at"] = seen_at
        if seen_how is not UNSET:
            field_dict["seen_how"] = seen_how
        if sexual_offence_disclosed is not UNSET:
            field_dict["sexual_offence_disclosed"] = sexual_offence_disclosed
        if spoken_to is not UNSET:
            field_dict["spoken_to"] = spoken_to
        if wishes_and_feelings is not UNSET:
            field_dict["wishes_and_feelings"] = wishes_and_feelings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_account(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account = _parse_account(d.pop("account", UNSET))

        def _parse_address_recorded(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        address_recorded = _parse_address_recorded(d.pop("address_recorded", UNSET))

        def _parse_age(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        age = _parse_age(d.pop("age", UNSET))

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

        def _parse_full_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        full_name = _parse_full_name(d.pop("full_name", UNSET))

        def _parse_gp(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        gp = _parse_gp(d.pop("gp", UNSET))

        def _parse_identified(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        identified = _parse_identified(d.pop("identified", UNSET))

        def _parse_injuries_observed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        injuries_observed = _parse_injuries_observed(d.pop("injuries_observed", UNSET))

        def _parse_injury_explanation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        injury_explanation = _parse_injury_explanation(d.pop("injury_explanation", UNSET))

        def _parse_injury_explanation_consistent(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        injury_explanation_consistent = _parse_injury_explanation_consistent(
            d.pop("injury_explanation_consistent", UNSET)
        )

        def _parse_injury_seen(data: object) -> ChildInjurySeenType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                injury_seen_type_0 = ChildInjurySeenType0(data)

                return injury_seen_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChildInjurySeenType0 | None | Unset, data)

        injury_seen = _parse_injury_seen(d.pop("injury_seen", UNSET))

        def _parse_left_alone(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        left_alone = _parse_left_alone(d.pop("left_alone", UNSET))

        def _parse_medical_attention_arranged(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        medical_attention_arranged = _parse_medical_attention_arranged(d.pop("medical_attention_arranged", UNSET))

        def _parse_non_mobile(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        non_mobile = _parse_non_mobile(d.pop("non_mobile", UNSET))

        def _parse_not_spoken_to_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        not_spoken_to_reason = _parse_not_spoken_to_reason(d.pop("not_spoken_to_reason", UNSET))

        def _parse_observations(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        observations = _parse_observations(d.pop("observations", UNSET))

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

        def _parse_previous_injury_reports(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        previous_injury_reports = _parse_previous_injury_reports(d.pop("previous_injury_reports", UNSET))

        def _parse_recorded_as_victim(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        recorded_as_victim = _parse_recorded_as_victim(d.pop("recorded_as_victim", UNSET))

        def _parse_relationship_to_adults(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        relationship_to_adults = _parse_relationship_to_adults(d.pop("relationship_to_adults", UNSET))

        def _parse_responsible_adult_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        responsible_adult_id = _parse_responsible_adult_id(d.pop("responsible_adult_id", UNSET))

        def _parse_risk_assessed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        risk_assessed = _parse_risk_assessed(d.pop("risk_assessed", UNSET))

        def _parse_roles(data: object) -> list[ChildRolesType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                roles_type_0 = []
                _roles_type_0 = data
                for roles_type_0_item_data in _roles_type_0:
                    roles_type_0_item = ChildRolesType0Item(roles_type_0_item_data)

                    roles_type_0.append(roles_type_0_item)

                return roles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ChildRolesType0Item] | None | Unset, data)

        roles = _parse_roles(d.pop("roles", UNSET))

        def _parse_school(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        school = _parse_school(d.pop("school", UNSET))

        def _parse_seen(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        seen = _parse_seen(d.pop("seen", UNSET))

        def _parse_seen_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                seen_at_type_0 = datetime.datetime.fromisoformat(data)

                return seen_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        seen_at = _parse_seen_at(d.pop("seen_at", UNSET))

        def _parse_seen_how(data: object) -> ChildSeenHowType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                seen_how_type_0 = ChildSeenHowType0(data)

                return seen_how_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChildSeenHowType0 | None | Unset, data)

        seen_how = _parse_seen_how(d.pop("seen_how", UNSET))

        def _parse_sexual_offence_disclosed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        sexual_offence_disclosed = _parse_sexual_offence_disclosed(d.pop("sexual_offence_disclosed", UNSET))

        def _parse_spoken_to(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        spoken_to = _parse_spoken_to(d.pop("spoken_to", UNSET))

        def _parse_wishes_and_feelings(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        wishes_and_feelings = _parse_wishes_and_feelings(d.pop("wishes_and_feelings", UNSET))

        child = cls(
            id=id,
            account=account,
            address_recorded=address_recorded,
            age=age,
            date_of_birth=date_of_birth,
            full_name=full_name,
            gp=gp,
            identified=identified,
            injuries_observed=injuries_observed,
            injury_explanation=injury_explanation,
            injury_explanation_consistent=injury_explanation_consistent,
            injury_seen=injury_seen,
            left_alone=left_alone,
            medical_attention_arranged=medical_attention_arranged,
            non_mobile=non_mobile,
            not_spoken_to_reason=not_spoken_to_reason,
            observations=observations,
            person_ref=person_ref,
            present=present,
            previous_injury_reports=previous_injury_reports,
            recorded_as_victim=recorded_as_victim,
            relationship_to_adults=relationship_to_adults,
            responsible_adult_id=responsible_adult_id,
            risk_assessed=risk_assessed,
            roles=roles,
            school=school,
            seen=seen,
            seen_at=seen_at,
            seen_how=seen_how,
            sexual_offence_disclosed=sexual_offence_disclosed,
            spoken_to=spoken_to,
            wishes_and_feelings=wishes_and_feelings,
        )

        return child
