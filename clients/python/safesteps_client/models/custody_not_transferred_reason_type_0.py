from enum import StrEnum


class CustodyNotTransferredReasonType0(StrEnum):
    BEHAVIOUR = "behaviour"
    NO_ACCOMMODATION = "no_accommodation"
    OFFENCE_NATURE = "offence_nature"
    OTHER = "other"
    SECURE_NEEDED_UNAVAILABLE = "secure_needed_unavailable"

    def __str__(self) -> str:
        return str(self.value)
