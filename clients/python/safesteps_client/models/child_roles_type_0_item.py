from enum import StrEnum


class ChildRolesType0Item(StrEnum):
    SUBJECT_OF_CONCERN = "subject_of_concern"
    SUSPECT = "suspect"
    VICTIM = "victim"
    WITNESS = "witness"

    def __str__(self) -> str:
        return str(self.value)
