from enum import StrEnum


class TimelineEntryLinkedBy(StrEnum):
    NAME_DOB = "name_dob"
    REF = "ref"

    def __str__(self) -> str:
        return str(self.value)
