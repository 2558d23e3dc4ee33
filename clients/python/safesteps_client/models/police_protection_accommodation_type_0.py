from enum import StrEnum


class PoliceProtectionAccommodationType0(StrEnum):
    LA_ACCOMMODATION = "la_accommodation"
    OTHER = "other"
    POLICE_STATION = "police_station"
    REFUGE = "refuge"

    def __str__(self) -> str:
        return str(self.value)
