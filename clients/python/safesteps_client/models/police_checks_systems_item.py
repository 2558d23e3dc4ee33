from enum import StrEnum


class PoliceChecksSystemsItem(StrEnum):
    LOCAL = "local"
    PNC = "PNC"
    PND = "PND"

    def __str__(self) -> str:
        return str(self.value)
