from enum import StrEnum


class FindingChangeDetailKind(StrEnum):
    APPEARED = "appeared"
    DISAPPEARED = "disappeared"
    OUTCOME_CHANGED = "outcome_changed"
    SEVERITY_CHANGED = "severity_changed"

    def __str__(self) -> str:
        return str(self.value)
