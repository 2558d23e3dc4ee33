"""Synthetic incidents for demos, tests and benchmarks: invented people, realistic shapes.

Each incident is one of a handful of scenario types (domestic abuse with children, a neighbour
dispute with both carers arrested, a welfare check, neglect, a downgraded call, police protection),
done with good, mixed or poor practice: each step is done, recorded as not done, or left unrecorded
with probabilities set by the practice level. Everything comes from one ``random.Random(seed)``, so
the same seed (and window) gives the same incidents. Names are drawn from invented lists; no real
person.

Four invented forces with a story an auditor can find on the dashboard (``FORCE_PROFILES``):
NORTHSHIRE improves after a training date (55% into the window), EASTVALE gets steadily worse,
WESTMARCH is steady and good, SOUTHDALE is steady and middling and often leaves the referral to
children's social care undone. Incidents attended in person are scored when officers leave the
scene and, unless still open (one in ten; half of police protection cases), again at closure
(``closure``), by which time good practice has filled most gaps.
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
PRACTICE = {"good": 0.97, "mixed": 0.8, "poor": 0.45}
SCENARIOS = ("domestic_abuse", "carers_arrested", "welfare", "neglect", "downgrade", "police_protection")
START = datetime(2025, 1, 6, tzinfo=UTC)
SPAN_DAYS = 690  # the default window, to late November 2026: both sides of the rule-set change of July


@dataclass(frozen=True, slots=True)
class ForceProfile:
    """How well a force's officers record the steps, over the window (0 = its start, 1 = its end)."""

    before: float  # quality at the start
    after: float  # quality at the end
    change_at: float | None = None  # a step change at this point (training); None: a linear trend
    weak_referral: bool = False  # referrals to children's social care often not made
    share: float = 0.25

    def quality(self, position: float) -> float:
        if self.change_at is None:
            return self.before + (self.after - self.before) * position
        # The change takes hold over a tenth of the window after the training date.
        ramp = min(max((position - self.change_at) / 0.1, 0.0), 1.0)
        return self.before + (self.after - self.before) * ramp


FORCE_PROFILES = {
    "NORTHSHIRE": ForceProfile(before=0.74, after=0.97, change_at=0.55, share=0.3),
    "EASTVALE": ForceProfile(before=0.96, after=0.74, share=0.3),
    "WESTMARCH": ForceProfile(before=0.95, after=0.96, share=0.2),
    "SOUTHDALE": ForceProfile(before=0.86, after=0.86, weak_referral=True, share=0.2),
}
assert set(FORCE_PROFILES) == set(FORCES)


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
    closure: dict[str, Any] | None = None  # the checklist as it stood at closure (a second revision)
    closed_at: datetime | None = None  # its latest time (``incident.closed_at``)


class _Maker:
    def __init__(self, rng: random.Random, quality: float) -> None:
        self.rng, self.p = rng, quality
        self.latest: datetime | None = None

    def at(self, value: datetime) -> str:
        """A recorded time, remembered so the checklist's latest time is known without a walk."""
        if self.latest is None or value > self.latest:
            self.latest = value
        return value.isoformat()

    def answer(self) -> bool | None:
        """Done, recorded as not done, or (sometimes) not recorded at all."""
        unrecorded = 0.3 * (1 - self.p)
        roll = self.rng.random()
        if roll < unrecorded:
            return None
        return roll < unrecorded + self.p * (1 - unrecorded)

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
            "observations": "Clean and dressed; calm with officers." if self.answer() else None,
            "relationship_to_adults": "child of A1" if identified and self.answer() else None,
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
                "warning_markers": self.rng.random() < 0.08 if done else None,
                "missing_person": (self.rng.random() < 0.03) if done else None,
                "offences_against_children": (self.rng.random() < 0.05) if done else None,
                "bail_or_court_conditions": (self.rng.random() < 0.05) if done else None,
            },
            "intoxicated": self.rng.random() < 0.05,
            "able_and_willing": self.answer(),
            "cares_for_children": "carer" in roles or "parent" in roles,
        }


