from enum import StrEnum


class OverrideReason(StrEnum):
    DATA_ERROR = "data_error"
    DONE_NOT_RECORDED = "done_not_recorded"
    INFORMATION_UNAVAILABLE = "information_unavailable"
    NOT_RELEVANT_TO_INCIDENT = "not_relevant_to_incident"
    OFFICER_SAFETY = "officer_safety"
    OTHER = "other"
    OTHER_AGENCY_RESPONSIBLE = "other_agency_responsible"
    SUPERVISOR_DIRECTION = "supervisor_direction"

    def __str__(self) -> str:
        return str(self.value)
