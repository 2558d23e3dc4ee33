from enum import StrEnum


class ReplayHistory(StrEnum):
    RECOMPUTED = "recomputed"
    STORED = "stored"

    def __str__(self) -> str:
        return str(self.value)
