"""Checklist sections added in schema version 2: missing children, custody, image abuse, narratives.

Same conventions as version 1: every answer is optional and three-valued, times are timezone-aware,
lists and strings are bounded. These sections may only be sent with ``schema_version`` 2 or later;
fields marked ``since(3, ...)`` need version 3.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from app.rules.checklist_types import (
    MAX_ITEMS,
    Answer,
    Facts,
    FreeText,
    Ref,
    ShortText,
    Timestamp,
    records,
    since,
)
from app.rules.checklist_v3 import BailConditions, IntelCheck, ReturnInterview

MissingRiskGrade = Literal["no_apparent_risk", "very_low", "low", "medium", "high"]


class StrategyDiscussion(Facts):
    """Children Act 1989 s47: a strategy discussion with children's social care."""

    significant_harm_suspected: Answer = Field(
        None, description="There is reasonable cause to suspect the child suffers significant harm."
    )
    requested_at: Timestamp | None = Field(None, description="When police requested the discussion.")
    held_at: Timestamp | None = Field(None, description="When the discussion took place.")
    police_attended: Answer = Field(None, description="Police took part in the discussion.")
    decisions_recorded: Answer = Field(None, description="The decisions reached are recorded.")


class LinkedChildren(Facts):
    """Children beyond the household whom the suspect can reach."""

    enquiry_made: Answer = Field(
        None, description="Enquiries were made for other children the suspect can reach."
    )
    count: Annotated[int, Field(ge=0, le=100)] | None = Field(
        None, description="How many such children were identified."
    )
    included_in_referral: Answer = Field(
        None, description="They are included in the referral or strategy discussion."
    )


class MissingGradeChange(Facts):
    at: Timestamp = Field(description="When the risk grade changed.")
    from_grade: MissingRiskGrade | None = Field(None, description="Risk grade before the change.")
    to_grade: MissingRiskGrade = Field(description="Risk grade after the change.")
    reason: FreeText | None = Field(None, description="Recorded reason for the change.")
    new_information: Answer = Field(
        None, description="The change rests on new information recorded in the risk information."
    )
    supervisor_authorised: Answer = Field(None, description="A supervisor signed off the change.")
    supervisor_id: Ref | None = Field(None, description="Collar or staff number of the supervisor.")


class RiskInformation(Facts):
    content: ShortText = Field(description="What was learnt (a summary, no names).")
    source: Literal[
        "informant", "family", "carer", "previous_reports", "police_systems", "social_care", "other"
    ] = Field(description="Where the information came from.")
    obtained_at: Timestamp | None = Field(None, description="When it was obtained.")


ExploitationIndicator = Literal[
    "older_associates",
    "unexplained_gifts_or_money",
    "seen_in_vehicles",
    "repeat_missing",
    "cse_marker",
    "cce_marker",
    "substance_misuse",
    "found_out_of_area",
    "online_contact",
    "other",
]


class LocationEnquiry(Facts):
    kind: Literal["vehicle", "phone", "associates", "addresses", "cctv", "social_media", "other"] = Field(
        description="What was enquired into."
    )
    started_at: Timestamp | None = Field(None, description="When the enquiry started.")


class CrossForce(Facts):
    """A missing child believed to be in another force's area."""

    receiving_force: Annotated[str, Field(min_length=2, max_length=16, pattern=r"^[A-Z0-9_-]+$")] = Field(
        description="Force code of the area where the child is believed to be."
    )
    requested_at: Timestamp | None = Field(None, description="When the actions were requested.")
    owner_accepted: Answer = Field(
        None, description="A named officer in the receiving force accepted ownership of the actions."
    )
    owner_id: Ref | None = Field(None, description="Collar or staff number of the named owner.")
    actioned_at: Timestamp | None = Field(None, description="When the receiving force acted.")


class PreventionInterview(Facts):
    """The safe-and-well check (prevention interview) when a missing child returns."""

    done: Answer = Field(None, description="The interview took place.")
    in_person: Answer = Field(None, description="Police saw the child face to face.")
    at: Timestamp | None = Field(None, description="When it took place.")
    by_role: ShortText | None = Field(None, description="Who conducted it (role or collar number).")
    where_and_who_covered: Answer = Field(
        None, description="Where the child went and who they were with was covered."
    )
    harm_covered: Answer = Field(None, description="Any harm suffered was covered.")
    exploitation_covered: Answer = Field(None, description="Exploitation was covered.")
    safeguarding_needs_covered: Answer = Field(None, description="Safeguarding needs were covered.")
    outcome_recorded: Answer = Field(None, description="The outcome is recorded.")
    away_from_adult_found_with: Answer = since(
        3,
        "The interview was held away from the adult the child was found with or returned by.",
        examples=[True],
    )


