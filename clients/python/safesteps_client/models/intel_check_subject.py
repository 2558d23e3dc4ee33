from enum import StrEnum


class IntelCheckSubject(StrEnum):
    ADDRESS = "address"
    ADULT = "adult"
    CHILD = "child"

    def __str__(self) -> str:
        return str(self.value)
