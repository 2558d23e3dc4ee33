from enum import StrEnum


class MissingEpisodeRecordedAsType0(StrEnum):
    ABSENT = "absent"
    MISSING = "missing"
    NOT_RECORDED = "not_recorded"

    def __str__(self) -> str:
        return str(self.value)
