from enum import StrEnum


class ReferralMethodType0(StrEnum):
    EMAIL = "email"
    IN_PERSON = "in_person"
    MASH_FORM = "mash_form"
    ONLINE = "online"
    PHONE = "phone"

    def __str__(self) -> str:
        return str(self.value)
