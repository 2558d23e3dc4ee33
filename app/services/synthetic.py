"""Synthetic incidents for demos, tests and benchmarks: invented people, realistic shapes.

Each incident is one of a handful of scenario types (domestic abuse with children, a neighbour
dispute with both carers arrested, a welfare check, neglect, a downgraded call, police protection),
done with good, mixed or poor practice: each step is done, recorded as not done, or left unrecorded
with probabilities set by the practice level. Everything comes from one ``random.Random(seed)``, so
the same seed gives the same incidents. Names are drawn from invented lists; no real person.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

FORCES = ("NORTHSHIRE", "EASTVALE", "WESTMARCH", "SOUTHDALE")
FIRST_NAMES = (
    "Arlo", "Brynn", "Caspian", "Delphine", "Ellery", "Fenna", "Gideon", "Hollis", "Isolde", "Jory",
    "Kestrel", "Linnea", "Marlow", "Niamh", "Oren", "Perrin", "Quilla", "Rowan", "Saskia", "Tamsin",
)  # fmt: skip
SURNAMES = (
    "Ashdown", "Brackley", "Corriven", "Dunmore", "Elsworth", "Fairlow", "Grennock", "Hadleigh",
    "Ivesby", "Jessamy", "Kilbride", "Lowmoor", "Marchbank", "Netherby", "Orrell", "Pendry",
)  # fmt: skip
SCHOOLS = ("Larkfield Primary", "Hollin Brook Academy", "St Aldric's Infants", "Moorgate Primary")
PRACTICE = {"good": 0.95, "mixed": 0.7, "poor": 0.35}
SCENARIOS = ("domestic_abuse", "carers_arrested", "welfare", "neglect", "downgrade", "police_protection")
START = datetime(2025, 1, 6, tzinfo=UTC)
SPAN_DAYS = 700  # to early December 2026: both sides of a rule-set change in 2026


@dataclass(frozen=True, slots=True)
class SyntheticIncident:
    reference: str
    force: str
    scenario: str
    practice: str
    hook: str
    checklist: dict[str, Any]
    reported_at: datetime
    as_of: datetime  # the latest time recorded in the checklist, as ``Checklist.latest_time`` finds


class _Maker:
    def __init__(self, rng: random.Random, practice: str) -> None:
        self.rng, self.p = rng, PRACTICE[practice]
        self.latest: datetime | None = None

    def at(self, value: datetime) -> str:
        """A recorded time, remembered so the checklist's latest time is known without a walk."""
        if self.latest is None or value > self.latest:
            self.latest = value
        return value.isoformat()

    def answer(self) -> bool | None:
        """Done, recorded as not done, or (sometimes) not recorded at all."""
        roll = self.rng.random()
        if roll < 0.08:
            return None
        return roll < 0.08 + self.p * 0.92

    def name(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(SURNAMES)}"

    def child(self, n: int, at: datetime, adult_ids: list[str]) -> dict[str, Any]:
        age = self.rng.randint(0, 16)
        identified = self.answer()
        spoken = None if age < 3 else self.answer()
        return {
            "id": f"C{n}",
            "full_name": self.name() if identified else None,
            "date_of_birth": (at.date() - timedelta(days=365 * age + self.rng.randint(0, 364))).isoformat()
            if identified
            else None,
            "age": age,
            "address_recorded": self.answer(),
            "school": self.rng.choice(SCHOOLS) if age >= 4 else None,
            "present": True,
            "identified": identified,
            "seen": self.answer(),
            "seen_at": self.at(at + timedelta(minutes=self.rng.randint(1, 30))),
            "spoken_to": spoken,
            "not_spoken_to_reason": "pre-verbal" if age < 3 else None,
            "account": "Said they heard shouting and went upstairs." if spoken else None,
            "risk_assessed": self.answer(),
            "responsible_adult_id": self.rng.choice(adult_ids) if adult_ids and self.answer() else None,
            "recorded_as_victim": self.answer(),
        }

    def adult(self, n: int, roles: list[str], at: datetime, *, young: bool = False) -> dict[str, Any]:
        identified = self.answer()
        done = self.answer()
        return {
            "id": f"A{n}",
            "roles": roles,
            "full_name": self.name() if identified else None,
            "age": self.rng.randint(18, 21) if young else self.rng.randint(22, 55),
            "present": True,
            "identified": identified,
            "checks": {
                "done": done,
                "completed_at": self.at(at + timedelta(minutes=self.rng.randint(5, 60))) if done else None,
                "systems": ["PNC", "PND", "local"] if done else [],
                "warning_markers": self.rng.random() < 0.2 if done else None,
                "missing_person": (self.rng.random() < 0.1) if done else None,
            },
            "intoxicated": self.rng.random() < 0.15,
            "able_and_willing": self.answer(),
            "cares_for_children": "carer" in roles or "parent" in roles,
        }


