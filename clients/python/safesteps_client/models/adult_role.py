from enum import StrEnum


class AdultRole(StrEnum):
    CARER = "carer"
    OTHER = "other"
    PARENT = "parent"
    PARENTAL_RESPONSIBILITY = "parental_responsibility"
    SUSPECT = "suspect"
    WITNESS = "witness"

    def __str__(self) -> str:
        return str(self.value)
