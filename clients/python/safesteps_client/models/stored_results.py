from enum import StrEnum


class StoredResults(StrEnum):
    ALL = "all"
    FLAGGED = "flagged"

    def __str__(self) -> str:
        return str(self.value)
