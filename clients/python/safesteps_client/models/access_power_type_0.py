from enum import StrEnum


class AccessPowerType0(StrEnum):
    CHILDREN_ACT_S46 = "children_act_s46"
    NONE = "none"
    PACE_S17_1_E = "pace_s17_1_e"
    PACE_S17_OTHER = "pace_s17_other"
    WARRANT = "warrant"

    def __str__(self) -> str:
        return str(self.value)
