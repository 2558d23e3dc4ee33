from enum import StrEnum


class BailConditionsConditionsType0Item(StrEnum):
    CURFEW = "curfew"
    EXCLUSION_ZONE = "exclusion_zone"
    NO_CONTACT_CHILDREN = "no_contact_children"
    NO_CONTACT_VICTIM = "no_contact_victim"
    OTHER = "other"
    RESIDENCE = "residence"

    def __str__(self) -> str:
        return str(self.value)
