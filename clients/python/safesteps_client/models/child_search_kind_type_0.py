from enum import StrEnum


class ChildSearchKindType0(StrEnum):
    INTIMATE_SEARCH = "intimate_search"
    MORE_THOROUGH_SEARCH = "more_thorough_search"
    STOP_AND_SEARCH = "stop_and_search"
    STRIP_SEARCH = "strip_search"

    def __str__(self) -> str:
        return str(self.value)
