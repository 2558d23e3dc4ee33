from enum import StrEnum


class TimelinePageSubject(StrEnum):
    ADULT = "adult"
    CHILD = "child"

    def __str__(self) -> str:
        return str(self.value)
