from enum import StrEnum


class ReplayMode(StrEnum):
    AS_RECORDED = "as_recorded"
    IMPACT = "impact"

    def __str__(self) -> str:
        return str(self.value)
