from enum import StrEnum


class MissingEpisodeRiskGradeType0(StrEnum):
    HIGH = "high"
    LOW = "low"
    MEDIUM = "medium"
    NO_APPARENT_RISK = "no_apparent_risk"
    VERY_LOW = "very_low"

    def __str__(self) -> str:
        return str(self.value)