class ExploitationIntel(Facts):
    """Disclosures about adults exploiting children, and what was done with them."""

    disclosure_made: Answer = Field(
        None, description="A disclosure or information names adults exploiting children."
    )
    intelligence_ref: Ref | None = Field(None, description="Reference of the intelligence submission.")
    investigation_owner_id: Ref | None = Field(None, description="Named investigation owner.")
    other_children_named: Answer = Field(None, description="The disclosure names other children.")
    other_children_safeguarded: Answer = Field(
        None, description="Safeguarding action was taken for the other named children."
    )
    stopped_because_turned_18: Answer = Field(
        None, description="Action stopped because the victim turned 18 (not a valid reason)."
    )
    submitted_about: (
        Annotated[
            list[Literal["adult", "vehicle", "address", "phone", "online_account", "other"]],
            Field(max_length=6),
        ]
        | None
    ) = records(
        "What the intelligence submission is about (an adult or a vehicle seen with the child...).",
        version=3,
        examples=[["adult", "vehicle"]],
    )
    submitted_at: Timestamp | None = since(
        3, "When the intelligence was submitted.", examples=["2026-12-02T10:00:00Z"]
    )


class MissingEpisode(Facts):
    """A missing-person report about a child, its risk reviews and the return."""

    reported_at: Timestamp | None = Field(None, description="When the report was taken.")
    recorded_as: Literal["missing", "absent", "not_recorded"] | None = Field(
        None, description="How the episode is recorded (`not_recorded`: no report was created)."
    )
    risk_grade: MissingRiskGrade | None = Field(None, description="The current risk grade.")
    grade_history: Annotated[list[MissingGradeChange], Field(max_length=MAX_ITEMS)] | None = records(
        "Every risk-grade change, oldest first."
    )
    risk_information: Annotated[list[RiskInformation], Field(max_length=MAX_ITEMS)] | None = records(
        "Each item of risk information with its source and time."
    )
    exploitation_indicators: Annotated[list[ExploitationIndicator], Field(max_length=10)] | None = Field(
        None, description="Exploitation indicators or markers present; [] means none found."
    )
    exploitation_considered: Answer = Field(
        None, description="Exploitation was explicitly considered in the risk assessment."
    )
    looked_after_child: Answer = Field(None, description="The child is looked after (in care).")
    social_care_involved: Answer = Field(
        None, description="Children's social care was involved in the risk assessment."
    )
    supervisor_review_at: Timestamp | None = Field(None, description="Latest supervisor review.")
    seen_with_older_adult_or_vehicle: Answer = Field(
        None, description="The child was seen leaving with an older adult or getting into a vehicle."
    )
    location_enquiries: Annotated[list[LocationEnquiry], Field(max_length=MAX_ITEMS)] | None = records(
        "Location enquiries (vehicle, phone, associates, addresses)."
    )
    location_intel_received_at: Timestamp | None = Field(
        None, description="When intelligence about where the child may be was received."
    )
    location_intel_actioned_at: Timestamp | None = Field(
        None, description="When that intelligence was acted on."
    )
    believed_in_other_force: Answer = Field(
        None, description="The child is believed to be in another force's area."
    )
    cross_force: CrossForce | None = Field(None, description="The receiving force's ownership.")
    returned_at: Timestamp | None = Field(None, description="When the child was found or returned.")
    prevention_interview: PreventionInterview | None = Field(
        None, description="The prevention interview on return."
    )
    la_notified_at: Timestamp | None = Field(
        None, description="When the local authority was notified so it can offer a return home interview."
    )
    la_notified: Answer = Field(None, description="The local authority was notified of the return.")
    repeat_missing: Answer = Field(
        None, description="The child has gone missing repeatedly (force definition)."
    )
    trigger_plan_ref: Ref | None = Field(None, description="Reference of the child's trigger plan.")
    trigger_plan_exists: Answer = Field(None, description="A trigger plan exists or was created.")
    panel_referral: Answer = Field(
        None, description="The child was referred to the missing or exploitation panel."
    )
    exploitation_intel: ExploitationIntel | None = Field(
        None, description="Exploitation disclosures and the action taken."
    )
    child_id: Ref | None = since(
        3,
        "Id of the missing child in `children[]` (needed when several children are missing).",
        examples=["C1"],
    )
    older_adult_with_child: Answer = since(
        3, "The child was seen with, or is believed to be with, an older adult.", examples=[True]
    )
    vehicle_with_child: Answer = since(
        3, "The child was seen getting into, or travelling in, a vehicle.", examples=[True]
    )
    found_with_adult: Answer = since(
        3, "The child was found with, or brought back by, an adult (not a parent or carer).", examples=[True]
    )
    intel_checks: Annotated[list[IntelCheck], Field(max_length=MAX_ITEMS)] | None = records(
        "Police-system checks made during the episode (on adults, vehicles, addresses).",
        version=3,
        examples=[
            [{"system": "PNC", "subject": "vehicle", "at": "2026-12-01T21:05:00Z", "result_recorded": True}]
        ],
    )
    return_interview: ReturnInterview | None = since(
        3, "The local authority's independent return home interview.", examples=[{"offered": True}]
    )
    closed_at: Timestamp | None = since(
        3, "When the missing-person report was closed.", examples=["2026-12-04T09:00:00Z"]
    )


