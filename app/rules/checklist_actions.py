"""Checklist parts for what officers found and did: the scene, and the actions that followed.

Split from ``checklist.py`` to keep modules small; same conventions (optional three-valued answers,
bounded strings, fields added after version 1 marked with ``since``).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from app.rules.checklist_types import Answer, Facts, FreeText, Ref, ShortText, Timestamp, since
from app.rules.checklist_v2 import LinkedChildren, StrategyDiscussion
from app.rules.checklist_v3 import DecisionsV3

# What children's social care decided on a referral (schema 3); also counted by the history facts.
ReferralOutcome = Literal[
    "no_further_action",
    "information_and_advice",
    "early_help",
    "assessment",
    "strategy_discussion",
    "child_protection_enquiry",
]


class Referral(Facts):
    made: Answer = Field(None, description="Referral or notification made to children's social care.")
    at: Timestamp | None = Field(None, description="When the referral was made.")
    method: Literal["phone", "online", "email", "in_person", "mash_form"] | None = Field(
        None, description="How the referral was made."
    )
    recipient: ShortText | None = Field(
        None, description="Who received the referral (team or role, not a name)."
    )
    reference: Ref | None = Field(None, description="Children's social care reference number.")
    other_agency_involved: Answer = Field(
        None, description="Another agency is already involved (a referral is still required)."
    )
    csc_decision_at: Timestamp | None = since(
        2, "When children's social care acknowledged the referral and decided next steps."
    )
    escalated_at: Timestamp | None = since(
        2, "When police chased or escalated a referral not acknowledged in time."
    )
    outcome: ReferralOutcome | None = since(
        3,
        "What children's social care decided on the referral, once known.",
        examples=["assessment"],
    )
    family_assurance_relied_on: Answer = since(
        3,
        "Police relied on a family member's assurance (that the child is safe, or that the concern "
        "was already shared) instead of referring or checking themselves.",
        examples=[False],
    )


class CarerConsultation(Facts):
    csc_consulted: Answer = Field(
        None, description="Children's social care or the out-of-hours team was consulted."
    )
    consulted_at: Timestamp | None = Field(None, description="When children's social care was consulted.")
    consulted_role: ShortText | None = Field(
        None, description="Role of the person consulted (e.g. emergency duty team social worker)."
    )


class HomeConditions(Facts):
    recorded: Answer = None
    hazards: FreeText | None = Field(None, description="Hazards observed in the home.")
    basic_needs_met: Answer = None
    notes: FreeText | None = Field(None, description="Other observations of the home.")


class EvidenceCapture(Facts):
    body_worn_video: Answer = None
    bwv_reference: Ref | None = Field(None, description="Body-worn video reference.")
    photographs: Annotated[int, Field(ge=0, le=10_000)] | None = Field(
        None, description="How many photographs of the child's environment were taken."
    )


class Access(Facts):
    refused: Answer = Field(None, description="Access to a child was refused.")
    power: Literal["pace_s17_1_e", "pace_s17_other", "children_act_s46", "warrant", "none"] | None = Field(
        None, description="The power considered or used to gain access."
    )
    rationale: FreeText | None = Field(None, description="Why that power was, or was not, used.")


class Scene(Facts):
    """What officers found and did at the scene."""

    all_children_accounted: Answer = Field(
        None, description="Every child present or normally resident has been accounted for."
    )
    parental_responsibility_established: Answer = None
    home_conditions: HomeConditions | None = Field(
        None, description="Home conditions, hazards and basic needs."
    )
    evidence: EvidenceCapture | None = Field(None, description="Body-worn video and photographs.")
    access: Access | None = Field(None, description="Access to a child refused, and the power considered.")
    carer_consultation: CarerConsultation | None = Field(
        None, description="Consultation with children's social care about a carer."
    )
    children_left_with_non_pr_carer: Answer = Field(
        None, description="Children are being left with someone without parental responsibility."
    )


class PoliceProtection(Facts):
    used: Answer = Field(None, description="Children Act 1989 s46 police protection was used.")
    grounds: FreeText | None = Field(
        None, description="The grounds: why the child would otherwise be likely to suffer significant harm."
    )
    started_at: Timestamp | None = Field(None, description="When police protection started.")
    ended_at: Timestamp | None = Field(
        None, description="When police protection ended (release or handover)."
    )
    initiating_officer_id: Ref | None = Field(
        None, description="Collar number of the officer who took the child into police protection."
    )
    designated_officer_id: Ref | None = Field(
        None, description="Collar number of the designated officer who inquires into the case."
    )
    la_where_found_informed_at: Timestamp | None = Field(
        None, description="When the local authority where the child was found was informed."
    )
    la_where_resident_informed_at: Timestamp | None = Field(
        None, description="When the local authority where the child ordinarily lives was informed."
    )
    child_informed: Answer = None
    wishes_and_feelings_sought: Answer = None
    accommodation: Literal["la_accommodation", "refuge", "police_station", "other"] | None = Field(
        None, description="Where the child is accommodated."
    )
    police_station_reason: FreeText | None = Field(
        None, description="The exceptional reason for keeping the child at a police station."
    )
    parents_informed: Answer = None
    reviewed_at: Timestamp | None = Field(None, description="When the designated officer reviewed the case.")
    epo_considered: Answer = None
    threshold_met: Answer = since(
        2,
        "The officer recorded reasonable cause to believe the child would otherwise be likely to "
        "suffer significant harm (false: police protection used without that belief).",
    )
    la_where_found_informed: Answer = since(
        2, "The local authority where the child was found was told of the steps taken and why."
    )
    la_where_resident_informed: Answer = since(
        2, "The local authority where the child ordinarily lives was told where the child is."
    )
    same_local_authority: Answer = since(
        2, "The child was found in the area of the local authority where they ordinarily live."
    )
    child_able_to_understand: Answer = since(
        2, "The child is able to understand what is happening (false: e.g. an infant)."
    )


class Encompass(Facts):
    required: Answer = Field(
        None, description="A child of school age was involved in a domestic abuse incident."
    )
    sent: Answer = None
    sent_at: Timestamp | None = Field(None, description="When the notice was sent to the school.")
    school: ShortText | None = Field(None, description="The school notified.")
    content_complete: Answer = since(
        2,
        "The notice gave the child's name and date of birth, presence, and whether a welfare check was made.",
    )


class Supervision(Facts):
    supervisor_informed: Answer = None
    supervisor_id: Ref | None = Field(None, description="Collar or staff number of the reviewing supervisor.")
    reviewed_at: Timestamp | None = Field(
        None, description="When the supervisor reviewed the safeguarding decisions."
    )
    notes: FreeText | None = Field(None, description="The supervisor's notes.")
    open_items_checked: Answer = since(
        2,
        "The supervisor checked open items (child not seen, referral without reference, carer "
        "checks, Operation Encompass) before sign-off.",
    )
    signed_off: Answer = since(2, "The supervisor signed off the safeguarding decisions.")


class Decisions(DecisionsV3):
    rationale: FreeText | None = Field(None, description="Decisions taken and the reasons for them.")
    no_removal_decision: Answer = Field(None, description="A decision was taken not to remove a child.")
    supervisor_agreed_no_removal: Answer = None


class Actions(Facts):
    referral: Referral | None = Field(None, description="Referral to children's social care.")
    police_protection: PoliceProtection | None = Field(
        None, description="Children Act 1989 s46 police protection."
    )
    encompass: Encompass | None = Field(None, description="Operation Encompass notice to the school.")
    supervision: Supervision | None = Field(None, description="Supervisory review.")
    decisions: Decisions | None = Field(None, description="Decisions taken and their rationale.")
    strategy_discussion: StrategyDiscussion | None = since(2, "Children Act 1989 s47 strategy discussion.")
    linked_children: LinkedChildren | None = since(
        2, "Children beyond the household whom the suspect can reach."
    )
