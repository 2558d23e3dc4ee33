from enum import StrEnum


class PersonHistoryLastReferralOutcomeType0(StrEnum):
    ASSESSMENT = "assessment"
    CHILD_PROTECTION_ENQUIRY = "child_protection_enquiry"
    EARLY_HELP = "early_help"
    INFORMATION_AND_ADVICE = "information_and_advice"
    NO_FURTHER_ACTION = "no_further_action"
    STRATEGY_DISCUSSION = "strategy_discussion"

    def __str__(self) -> str:
        return str(self.value)
