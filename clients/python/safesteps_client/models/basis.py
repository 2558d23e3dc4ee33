from enum import StrEnum


class Basis(StrEnum):
    NOT_RECORDED = "not_recorded"
    RECORDED = "recorded"

    def __str__(self) -> str:
        return str(self.value)
