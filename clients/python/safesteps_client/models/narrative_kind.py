from enum import StrEnum


class NarrativeKind(StrEnum):
    CRIME_REPORT = "crime_report"
    LOG = "log"
    MISSING_REVIEW = "missing_review"
    RATIONALE = "rationale"
    SUPERVISOR_NOTE = "supervisor_note"

    def __str__(self) -> str:
        return str(self.value)
