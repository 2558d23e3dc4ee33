from enum import StrEnum


class ChildSeenHowType0(StrEnum):
    IN_PERSON = "in_person"
    VIDEO_CALL = "video_call"

    def __str__(self) -> str:
        return str(self.value)
