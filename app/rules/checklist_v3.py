"""Checklist parts added in schema version 3 (and the intelligence check, shared by versions 1 to 3).

Version 3 records what published investigations found missing and earlier versions could not say:
decisions *not* to act (refer, attend, or see the children oneself), reliance on another person's
word, conflicts of an appropriate adult, searches of children outside custody, bail conditions,
several missing children in one incident, and the facts that make a step due without waiting for an
officer's own judgement (a non-mobile child, previous injuries, an injury seen only on video).
Same conventions as before: every answer optional and three-valued, times timezone-aware, bounded
lists and strings; from version 3 a list is ``null`` (not recorded) or a list (``[]``: none).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from app.rules.checklist_types import (
    Answer,
    Facts,
    FreeText,
    Ref,
    Timestamp,
    records,
    since,
    values_since,
)


class IntelCheck(Facts):
    """One police-system search made for the incident and whether its result is recorded."""

    system: Literal["PNC", "PND", "local", "child_protection", "marac", "missing_persons", "other"] = Field(
        description="Which police system was searched.", examples=["PNC"]
    )
    subject: Literal["address", "child", "adult", "vehicle"] = values_since(
        "What was searched: the address, a child, an adult or (schema 3) a vehicle seen with a child.",
        {"vehicle": 3},
        examples=["vehicle"],
    )
    at: Timestamp | None = Field(None, description="When the check was made.")
    result_recorded: Answer = None


class NegativeDecision(Facts):
    """A recorded decision *not* to do something the policy expects, with its reasons and oversight."""

    taken: Answer = since(
        3, "The decision was taken (true), or was considered and not taken (false).", examples=[True]
    )
    at: Timestamp | None = since(3, "When the decision was taken.", examples=["2026-12-01T22:40:00Z"])
    rationale: FreeText | None = since(
        3,
        "Why: the facts and the risk assessment the decision rests on.",
        examples=[
            "Both children seen by the health visitor the same afternoon; no injury; mother protective."
        ],
    )
    supervisor_agreed: Answer = since(3, "A supervisor agreed the decision.", examples=[True])
    supervisor_id: Ref | None = since(3, "Collar or staff number of the supervisor.", examples=["S1234"])


class RelianceOnAgency(NegativeDecision):
    """Relying on another agency's visit instead of officers seeing the children themselves."""

    agency: Literal["childrens_social_care", "health", "education", "ambulance", "other"] | None = since(
        3, "The agency whose visit was relied on.", examples=["health"]
    )
    children_seen_by_agency: Answer = since(
        3, "The agency confirms it saw every child in person (not by phone).", examples=[True]
    )


class DecisionsV3(Facts):
    """Schema 3 decisions (mixed into ``Decisions``): not to refer, not to attend, rely on another agency."""

    not_to_refer: NegativeDecision | None = since(
        3,
        "A decision not to refer to children's social care.",
        examples=[{"taken": True, "rationale": "..."}],
    )
    not_to_attend: NegativeDecision | None = since(
        3, "A decision not to deploy officers to see the child.", examples=[{"taken": True}]
    )
    rely_on_other_agency: RelianceOnAgency | None = since(
        3,
        "A decision to rely on another agency's visit to check the children.",
        examples=[{"taken": True, "agency": "health", "children_seen_by_agency": True}],
    )


class ReturnInterview(Facts):
    """The independent return home interview offered by the local authority after a missing episode."""

    offered: Answer = since(3, "The local authority offered a return home interview.", examples=[True])
    held_at: Timestamp | None = since(3, "When it was held.", examples=["2026-12-03T16:00:00Z"])
    away_from_adult_found_with: Answer = since(
        3,
        "It was held away from the adult the child was found with or returned by.",
        examples=[True],
    )


class BailConditions(Facts):
    """Bail after arrest or charge in this case, and whether its conditions protect children."""

    bailed: Answer = since(3, "The detainee was released on bail in this case.", examples=[True])
    conditions_set: Answer = since(3, "Bail conditions were set.", examples=[True])
    conditions: (
        list[
            Literal[
                "no_contact_victim", "no_contact_children", "exclusion_zone", "residence", "curfew", "other"
            ]
        ]
        | None
    ) = records("The conditions set.", version=3, examples=[["no_contact_children", "exclusion_zone"]])
    protect_children: Answer = since(
        3,
        "The conditions protect the children at risk from the detainee (false: they do not cover them).",
        examples=[True],
    )
    children_considered: Answer = since(
        3, "The children at risk were considered when the bail decision was made.", examples=[True]
    )


class ChildSearch(Facts):
    """A search of a child outside or inside custody (e.g. a strip search at school): juvenile safeguards."""

    child_id: Ref | None = since(3, "Id of the child in `children[]`.", examples=["C1"])
    kind: Literal["strip_search", "more_thorough_search", "intimate_search", "stop_and_search"] | None = (
        since(3, "What kind of search.", examples=["strip_search"])
    )
    location: Literal["school", "street", "home", "custody", "vehicle", "other"] | None = since(
        3, "Where the search took place.", examples=["school"]
    )
    at: Timestamp | None = since(3, "When the search took place.", examples=["2026-12-01T11:20:00Z"])
    appropriate_adult_present: Answer = since(
        3, "An appropriate adult was present (PACE Code C Annex A, Code A).", examples=[True]
    )
    urgency_exception: Answer = since(
        3,
        "The search was urgent because of a risk of serious harm and could not wait for the adult.",
        examples=[False],
    )
    supervisor_authorised: Answer = since(3, "A supervisor authorised the search.", examples=[True])
    same_sex_officers: Answer = since(3, "Only officers of the child's sex were present.", examples=[True])
    parent_informed: Answer = since(
        3, "A parent or the person responsible for the child's welfare was told.", examples=[True]
    )
    safeguarding_considered: Answer = since(
        3, "The child's welfare and a safeguarding referral were considered.", examples=[True]
    )
    reason: FreeText | None = since(
        3, "The grounds for the search.", examples=["Smell of cannabis reported by staff."]
    )
