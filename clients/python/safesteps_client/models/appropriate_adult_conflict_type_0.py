from enum import StrEnum


class AppropriateAdultConflictType0(StrEnum):
    INVOLVED_IN_OFFENCE = "involved_in_offence"
    OTHER = "other"
    PARENT_OF_CO_ACCUSED = "parent_of_co_accused"
    VICTIM_OR_WITNESS = "victim_or_witness"

    def __str__(self) -> str:
        return str(self.value)
