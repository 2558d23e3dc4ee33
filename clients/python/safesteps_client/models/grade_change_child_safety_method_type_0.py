from enum import StrEnum


class GradeChangeChildSafetyMethodType0(StrEnum):
    FAMILY_MEMBER = "family_member"
    OTHER = "other"
    PARTNER_AGENCY = "partner_agency"
    PHONE_CONTACT = "phone_contact"
    SEEN_BY_OFFICER = "seen_by_officer"
    VIDEO_CALL = "video_call"

    def __str__(self) -> str:
        return str(self.value)