class AppropriateAdult(Facts):
    appointed: Answer = Field(None, description="An appropriate adult was appointed.")
    role: Literal["parent", "guardian", "social_worker", "volunteer", "solicitor", "other"] | None = Field(
        None, description="Who the appropriate adult is (a solicitor cannot act)."
    )
    involved_in_offence: Answer = Field(
        None, description="The appropriate adult is a suspect, witness or otherwise involved."
    )
    arrived_at: Timestamp | None = Field(None, description="When they arrived at custody.")
    relationship_to_child: ShortText | None = since(
        3,
        "The appropriate adult's relationship to the child (e.g. mother, youth offending worker).",
        examples=["mother"],
    )
    conflict_of_interest: Answer = since(
        3,
        "The appropriate adult has a conflict (e.g. a parent of a co-accused, a victim's relative).",
        examples=[False],
    )
    conflict: Literal["parent_of_co_accused", "victim_or_witness", "involved_in_offence", "other"] | None = (
        since(3, "The kind of conflict, where there is one.", examples=["parent_of_co_accused"])
    )


class CustodyInterview(Facts):
    at: Timestamp = Field(description="When the interview started.")
    aa_present: Answer = Field(None, description="The appropriate adult was present.")
    code_c_exception: Answer = Field(
        None, description="An urgent-interview exception under PACE Code C was authorised."
    )


