from enum import StrEnum


class ImageAbuseOutcomeType0(StrEnum):
    CAUTION = "caution"
    CHARGE = "charge"
    COMMUNITY_RESOLUTION = "community_resolution"
    NFA = "nfa"
    OTHER = "other"
    OUTCOME_21 = "outcome_21"

    def __str__(self) -> str:
        return str(self.value)
