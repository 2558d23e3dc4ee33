from enum import StrEnum


class FeedbackOutcome(StrEnum):
    ACCEPTED = "accepted"
    OVERRIDDEN = "overridden"

    def __str__(self) -> str:
        return str(self.value)
