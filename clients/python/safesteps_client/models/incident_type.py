from enum import StrEnum


class IncidentType(StrEnum):
    ASSAULT = "assault"
    CHILD_ABUSE = "child_abuse"
    CHILD_NEGLECT = "child_neglect"
    DISORDER = "disorder"
    DOMESTIC_ABUSE = "domestic_abuse"
    IMAGE_ABUSE = "image_abuse"
    MISSING_PERSON = "missing_person"
    NEIGHBOUR_DISPUTE = "neighbour_dispute"
    OTHER = "other"
    PARTNER_REQUEST = "partner_request"
    SEXUAL_OFFENCE = "sexual_offence"
    WELFARE_CONCERN = "welfare_concern"

    def __str__(self) -> str:
        return str(self.value)