def incident(rng: random.Random, n: int, reported: datetime, position: float = 0.5) -> SyntheticIncident:
    """One synthetic incident with its checklist (schema version 2) and the hook it is scored at.

    ``position``: how far into the window it is (0-1), which sets its force's practice then."""
    scenario = rng.choice(SCENARIOS)
    force = rng.choices(FORCES, weights=[FORCE_PROFILES[f].share for f in FORCES])[0]
    profile = FORCE_PROFILES[force]
    # Most incidents follow the force's practice at the time; one in ten is an outlier either way.
    roll = rng.random()
    quality = (
        PRACTICE["poor"] if roll < 0.06 else PRACTICE["good"] if roll < 0.1 else profile.quality(position)
    )
    quality = min(max(quality + rng.gauss(0, 0.03), 0.3), 0.995)
    practice = "good" if quality >= 0.92 else "mixed" if quality >= 0.65 else "poor"
    make = _Maker(rng, quality)
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
    count = rng.choices((1, 2, 3, 4, 5), weights=(35, 35, 18, 8, 4))[0]
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
                "child_safety_confirmed_by": "PS3310" if make.answer() else None,
                "child_safety_method": "phone_contact" if make.answer() else None,
                "supervisor_id": "PS3310" if make.answer() else None,
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
        if profile.weak_referral and made and rng.random() < 0.35:
            made = False
        checklist["actions"] = {
            "referral": {
                "made": made,
                "at": make.at(departed - timedelta(minutes=5)) if made else None,
                "method": "phone" if made else None,
                "reference": f"CSC-{n:07d}" if made and make.answer() else None,
            },
            "supervision": {"supervisor_informed": make.answer(), "open_items_checked": make.answer()},
        }
        school_age = [c for c in children if c["age"] >= 4]
        if scenario == "domestic_abuse" and school_age:
            sent = make.answer()
            checklist["actions"]["encompass"] = {
                "required": True,
                "sent": sent,
                "sent_at": make.at(departed + timedelta(hours=rng.randint(1, 5))) if sent else None,
                "school": school_age[0]["school"],
                "content_complete": make.answer() if sent else None,
            }
        if scenario == "police_protection":
            checklist["actions"]["police_protection"] = {
                "used": True,
                "grounds": "Child found alone at night; likely significant harm." if make.answer() else None,
                "started_at": make.at(departed),
                "initiating_officer_id": "PC1024",
                "designated_officer_id": "INSP207" if rng.random() < quality else "PC1024",
                "child_informed": make.answer(),
                "wishes_and_feelings_sought": make.answer(),
                "accommodation": "la_accommodation" if rng.random() < quality else "police_station",
                "police_station_reason": "No local authority placement until morning."
                if make.answer()
                else None,
                "parents_informed": make.answer(),
                "same_local_authority": True,
                "la_where_found_informed": (la := make.answer()),
                "la_where_found_informed_at": make.at(departed + timedelta(minutes=40)) if la else None,
            }
    assert make.latest is not None
    as_of = make.latest
    closure, closed_at = None, None
    # Some incidents are still open (police protection waits for the local authority more often).
    still_open = rng.random() < (0.5 if scenario == "police_protection" else 0.1)
    if scenario != "downgrade" and not still_open:
        closed_at = departed + timedelta(hours=rng.randint(6, 72))
        closure = _closure(rng, checklist, quality, closed_at, referral_ok=not profile.weak_referral)
    return SyntheticIncident(
        reference, force, scenario, practice, hook, checklist, reported, as_of, closure, closed_at
    )


# Answers that stay as they were at closure: free text, people's details, times, and answers that
# follow from others.
_KEPT_AT_CLOSURE = frozenset(
    {"full_name", "date_of_birth", "account", "reference", "at", "method", "reason", "grounds", "school"}
    | {"not_spoken_to_reason", "responsible_adult_id", "completed_at", "spoken_to", "made"}
    | {"warning_markers", "missing_person", "offences_against_children", "bail_or_court_conditions"}
    | {"observations", "relationship_to_adults", "child_safety_confirmed_by", "la_where_found_informed_at"}
    | {"sent_at", "police_station_reason"}
)


def _closure(
    rng: random.Random, checklist: dict[str, Any], quality: float, closed_at: datetime, *, referral_ok: bool
) -> dict[str, Any]:
    """The checklist at closure: officers fill unrecorded answers (as done, mostly, when practice is
    good) and make a referral they had not made, in proportion to the practice."""

    def fill(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                k: (rng.random() < quality if v is None and k not in _KEPT_AT_CLOSURE else fill(v))
                for k, v in node.items()
            }
        if isinstance(node, list):
            return [fill(v) for v in node]
        return node

    closed: dict[str, Any] = fill(checklist)
    closed["incident"]["closed_at"] = closed_at.isoformat()
    referral = closed["actions"]["referral"]
    if not referral["made"] and referral_ok and rng.random() < quality:
        at = closed_at - timedelta(hours=1)
        referral.update(made=True, at=at.isoformat(), method="email", reference=None)
    return closed


def incidents(
    count: int, seed: int = 20261122, start: int = 1, *, until: datetime | None = None, days: int = SPAN_DAYS
) -> Iterator[SyntheticIncident]:
    """``count`` incidents numbered from ``start``, spread in time order over ``days`` days.

    The window ends at ``until`` (default: ``START`` + ``SPAN_DAYS``); every incident is closed by
    then. A generator, so memory stays flat however many are made.
    """
    rng = random.Random(seed)
    end = until or START + timedelta(days=SPAN_DAYS)
    # Reported at least four days before the end, so that closure (up to three days) is before it.
    first = end - timedelta(days=days)
    step = (timedelta(days=days) - timedelta(days=4)) / max(count, 1)
    for i in range(count):
        offset = step * i + timedelta(minutes=rng.randrange(60))
        yield incident(rng, start + i, first + offset, offset / timedelta(days=days))
