from enum import StrEnum


class ChildInjurySeenType0(StrEnum):
    DESCRIBED_ONLY = "described_only"
    IN_PERSON = "in_person"
    PHOTO_ONLY = "photo_only"
    VIDEO_ONLY = "video_only"

    def __str__(self) -> str:
        return str(self.value)