def incident(rng: random.Random, n: int, reported: datetime) -> SyntheticIncident:
    """One synthetic incident with its checklist (schema version 2) and the hook it is scored at."""
    scenario = rng.choice(SCENARIOS)
    practice = rng.choices(("good", "mixed", "poor"), weights=(3, 4, 3))[0]
    make = _Maker(rng, practice)
    force = rng.choice(FORCES)
    attended = reported + timedelta(minutes=rng.randint(8, 90))
    departed = attended + timedelta(minutes=rng.randint(30, 180))
    reference = f"{force[:3]}-{reported:%Y%m%d}-{n:07d}"
    adults: list[dict[str, Any]] = []
    if scenario == "carers_arrested":
        adults = [
            make.adult(1, ["parent", "suspect"], attended),
            make.adult(2, ["parent", "suspect"], attended),
        ]
        adults += [make.adult(3 + i, ["carer"], attended, young=True) for i in range(rng.randint(1, 2))]
        for a in adults[:2]:
            a["arrested"], a["arrested_at"] = True, make.at(attended + timedelta(minutes=20))
            a["dependants_established"] = make.answer()
            a["care_arranged_before_departure"] = make.answer()
    elif scenario != "downgrade":
        adults = [make.adult(1, ["parent"], attended)]
        if scenario == "domestic_abuse":
            adults.append(make.adult(2, ["suspect"], attended))
    carer_ids = [a["id"] for a in adults if "suspect" not in a["roles"]]
    count = rng.randint(1, 5)
    # A downgraded call is scored before anyone attends: the control room knows only the count.
    children = (
        [] if scenario == "downgrade" else [make.child(i + 1, attended, carer_ids) for i in range(count)]
    )
    checklist: dict[str, Any] = {
        "schema_version": 2,
        "incident": {
            "reference": reference,
            "force": force,
            "type": {
                "carers_arrested": "neighbour_dispute",
                "welfare": "welfare_concern",
                "neglect": "child_neglect",
                "downgrade": "assault",
                "police_protection": "child_abuse",
            }.get(scenario, "domestic_abuse"),
            "at_dwelling": scenario != "downgrade",
            "domestic_abuse": scenario == "domestic_abuse",
            "flagged_child_concern": make.answer(),
            "parties_recorded": make.answer(),
            "grade": "priority",
            "reported_at": make.at(reported),
        },
        "call": {
            "children_asked_about": make.answer(),
            "children_present": "yes",
            "children_count": count,
            "children_asked_at": make.at(reported + timedelta(minutes=2)),
            "briefing_passed_to_units": make.answer(),
        },
        "children": children,
        "adults": adults,
    }
    hook = "scene.depart"
    if scenario == "downgrade":
        hook = "call.regrade_or_close"
        at = reported + timedelta(hours=rng.randint(1, 6))
        checklist["incident"]["grade_history"] = [
            {
                "at": make.at(at),
                "from_grade": "priority",
                "to_grade": "scheduled",
                "downgrade": True,
                "reason": "Units committed elsewhere." if make.answer() else None,
                "risk_reassessed": make.answer(),
                "checks_completed": make.answer(),
                "child_safety_confirmed": make.answer(),
                "supervisor_authorised": make.answer(),
            }
        ]
        checklist["incident"]["grade"] = "scheduled"
    else:
        checklist["incident"]["attended_at"] = make.at(attended)
        checklist["incident"]["departed_at"] = make.at(departed)
        checklist["scene"] = {
            "all_children_accounted": make.answer(),
            "parental_responsibility_established": make.answer(),
            "children_left_with_non_pr_carer": scenario == "carers_arrested",
            "carer_consultation": {"csc_consulted": make.answer()},
            "home_conditions": {"recorded": make.answer(), "basic_needs_met": make.answer()},
        }
        made = make.answer()
        checklist["actions"] = {
            "referral": {
                "made": made,
                "at": make.at(departed - timedelta(minutes=5)) if made else None,
                "method": "phone" if made else None,
                "reference": f"CSC-{n:07d}" if made and make.answer() else None,
            },
            "supervision": {"supervisor_informed": make.answer()},
        }
        if scenario == "police_protection":
            checklist["actions"]["police_protection"] = {
                "used": True,
                "grounds": "Child found alone at night; likely significant harm." if make.answer() else None,
                "started_at": make.at(departed),
                "initiating_officer_id": "PC1024",
                "designated_officer_id": rng.choice(["INSP207", "PC1024"]),
                "child_informed": make.answer(),
                "wishes_and_feelings_sought": make.answer(),
                "accommodation": rng.choice(["la_accommodation", "police_station"]),
                "parents_informed": make.answer(),
            }
    assert make.latest is not None
    return SyntheticIncident(reference, force, scenario, practice, hook, checklist, reported, make.latest)


def incidents(count: int, seed: int = 20261122, start: int = 1) -> Iterator[SyntheticIncident]:
    """``count`` incidents numbered from ``start``, spread in time order over ``SPAN_DAYS``.

    A generator, so memory stays flat however many are made.
    """
    rng = random.Random(seed)
    step = timedelta(days=SPAN_DAYS) / max(count, 1)
    for i in range(count):
        reported = START + step * i + timedelta(minutes=rng.randrange(60))
        yield incident(rng, start + i, reported)
