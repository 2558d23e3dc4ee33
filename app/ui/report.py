"""The inspection report: the steps grouped by the stages HMICFRS uses in its national
child-protection inspections, with their figures and trend for a force and period.

Each step of the catalogue (shared/domain/steps.md, sections A-H) belongs to the stage where an
inspector would look for it: by its section, unless listed in ``STEP_STAGE``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.rules import vocabulary
from app.schemas.aggregates import StepCounts

STAGES = (
    ("initial-contact", "Initial contact"),
    ("assessment", "Assessment and help"),
    ("investigation", "Investigation"),
    ("decision-making", "Decision-making"),
    ("trusted-adult", "Trusted adult"),
    ("risk", "Managing those who pose a risk to children"),
    ("detention", "Police detention"),
)
SECTION_STAGE = {
    "A": "initial-contact",  # control room / call handling
    "B": "assessment",  # scene arrival and assessment
    "C": "assessment",  # who looks after the children when a carer is arrested
    "D": "trusted-adult",  # police protection
    "E": "decision-making",  # referral, information sharing, recording
    "F": "trusted-adult",  # missing children
    "G": "detention",  # children in custody
    "H": "investigation",  # online or image abuse, language, supervision
}
STEP_STAGE = {
    "CFC-VOICE-OF-CHILD": "trusted-adult",
    "CFC-EVIDENCE-CAPTURE": "investigation",
    "CFC-INJURY-MEDICAL": "investigation",
    "REF-STRATEGY-DISCUSSION": "investigation",
    "CFC-CHECK-ALL-ADULTS": "risk",
    "CARE-CARER-DISQUALIFIERS": "risk",
    "REF-ALL-CHILDREN-AT-RISK-FROM-SUSPECT": "risk",
    "MIS-ACT-ON-EXPLOITATION-INTEL": "risk",
    "SUP-INDEPENDENT-SUPERVISION": "decision-making",
    "LANG-NO-VICTIM-BLAMING": "decision-making",
}


def stage_of(step_id: str) -> str:
    if step_id in STEP_STAGE:
        return STEP_STAGE[step_id]
    step = vocabulary.steps().get(step_id)
    return SECTION_STAGE.get(step.section, "assessment") if step else "assessment"


@dataclass
class Stage:
    key: str
    title: str
    steps: list[StepCounts] = field(default_factory=list)
    catalogue: list[str] = field(default_factory=list)  # every step of the stage, counted or not

    @property
    def applicable(self) -> int:
        return sum(s.applicable for s in self.steps)

    @property
    def open(self) -> int:
        return sum(s.open for s in self.steps)

    @property
    def open_rate(self) -> float | None:
        return 100 * self.open / self.applicable if self.applicable else None


def stages(by_step: list[StepCounts]) -> list[Stage]:
    result = {key: Stage(key, title) for key, title in STAGES}
    for step_id in vocabulary.steps():
        result[stage_of(step_id)].catalogue.append(step_id)
    for step in by_step:
        result[stage_of(step.step_id)].steps.append(step)
    return list(result.values())
