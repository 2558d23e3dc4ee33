from enum import StrEnum


class AppropriateAdultRoleType0(StrEnum):
    GUARDIAN = "guardian"
    OTHER = "other"
    PARENT = "parent"
    SOCIAL_WORKER = "social_worker"
    SOLICITOR = "solicitor"
    VOLUNTEER = "volunteer"

    def __str__(self) -> str:
        return str(self.value)
