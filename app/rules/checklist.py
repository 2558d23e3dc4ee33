"""The checklist: what a control room or an MDT knows about an incident, as facts for the rules.

Every answer that officers record is optional and three-valued: ``True`` (done / yes), ``False``
(recorded as not done / no) and ``None`` (not recorded yet). Absent data is never read as done and
never as not done; the engine reports it as ``unknown`` so an officer can see what is left to record.

The schema is versioned with ``schema_version`` and forbids unknown fields, so a typo in a client
never silently drops a fact. Lists and strings are bounded: the expression engine has no timeout,
so the size of its input is the bound on its work.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, model_validator

from app.rules.checklist_actions import (
    Access,
    Actions,
    CarerConsultation,
    Decisions,
    Encompass,
    EvidenceCapture,
    HomeConditions,
    PoliceProtection,
    Referral,
    Scene,
    Supervision,
)
from app.rules.checklist_examples import EXAMPLES
from app.rules.checklist_types import (
    LISTS_NULLABLE_FROM,
    MAX_ITEMS,
    MAX_PEOPLE,
    Answer,
    Facts,
    ForceCode,
    FreeText,
    Ref,
    ShortText,
    Timestamp,
    records,
    since,
    values_since,
)
from app.rules.checklist_v2 import (
    Custody,
    ImageAbuse,
    MissingEpisode,
    Narrative,
)
from app.rules.checklist_v3 import ChildSearch, IntelCheck

# Everything this module defined in schema version 1 stays importable from here.
__all__ = [
    "MAX_ITEMS",
    "MAX_PEOPLE",
    "SCHEMA_VERSION",
    "Access",
    "Actions",
    "Adult",
    "AdultRole",
    "Answer",
    "CallHandling",
    "CarerConsultation",
    "Checklist",
    "Child",
    "Decisions",
    "Encompass",
    "EvidenceCapture",
    "Facts",
    "FreeText",
    "Grade",
    "GradeChange",
    "HomeConditions",
    "Incident",
    "IncidentType",
    "IntelCheck",
    "PartnerRequest",
    "PoliceChecks",
    "PoliceProtection",
    "Ref",
    "Referral",
    "Scene",
    "ShortText",
    "Supervision",
    "ThriveAssessment",
    "Timestamp",
]

# The latest checklist schema version. A checklist that omits `schema_version` is version 1.
SCHEMA_VERSION = 3


class IncidentType(StrEnum):
    domestic_abuse = "domestic_abuse"
    neighbour_dispute = "neighbour_dispute"
    disorder = "disorder"
    welfare_concern = "welfare_concern"
    child_abuse = "child_abuse"
    child_neglect = "child_neglect"
    assault = "assault"
    sexual_offence = "sexual_offence"
    missing_person = "missing_person"
    image_abuse = "image_abuse"
    partner_request = "partner_request"
    other = "other"


class Grade(StrEnum):
    immediate = "immediate"
    priority = "priority"
    scheduled = "scheduled"
    resolution_without_deployment = "resolution_without_deployment"
    closed = "closed"


class GradeChange(Facts):
    at: Timestamp = Field(description="When the grade changed.")
    from_grade: Grade | None = Field(None, description="Grade before the change.")
    to_grade: Grade = Field(description="Grade after the change (`closed` for a closure).")
    downgrade: Answer = Field(None, description="The change lowers the response or closes the call.")
    reason: FreeText | None = Field(None, description="Recorded rationale for the change.")
    risk_reassessed: Answer = Field(None, description="A fresh risk assessment (re-THRIVE) was recorded.")
    checks_completed: Answer = Field(
        None, description="The checks carried out before the change are recorded."
    )
    child_safety_confirmed: Answer = Field(
        None, description="Positive confirmation that each child is safe was obtained."
    )
    child_safety_confirmed_by: ShortText | None = Field(
        None, description="Who confirmed the child's safety (role or collar number, never a name)."
    )
    child_safety_method: (
        Literal["seen_by_officer", "partner_agency", "phone_contact", "other", "family_member", "video_call"]
        | None
    ) = values_since(
        "How the child's safety was confirmed (schema 3 adds a family member's word and a video call).",
        {"family_member": 3, "video_call": 3},
        default=None,
        examples=["seen_by_officer"],
    )
    supervisor_authorised: Answer = Field(None, description="A supervisor authorised the change.")
    supervisor_id: Ref | None = Field(None, description="Collar or staff number of the supervisor.")


class Incident(Facts):
    reference: Ref = Field(description="The force's incident reference (log number).")
    force: ForceCode = Field(description="Force code, e.g. `WMP`.")
    type: IncidentType = Field(description="The incident type as classified.")
    at_dwelling: Answer = Field(None, description="The incident concerns a dwelling.")
    domestic_abuse: Answer = Field(None, description="The incident involves domestic abuse.")
    flagged_child_concern: Answer = Field(
        None, description="The log is flagged as child abuse or concern for a child."
    )
    parties_recorded: Answer = Field(None, description="Full details of all parties are on the log.")
    grade: Grade | None = Field(None, description="The current grade.")
    grade_history: Annotated[list[GradeChange], Field(max_length=MAX_ITEMS)] | None = records(
        "Every grade change, oldest first."
    )
    reported_at: Timestamp | None = Field(None, description="When the call was received.")
    attended_at: Timestamp | None = Field(None, description="When the first officer arrived.")
    attended: Answer = since(
        3,
        "Officers attended the scene (true), or did not (false); for when the time of arrival is not known.",
        examples=[True],
    )
    departed_at: Timestamp | None = Field(None, description="When the last officer left the scene.")
    closed_at: Timestamp | None = Field(None, description="When the incident was closed.")
    officer_in_charge_id: Ref | None = Field(None, description="Collar number of the officer in charge.")
    address_ref: Ref | None = since(
        3,
        "The force's own reference for the incident's address (its gazetteer or location id, or the "
        "UPRN), so that earlier incidents at the address are counted; never shown in responses.",
        examples=["LOC-0048213"],
    )
    harm_alleged: Answer = since(
        3,
        "The report alleges harm to a child (an injury, abuse, neglect or a sexual offence), whatever "
        "the officers later concluded.",
        examples=[True],
    )


class ThriveAssessment(Facts):
    threat: FreeText | None = Field(None, description="THRIVE: the threat identified.")
    harm: FreeText | None = Field(None, description="THRIVE: the harm that could result.")
    risk: FreeText | None = Field(None, description="THRIVE: the risk assessed.")
    investigation: FreeText | None = Field(None, description="THRIVE: the investigation opportunities.")
    vulnerability: FreeText | None = Field(None, description="THRIVE: the vulnerability of those involved.")
    engagement: FreeText | None = Field(None, description="THRIVE: engagement with those involved.")
    child_vulnerability_considered: Answer = Field(
        None, description="The child's vulnerability is stated explicitly in the grading."
    )


class PartnerRequest(Facts):
    agency: Literal["ambulance", "childrens_social_care", "health", "education", "other"] = Field(
        description="The partner agency making the request."
    )
    safe_and_well_check_requested: Answer = None
    deployable_incident_created: Answer = Field(
        None, description="A deployable incident was created or reopened for the request."
    )
    closed_as_contact_resolution: Answer = Field(
        None, description="The request was closed as 'contact resolution' without deployment."
    )
    children_seen: Answer = since(
        3,
        "Officers saw every child the request is about (creating an incident is not the check done).",
        examples=[True],
    )


class CallHandling(Facts):
    """What the control room recorded at call intake, grading and regrading."""

    children_asked_about: Answer = Field(
        None, description="The call-taker asked whether children are present or live there."
    )
    children_present: Literal["yes", "no", "unknown"] | None = Field(
        None, description="The caller's answer about children present or normally resident."
    )
    children_count: Annotated[int, Field(ge=0, le=MAX_PEOPLE)] | None = Field(
        None, description="How many children the caller said are present or live there."
    )
    children_asked_at: Timestamp | None = Field(None, description="When the call-taker asked about children.")
    children_safe_asked: Answer = Field(None, description="The caller was asked whether they are safe.")
    caller_is_child: Answer = None
    essential_questions_only: Answer = Field(
        None, description="A child caller was asked only what is essential to deploy."
    )
    caller_kept_on_line: Answer = None
    suspect_left: Answer = Field(None, description="The suspect has left the scene.")
    safety_advice_given: Answer = None
    description_circulated: Answer = None
    intel_checks: Annotated[list[IntelCheck], Field(max_length=MAX_ITEMS)] | None = Field(
        None, description="Police-system research on the address, children and adults."
    )
    briefing_passed_to_units: Answer = Field(None, description="Results were passed to attending units.")
    officer_safety_concern: Answer = None
    deployment_delayed: Answer = None
    delay_mitigation: FreeText | None = Field(
        None,
        description="Rationale and mitigation for any delay because of officer-safety concern.",
    )
    thrive: ThriveAssessment | None = Field(
        None, description="The THRIVE risk assessment recorded at grading."
    )
    unresourced_past_target: Answer = Field(
        None, description="The call stayed unresourced past its grade's target time."
    )
    escalated_at: Timestamp | None = Field(None, description="Escalation to a supervisor or inspector.")
    risk_reassessed_after_delay: Answer = None
    partner_request: PartnerRequest | None = Field(
        None, description="A partner agency's request for a safe-and-well check."
    )
    deployed: Answer = since(2, "A unit was deployed to the call.")
    target_minutes: Annotated[int, Field(ge=1, le=10_080)] | None = since(
        2, "The current grade's target time to resource the call, in minutes (force policy)."
    )
    resourced_at: Timestamp | None = since(2, "When a unit was first assigned to the call.")
    escalated: Answer = since(
        2, "The unresourced call was escalated to a supervisor or inspector (false: it was not)."
    )


class Child(Facts):
    id: Ref = Field(description="Local identifier within this checklist, e.g. `C1`.")
    person_ref: Ref | None = since(
        3,
        "The force's own person reference for the child (the nominal id of its records system). "
        "SafeSteps links the child's incidents by a keyed pseudonym of it (or, without it, of the "
        "normalised name and date of birth); the reference itself is never shown in responses.",
        examples=["NOM-200114"],
    )
    full_name: ShortText | None = Field(None, description="Full name, correctly spelt.")
    date_of_birth: date | None = Field(None, description="Date of birth.")
    age: Annotated[int, Field(ge=0, le=17)] | None = Field(
        None, description="Age in years, where the date of birth is not known."
    )
    address_recorded: Answer = None
    relationship_to_adults: ShortText | None = Field(
        None, description="Relationship to the adults present (e.g. daughter of A1)."
    )
    school: ShortText | None = Field(None, description="School or nursery, where known.")
    gp: ShortText | None = Field(None, description="GP practice, where known.")
    present: Answer = Field(None, description="Present at the scene (false: normally resident, away).")
    identified: Answer = Field(None, description="Identity established and recorded.")
    seen: Answer = Field(None, description="Physically seen by an officer.")
    seen_at: Timestamp | None = Field(None, description="When an officer saw the child.")
    observations: FreeText | None = Field(None, description="Observed condition and demeanour.")
    injuries_observed: Answer = None
    injury_explanation: FreeText | None = Field(None, description="The explanation given for any injury.")
    injury_explanation_consistent: Answer = None
    medical_attention_arranged: Answer = None
    spoken_to: Answer = Field(None, description="Spoken to away from the alleged perpetrator.")
    not_spoken_to_reason: FreeText | None = Field(None, description="Why not (e.g. pre-verbal).")
    account: FreeText | None = Field(None, description="The child's own words.")
    wishes_and_feelings: FreeText | None = Field(
        None, description="The child's wishes and feelings, in their words where possible."
    )
    risk_assessed: Answer = Field(None, description="The child's own risk was assessed.")
    responsible_adult_id: Ref | None = Field(
        None, description="Id of the adult responsible for the child when officers leave."
    )
    recorded_as_victim: Answer = Field(
        None, description="Recorded as a victim in their own right (domestic abuse incidents)."
    )
    left_alone: Answer = since(
        2, "The child was left without a responsible adult when officers left (true = left alone)."
    )
    roles: (
        Annotated[list[Literal["victim", "witness", "suspect", "subject_of_concern"]], Field(max_length=4)]
        | None
    ) = records(
        "The child's roles in the incident (a child suspect is a child first).",
        version=3,
        examples=[["victim"], ["suspect"]],
    )
    non_mobile: Answer = since(
        3,
        "The child is not independently mobile (e.g. a baby who cannot crawl or pull to stand).",
        examples=[True],
    )
    previous_injury_reports: Annotated[int, Field(ge=0, le=100)] | None = since(
        3,
        "How many earlier reports of injury to this child police or partners hold (0: none found).",
        examples=[1],
    )
    injury_seen: Literal["in_person", "video_only", "photo_only", "described_only"] | None = since(
        3,
        "How an officer saw the injury: in person, only on a video call, only in a photograph, or only "
        "as described by someone else.",
        examples=["video_only"],
    )
    seen_how: Literal["in_person", "video_call"] | None = since(
        3, "How an officer saw the child: in person or only on a video call.", examples=["in_person"]
    )
    sexual_offence_disclosed: Answer = since(
        3,
        "The child (or someone on the child's behalf) disclosed a sexual offence against the child.",
        examples=[True],
    )


class AdultRole(StrEnum):
    parent = "parent"
    parental_responsibility = "parental_responsibility"
    carer = "carer"
    suspect = "suspect"
    witness = "witness"
    other = "other"
    victim = "victim"  # schema 3
    complainant = "complainant"  # schema 3


class PoliceChecks(Facts):
    """Police-system checks on one adult and what they found."""

    done: Answer = Field(None, description="PNC/PND/local checks were completed.")
    completed_at: Timestamp | None = Field(None, description="When the checks were completed.")
    systems: Annotated[list[Literal["PNC", "PND", "local"]], Field(max_length=3)] | None = records(
        "The systems searched."
    )
    warning_markers: Answer = None
    offences_against_children: Answer = None
    bail_or_court_conditions: Answer = None
    missing_person: Answer = Field(None, description="The adult is recorded as a missing person.")


class Adult(Facts):
    id: Ref = Field(description="Local identifier within this checklist, e.g. `A1`.")
    person_ref: Ref | None = since(
        3,
        "The force's own person reference for the adult (the nominal id of its records system), "
        "linked like a child's.",
        examples=["NOM-118840"],
    )
    roles: Annotated[list[AdultRole], Field(min_length=1, max_length=8)] = values_since(
        "Every role the adult has in the incident (schema 3 adds an adult victim and a complainant).",
        {"victim": 3, "complainant": 3},
        examples=[["parent", "suspect"], ["victim"]],
    )
    full_name: ShortText | None = Field(None, description="Full name, correctly spelt.")
    date_of_birth: date | None = Field(None, description="Date of birth.")
    age: Annotated[int, Field(ge=0, le=130)] | None = Field(
        None, description="Age in years (or apparent age)."
    )
    relationship_to_children: ShortText | None = Field(
        None, description="Relationship to the children (e.g. maternal aunt)."
    )
    present: Answer = Field(None, description="Present at the scene.")
    identified: Answer = Field(None, description="Identity established and recorded.")
    checks: PoliceChecks | None = Field(
        None, description="Police-system checks on this adult and their results."
    )
    arrested: Answer = None
    arrested_at: Timestamp | None = Field(None, description="When the adult was arrested.")
    intoxicated: Answer = None
    able_and_willing: Answer = Field(None, description="Sober, able and willing to care.")
    cares_for_children: Answer = Field(None, description="Has caring responsibilities.")
    dependants_established: Answer = Field(
        None, description="Dependants established and recorded in the arrest notes."
    )
    care_arranged_before_departure: Answer = None
    household_checked: Answer = Field(
        None, description="Others in the carer's household were checked (carers only)."
    )
    contact_attempted: Answer = Field(
        None, description="An attempt was made to contact this adult (absent PR holders)."
    )
    contact_outcome: ShortText | None = Field(None, description="Outcome of the contact attempt.")


class Checklist(Facts):
    """A checklist as submitted by a control-room system or an MDT, full or partial."""

    model_config = ConfigDict(json_schema_extra={"examples": EXAMPLES})

    schema_version: Literal[1, 2, 3] = Field(
        1,
        description="Checklist schema version. Version 2 adds missing children, custody, image "
        "abuse, narratives and a few fields elsewhere. Version 3 adds decisions not to act, reliance "
        "on others' word, searches of children, bail conditions, several missing children and the "
        "facts that make steps due, and tells `null` lists (not recorded) from `[]` (none). "
        "Omitted means 1.",
    )
    incident: Incident = Field(description="The incident: reference, type, grade and times.")
    call: CallHandling | None = Field(None, description="What the control room recorded.")
    children: Annotated[list[Child], Field(max_length=MAX_PEOPLE)] | None = records(
        "Every child present or normally resident."
    )
    adults: Annotated[list[Adult], Field(max_length=MAX_PEOPLE)] | None = records(
        "Every adult present or with access to the children."
    )
    scene: Scene | None = Field(None, description="What officers found and did at the scene.")
    actions: Actions | None = Field(
        None, description="Actions: referral, police protection, Operation Encompass, supervision, decisions."
    )
    missing: MissingEpisode | None = since(2, "A missing-person report about a child.")
    custody: Custody | None = since(2, "A detainee in custody: a child, or a parent or carer.")
    image_abuse: ImageAbuse | None = since(2, "A child's sexual images shared or coerced.")
    narratives: Annotated[list[Narrative], Field(max_length=MAX_ITEMS)] | None = records(
        "Free-text entries: logs, crime reports, missing reviews, notes, rationales.", version=2
    )
    missing_children: Annotated[list[MissingEpisode], Field(max_length=MAX_PEOPLE)] | None = records(
        "Several children missing in one incident: one episode per child, each with its `child_id`, "
        "risk grade and return. `missing` is the form for one child; rules read both together.",
        version=3,
        examples=[[{"child_id": "C1", "risk_grade": "high"}, {"child_id": "C2", "risk_grade": "high"}]],
    )
    searches: Annotated[list[ChildSearch], Field(max_length=MAX_ITEMS)] | None = records(
        "Searches of a child, anywhere (a strip search at school as in custody).",
        version=3,
        examples=[[{"child_id": "C1", "kind": "strip_search", "location": "school"}]],
    )

    @model_validator(mode="after")
    def _fields_match_version(self) -> Checklist:
        from app.rules import shape  # the schema walker is built from this model

        version = self.schema_version
        if version < SCHEMA_VERSION:
            newer = shape.newer_fields(self, version)
            if newer:
                needed = max(since for _, since in newer)
                paths = ", ".join(path for path, _ in newer[:5])
                raise ValueError(f"fields need schema_version {needed}: {paths}")
            nulls = shape.fill_lists(self, version)
            if nulls:
                raise ValueError(
                    f"null lists need schema_version {LISTS_NULLABLE_FROM} (omit them, or send []): "
                    f"{', '.join(nulls[:5])}"
                )
        return self

    def latest_time(self) -> datetime | None:
        """The latest time recorded anywhere in the checklist: the default ``as_of``."""
        from app.rules import shape

        return shape.latest_time(self)
