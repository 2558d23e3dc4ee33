from enum import StrEnum


class Outcome(StrEnum):
    MET = "met"
    MISSING = "missing"
    NOT_APPLICABLE = "not_applicable"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
