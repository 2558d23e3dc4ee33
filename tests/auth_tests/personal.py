"""A submission full of distinctive synthetic personal data, to prove where it must not go."""

from __future__ import annotations

from typing import Any

from tests.submissions import submission

# Invented people and places; distinctive enough never to appear by chance.
SECRETS = {
    "child_name": "Zephyrine Quillfeather",
    "child2_name": "Ottoline Brackenbury",
    "adult_name": "Barnaby Oakenshield-Vex",
    "carer_name": "Griselda Marchbanks",
    "child_dob": "2019-03-14",
    "adult_dob": "1987-11-02",
    "address": "17 Marigold Crescent, Dunsworth",
    "account": "Uncle Peregrine shouted at Mummy",
    "school": "Thistlewick Primary",
    "gp": "Dr Fennimore Ashgrove",
    "rationale": "Left with Griselda Marchbanks at Wrenfield Lodge",
}


def personal_submission(ref: str = "WMP-20261122-0042", **extra: Any) -> dict[str, Any]:
    body = submission(ref, **extra)
    checklist = body["checklist"]
    child, child2 = checklist["children"]
    child.update(
        full_name=SECRETS["child_name"],
        date_of_birth=SECRETS["child_dob"],
        account=SECRETS["account"],
        school=SECRETS["school"],
        gp=SECRETS["gp"],
        observations=f"Seen at {SECRETS['address']}",
    )
    child2["full_name"] = SECRETS["child2_name"]
    adult, carer = checklist["adults"]
    adult.update(full_name=SECRETS["adult_name"], date_of_birth=SECRETS["adult_dob"])
    carer["full_name"] = SECRETS["carer_name"]
    checklist["scene"]["home_conditions"] = {"recorded": True, "notes": SECRETS["address"]}
    checklist["actions"]["decisions"] = {"rationale": SECRETS["rationale"]}
    return body


def leaked(text: str) -> list[str]:
    return [value for value in SECRETS.values() if value in text]
