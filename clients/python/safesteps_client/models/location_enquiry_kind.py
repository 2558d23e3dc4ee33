from enum import StrEnum


class LocationEnquiryKind(StrEnum):
    ADDRESSES = "addresses"
    ASSOCIATES = "associates"
    CCTV = "cctv"
    OTHER = "other"
    PHONE = "phone"
    SOCIAL_MEDIA = "social_media"
    VEHICLE = "vehicle"

    def __str__(self) -> str:
        return str(self.value)