class Custody(Facts):
    """A detainee in custody: a child detainee, or a detained parent or carer."""

    booked_in_at: Timestamp | None = Field(None, description="When the detainee was booked in.")
    apparent_age: Annotated[int, Field(ge=0, le=130)] | None = Field(
        None, description="The detainee's age or apparent age."
    )
    appears_under_18: Answer = Field(None, description="The detainee is or appears to be under 18.")
    treated_as_child: Answer = Field(None, description="The detainee is treated as a child.")
    sex: Literal["female", "male", "other"] | None = Field(None, description="The detainee's sex.")
    caring_responsibilities_asked: Answer = Field(
        None, description="Booking-in asked about dependants and caring responsibilities."
    )
    has_dependants: Answer = Field(None, description="The detainee cares for children.")
    dependants_care_arranged: Answer = Field(None, description="Care for the dependants is arranged.")
    welfare_person_notified_at: Timestamp | None = Field(
        None, description="When the person responsible for the child's welfare was told."
    )
    welfare_person_notified: Answer = Field(
        None, description="The person responsible for the child's welfare was told."
    )
    appropriate_adult: AppropriateAdult | None = Field(None, description="The appropriate adult.")
    interviews: Annotated[list[CustodyInterview], Field(max_length=20)] | None = records(
        "Interviews in custody."
    )
    under_care_of_woman: Answer = Field(None, description="A girl is under the care of a woman.")
    separated_from_adults: Answer = Field(
        None, description="The child is kept from associating with adult detainees."
    )
    voluntary_interview_considered: Answer = Field(
        None, description="A voluntary interview was considered instead of arrest or detention."
    )
    charged: Answer = Field(None, description="The detainee was charged.")
    charged_at: Timestamp | None = Field(None, description="When the detainee was charged.")
    bail_refused: Answer = Field(None, description="Bail was refused after charge.")
    la_accommodation_requested_at: Timestamp | None = Field(
        None, description="When local authority accommodation was requested."
    )
    transfer_done: Answer = Field(None, description="The child was moved to local authority accommodation.")
    transferred_at: Timestamp | None = Field(None, description="When the child was moved.")
    s38_7_certificate: Answer = Field(
        None, description="The custody officer issued a PACE s38(7) certificate."
    )
    not_transferred_reason: (
        Literal["no_accommodation", "secure_needed_unavailable", "behaviour", "offence_nature", "other"]
        | None
    ) = Field(None, description="Why no transfer (behaviour and offence nature are not impracticability).")
    released_at: Timestamp | None = Field(None, description="When the detainee left custody.")
    child_id: Ref | None = since(
        3,
        "Id of the detainee in `children[]` when the detainee is a child of this checklist.",
        examples=["C2"],
    )
    bail: BailConditions | None = since(
        3,
        "Bail in this case and whether its conditions protect children.",
        examples=[{"bailed": True, "conditions_set": True, "protect_children": False}],
    )


class AggravatingFactors(Facts):
    """Factors that rule out Outcome 21 for youth-produced imagery."""

    coercion: Answer = None
    exploitation: Answer = None
    adult_involvement: Answer = None
    profit: Answer = None
    malice: Answer = None
    persistence: Answer = None


class NcaReferral(Facts):
    risk_level: Literal["very_high", "high", "medium", "low"] | None = Field(
        None, description="Risk level of the NCA referral."
    )
    received_at: Timestamp | None = Field(None, description="When the force received it.")
    actioned_at: Timestamp | None = Field(None, description="When the force acted on it.")


class ImageAbuse(Facts):
    """A child's sexual images shared or coerced."""

    reported_at: Timestamp | None = Field(None, description="When the report was made.")
    coerced: Answer = Field(None, description="The images were coerced or obtained by grooming.")
    owner_assigned_at: Timestamp | None = Field(
        None, description="When a named investigation owner was allocated."
    )
    owner_id: Ref | None = Field(None, description="Collar number of the investigation owner.")
    victim_csc_referred: Answer = Field(
        None, description="The victim was referred to children's social care."
    )
    victim_school_informed: Answer = Field(
        None, description="The victim's school was informed (designated safeguarding lead)."
    )
    suspect_identified: Answer = Field(None, description="A suspect is identified.")
    suspect_is_child: Answer = Field(None, description="The suspect is a child.")
    suspect_risk_assessed: Answer = Field(
        None, description="The continuing risk from the suspect was assessed."
    )
    other_victims_sought: Answer = Field(None, description="Enquiries sought other victims.")
    nca_referral: NcaReferral | None = Field(None, description="A referral from the NCA.")
    youth_produced: Answer = Field(None, description="Youth-produced imagery (children only).")
    aggravating_factors: AggravatingFactors | None = Field(
        None, description="The aggravating-factor checklist."
    )
    outcome: Literal["outcome_21", "charge", "caution", "community_resolution", "nfa", "other"] | None = (
        Field(None, description="The investigation outcome.")
    )
    distributed: Answer = since(
        3, "The images were distributed beyond the person they were first sent to.", examples=[True]
    )
    suspect_child_id: Ref | None = since(3, "Id of a child suspect in `children[]`.", examples=["C2"])
    closed_at: Timestamp | None = since(
        3, "When the image-abuse report was closed.", examples=["2026-12-20T10:00:00Z"]
    )


class Narrative(Facts):
    """A free-text entry, as saved; scanned by the narrative language check."""

    kind: Literal["log", "crime_report", "missing_review", "supervisor_note", "rationale"] = Field(
        description="What the text is."
    )
    text: FreeText = Field(description="The text as written.")
    at: Timestamp | None = Field(None, description="When it was written.")
