from enum import StrEnum


class GradeChangeChildSafetyMethodType0(StrEnum):
    OTHER = "other"
    PARTNER_AGENCY = "partner_agency"
    PHONE_CONTACT = "phone_contact"
    SEEN_BY_OFFICER = "seen_by_officer"

    def __str__(self) -> str:
        return str(self.value)
