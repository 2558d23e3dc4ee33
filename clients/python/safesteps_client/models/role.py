from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    AUDITOR = "auditor"
    CONTROL_ROOM = "control_room"
    MDT = "mdt"
    RULES_ADMIN = "rules_admin"

    def __str__(self) -> str:
        return str(self.value)
