from enum import StrEnum


class Grade(StrEnum):
    CLOSED = "closed"
    IMMEDIATE = "immediate"
    PRIORITY = "priority"
    RESOLUTION_WITHOUT_DEPLOYMENT = "resolution_without_deployment"
    SCHEDULED = "scheduled"

    def __str__(self) -> str:
        return str(self.value)
