from enum import StrEnum


class AdultRole(StrEnum):
    CARER = "carer"
    COMPLAINANT = "complainant"
    OTHER = "other"
    PARENT = "parent"
    PARENTAL_RESPONSIBILITY = "parental_responsibility"
    SUSPECT = "suspect"
    VICTIM = "victim"
    WITNESS = "witness"

    def __str__(self) -> str:
        return str(self.value)
