from enum import StrEnum


class IntelCheckSystem(StrEnum):
    CHILD_PROTECTION = "child_protection"
    LOCAL = "local"
    MARAC = "marac"
    MISSING_PERSONS = "missing_persons"
    OTHER = "other"
    PNC = "PNC"
    PND = "PND"

    def __str__(self) -> str:
        return str(self.value)
