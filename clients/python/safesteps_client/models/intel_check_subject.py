from enum import StrEnum


class IntelCheckSubject(StrEnum):
    ADDRESS = "address"
    ADULT = "adult"
    CHILD = "child"
    VEHICLE = "vehicle"

    def __str__(self) -> str:
        return str(self.value)
