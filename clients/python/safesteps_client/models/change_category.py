from enum import StrEnum


class ChangeCategory(StrEnum):
    CITATIONS = "citations"
    CONDITIONS = "conditions"
    HOOKS = "hooks"
    OTHER = "other"
    SEVERITY = "severity"
    STEP = "step"
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
