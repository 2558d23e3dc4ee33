"""Synthetic incidents: valid checklists, every scenario and practice level, deterministic."""

from __future__ import annotations

from app.rules.checklist import Checklist
from app.services.synthetic import FIRST_NAMES, PRACTICE, SCENARIOS, SURNAMES, incidents


def test_synthetic_incidents_are_valid_varied_and_reproducible() -> None:
    made = list(incidents(300, seed=7))
    assert {i.scenario for i in made} == set(SCENARIOS)
    assert {i.practice for i in made} == set(PRACTICE)
    for item in made:
        checklist = Checklist.model_validate(item.checklist)
        assert checklist.latest_time() == item.as_of  # what a real submission would default to
        for person in [*item.checklist["children"], *item.checklist["adults"]]:
            if person.get("full_name"):
                first, last = person["full_name"].split(" ")
                assert first in FIRST_NAMES
                assert last in SURNAMES
    assert [i.reported_at for i in made] == sorted(i.reported_at for i in made)
    assert [i.checklist for i in incidents(300, seed=7)] == [i.checklist for i in made]
