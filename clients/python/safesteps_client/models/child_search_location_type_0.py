from enum import StrEnum


class ChildSearchLocationType0(StrEnum):
    CUSTODY = "custody"
    HOME = "home"
    OTHER = "other"
    SCHOOL = "school"
    STREET = "street"
    VEHICLE = "vehicle"

    def __str__(self) -> str:
        return str(self.value)
