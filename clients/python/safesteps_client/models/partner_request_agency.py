from enum import StrEnum


class PartnerRequestAgency(StrEnum):
    AMBULANCE = "ambulance"
    CHILDRENS_SOCIAL_CARE = "childrens_social_care"
    EDUCATION = "education"
    HEALTH = "health"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
