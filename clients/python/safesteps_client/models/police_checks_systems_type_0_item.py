from enum import StrEnum


class PoliceChecksSystemsType0Item(StrEnum):
    LOCAL = "local"
    PNC = "PNC"
    PND = "PND"

    def __str__(self) -> str:
        return str(self.value)
