from enum import StrEnum


class RiskInformationSource(StrEnum):
    CARER = "carer"
    FAMILY = "family"
    INFORMANT = "informant"
    OTHER = "other"
    POLICE_SYSTEMS = "police_systems"
    PREVIOUS_REPORTS = "previous_reports"
    SOCIAL_CARE = "social_care"

    def __str__(self) -> str:
        return str(self.value)
