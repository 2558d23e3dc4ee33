from enum import StrEnum


class ListAggregateDecisionsStatusType0(StrEnum):
    MISSING = "missing"
    NOT_RECORDED = "not_recorded"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
