"""Full example checklists, shown in the OpenAPI schema (invented people only).

Kept valid by tests/rules/test_checklist_schema.py.
"""

from __future__ import annotations

from typing import Any

from pydantic import JsonValue

SCENE_DEPARTURE: dict[str, Any] = {
    "schema_version": 3,
    "incident": {
        "reference": "LOG-SCN-A",
        "force": "WMP",
        "type": "neighbour_dispute",
        "at_dwelling": True,
        "reported_at": "2025-02-14T22:00:00Z",
        "attended_at": "2025-02-14T22:30:00Z",
        "departed_at": "2025-02-14T23:30:00Z",
    },
    "call": {"children_asked_about": True, "children_present": "yes", "children_count": 2},
    "children": [
        {
            "id": "C1",
            "present": True,
            "identified": True,
            "seen": True,
            "seen_at": "2025-02-14T22:40:00Z",
            "observations": "Awake in the front room.",
            "responsible_adult_id": "A5",
            "full_name": "Amara Keel",
            "date_of_birth": "2013-04-02",
            "address_recorded": True,
            "relationship_to_adults": "child of A1",
            "spoken_to": True,
            "not_spoken_to_reason": None,
            "account": "Said the shouting was next door.",
        },
        {
            "id": "C2",
            "present": True,
            "identified": True,
            "seen": True,
            "seen_at": "2025-02-14T22:40:00Z",
            "observations": "Awake in the front room.",
            "responsible_adult_id": "A5",
            "full_name": "Tobias Keel",
            "date_of_birth": "2015-09-19",
            "address_recorded": True,
            "relationship_to_adults": "child of A1",
            "spoken_to": False,
            "not_spoken_to_reason": "Asleep when checked; seen again with the mother present.",
        },
    ],
    "adults": [
        {
            "id": "A1",
            "roles": ["parent", "suspect"],
            "present": True,
            "identified": True,
            "arrested": True,
            "arrested_at": "2025-02-14T22:50:00Z",
            "cares_for_children": True,
            "dependants_established": True,
            "care_arranged_before_departure": True,
            "checks": {
                "done": True,
                "completed_at": "2025-02-14T23:05:00Z",
                "systems": ["PNC", "PND", "local"],
                "warning_markers": False,
                "offences_against_children": False,
                "bail_or_court_conditions": False,
                "missing_person": False,
            },
        },
        {
            "id": "A3",
            "roles": ["other"],
            "age": 19,
            "present": True,
            "identified": True,
            "checks": {
                "done": True,
                "completed_at": "2025-02-14T23:05:00Z",
                "systems": ["PNC", "PND", "local"],
                "warning_markers": False,
                "offences_against_children": False,
                "bail_or_court_conditions": False,
                "missing_person": False,
            },
            "household_checked": True,
            "full_name": "Jordan Pike",
        },
        {
            "id": "A5",
            "roles": ["parent"],
            "relationship_to_children": "mother of C1-C3",
            "present": True,
            "contact_attempted": True,
            "identified": True,
            "checks": {
                "done": True,
                "completed_at": "2025-02-14T23:05:00Z",
                "systems": ["PNC", "PND", "local"],
                "warning_markers": False,
                "offences_against_children": False,
                "bail_or_court_conditions": False,
                "missing_person": False,
            },
            "full_name": "Hana Keel",
            "contact_outcome": "Came home at 23:15 and took over the children's care.",
            "intoxicated": False,
            "able_and_willing": True,
        },
    ],
    "scene": {
        "all_children_accounted": True,
        "children_left_with_non_pr_carer": False,
        "parental_responsibility_established": True,
    },
    "actions": {
        "referral": {
            "made": True,
            "at": "2025-02-14T23:20:00Z",
            "method": "phone",
            "recipient": "Emergency duty team",
            "reference": "EDT-25-0412",
        },
        "decisions": {
            "rationale": "Children stay with their mother, who was checked and is sober.",
            "no_removal_decision": True,
            "supervisor_agreed_no_removal": True,
        },
    },
}

MISSING_CHILD_RETURNED: dict[str, Any] = {
    "schema_version": 3,
    "incident": {
        "reference": "LOG-SCN-B",
        "force": "WMP",
        "type": "missing_person",
        "reported_at": "2025-01-10T23:00:00Z",
    },
    "children": [{"id": "C1", "age": 15, "full_name": "Skye Farrant"}],
    "missing": {
        "reported_at": "2025-01-10T23:00:00Z",
        "recorded_as": "missing",
        "risk_grade": "high",
        "exploitation_indicators": ["seen_in_vehicles", "older_associates", "repeat_missing"],
        "exploitation_considered": True,
        "looked_after_child": True,
        "social_care_involved": True,
        "seen_with_older_adult_or_vehicle": True,
        "location_enquiries": [
            {"kind": "vehicle", "started_at": "2025-01-10T23:05:00Z"},
            {"kind": "phone", "started_at": "2025-01-10T23:15:00Z"},
        ],
        "returned_at": "2025-01-11T14:00:00Z",
        "prevention_interview": {
            "done": True,
            "in_person": True,
            "at": "2025-01-11T16:00:00Z",
            "by_role": "PC 3391",
            "where_and_who_covered": True,
            "harm_covered": True,
            "exploitation_covered": True,
            "safeguarding_needs_covered": True,
            "outcome_recorded": True,
        },
        "la_notified": True,
        "repeat_missing": True,
        "supervisor_review_at": "2025-01-10T23:40:00Z",
        "risk_information": [
            {
                "content": "Staff saw her get into a silver car at 22:40",
                "source": "carer",
                "obtained_at": "2025-01-10T23:02:00Z",
            },
            {
                "content": "Three previous episodes; linked to older males",
                "source": "police_systems",
                "obtained_at": "2025-01-10T23:10:00Z",
            },
        ],
        "la_notified_at": "2025-01-11T17:00:00Z",
        "trigger_plan_exists": True,
        "trigger_plan_ref": "TP-0911",
        "panel_referral": True,
        "exploitation_intel": {
            "intelligence_ref": "INT-0911",
            "submitted_about": ["vehicle", "adult"],
            "submitted_at": "2025-01-11T17:30:00Z",
        },
    },
    "actions": {
        "referral": {
            "made": True,
            "at": "2025-01-11T17:00:00Z",
            "method": "phone",
            "reference": "MASH-0911",
        },
    },
}

# Schema 3: a call about an injured baby handled without attendance, on a health visitor's word, and
# a father bailed. What was decided *not* to do is recorded with its reasons, and lists say "none" ([])
# where none were found; `adults` is left out because it was not recorded.
NOT_ATTENDED_INJURED_BABY: dict[str, Any] = {
    "schema_version": 3,
    "incident": {
        "reference": "LOG-SCN-C",
        "force": "WMP",
        "type": "child_abuse",
        "at_dwelling": True,
        "harm_alleged": True,
        "reported_at": "2026-12-01T09:10:00Z",
        "closed_at": "2026-12-01T15:00:00Z",
        "grade_history": [
            {
                "at": "2026-12-01T10:00:00Z",
                "from_grade": "priority",
                "to_grade": "resolution_without_deployment",
                "downgrade": True,
                "reason": "Health visitor to see the baby this afternoon.",
                "child_safety_confirmed": True,
                "child_safety_method": "video_call",
            }
        ],
    },
    "children": [
        {
            "id": "C1",
            "age": 0,
            "non_mobile": True,
            "previous_injury_reports": 1,
            "injuries_observed": True,
            "injury_seen": "video_only",
            "seen": True,
            "seen_how": "video_call",
            "roles": ["victim"],
        }
    ],
    "actions": {
        "referral": {"made": True, "at": "2026-12-01T10:30:00Z", "family_assurance_relied_on": False},
        "decisions": {
            "not_to_attend": {
                "taken": True,
                "at": "2026-12-01T10:00:00Z",
                "rationale": "Health visitor due today; mother calm on the call.",
                "supervisor_agreed": False,
            },
            "rely_on_other_agency": {"taken": True, "agency": "health", "children_seen_by_agency": None},
        },
    },
    "custody": {
        "booked_in_at": "2026-12-01T12:00:00Z",
        "appears_under_18": False,
        "bail": {
            "bailed": True,
            "conditions_set": True,
            "conditions": ["residence"],
            "protect_children": False,
        },
    },
    "narratives": [],
}

EXAMPLES: list[JsonValue] = [SCENE_DEPARTURE, MISSING_CHILD_RETURNED, NOT_ATTENDED_INJURED_BABY]
