"""Contains all the data models used in inputs/outputs"""

from .access import Access
from .access_event_page import AccessEventPage
from .access_event_public import AccessEventPublic
from .access_power_type_0 import AccessPowerType0
from .actions import Actions
from .address_history import AddressHistory
from .adult import Adult
from .adult_role import AdultRole
from .aggravating_factors import AggravatingFactors
from .aggregate_overview import AggregateOverview
from .aggregate_overview_by_force import AggregateOverviewByForce
from .aggregate_overview_by_hook import AggregateOverviewByHook
from .aggregate_overview_by_severity import AggregateOverviewBySeverity
from .api_key_create import ApiKeyCreate
from .api_key_created import ApiKeyCreated
from .api_key_public import ApiKeyPublic
from .appropriate_adult import AppropriateAdult
from .appropriate_adult_conflict_type_0 import AppropriateAdultConflictType0
from .appropriate_adult_role_type_0 import AppropriateAdultRoleType0
from .audit_verification import AuditVerification
from .audit_verification_parts import AuditVerificationParts
from .bail_conditions import BailConditions
from .bail_conditions_conditions_type_0_item import BailConditionsConditionsType0Item
from .basis import Basis
from .batch_item_result import BatchItemResult
from .batch_request import BatchRequest
from .batch_request_items_item import BatchRequestItemsItem
from .batch_result import BatchResult
from .bundle_key import BundleKey
from .bundle_keys import BundleKeys
from .call_handling import CallHandling
from .call_handling_children_present_type_0 import CallHandlingChildrenPresentType0
from .carer_consultation import CarerConsultation
from .chain_break import ChainBreak
from .change_category import ChangeCategory
from .checklist import Checklist
from .checklist_schema_version import ChecklistSchemaVersion
from .child import Child
from .child_injury_seen_type_0 import ChildInjurySeenType0
from .child_roles_type_0_item import ChildRolesType0Item
from .child_search import ChildSearch
from .child_search_kind_type_0 import ChildSearchKindType0
from .child_search_location_type_0 import ChildSearchLocationType0
from .child_seen_how_type_0 import ChildSeenHowType0
from .cross_force import CrossForce
from .custody import Custody
from .custody_interview import CustodyInterview
from .custody_not_transferred_reason_type_0 import CustodyNotTransferredReasonType0
from .custody_sex_type_0 import CustodySexType0
from .decision import Decision
from .decision_counts import DecisionCounts
from .decision_list import DecisionList
from .decision_list_item import DecisionListItem
from .decision_outcomes import DecisionOutcomes
from .decision_record_public import DecisionRecordPublic
from .decision_record_public_context import DecisionRecordPublicContext
from .decision_record_public_input import DecisionRecordPublicInput
from .decisions import Decisions
from .device_agreement import DeviceAgreement
from .device_decision import DeviceDecision
from .device_decision_outcomes import DeviceDecisionOutcomes
from .diff_summary import DiffSummary
from .due import Due
from .encompass import Encompass
from .erased_detail import ErasedDetail
from .error_body import ErrorBody
from .error_body_detail_type_0 import ErrorBodyDetailType0
from .evaluate_request import EvaluateRequest
from .evaluation_result import EvaluationResult
from .evaluation_result_counts import EvaluationResultCounts
from .evaluation_result_outcomes import EvaluationResultOutcomes
from .evidence_capture import EvidenceCapture
from .exploitation_intel import ExploitationIntel
from .exploitation_intel_submitted_about_type_0_item import ExploitationIntelSubmittedAboutType0Item
from .feedback_create import FeedbackCreate
from .feedback_outcome import FeedbackOutcome
from .feedback_public import FeedbackPublic
from .feedback_stats import FeedbackStats
from .field_change import FieldChange
from .field_error import FieldError
from .finding import Finding
from .finding_change_detail import FindingChangeDetail
from .finding_change_detail_kind import FindingChangeDetailKind
from .finding_detail import FindingDetail
from .grade import Grade
from .grade_change import GradeChange
from .grade_change_child_safety_method_type_0 import GradeChangeChildSafetyMethodType0
from .health import Health
from .history_facts import HistoryFacts
from .home_conditions import HomeConditions
from .hook_catalogue import HookCatalogue
from .hook_info import HookInfo
from .hook_rule import HookRule
from .image_abuse import ImageAbuse
from .image_abuse_outcome_type_0 import ImageAbuseOutcomeType0
from .impact_detail import ImpactDetail
from .incident import Incident
from .incident_outstanding import IncidentOutstanding
from .incident_page import IncidentPage
from .incident_public import IncidentPublic
from .incident_summary import IncidentSummary
from .incident_type import IncidentType
from .indicator import Indicator
from .intel_check import IntelCheck
from .intel_check_subject import IntelCheckSubject
from .intel_check_system import IntelCheckSystem
from .job_status import JobStatus
from .jwk import Jwk
from .language_rule import LanguageRule
from .latest_revision import LatestRevision
from .latest_revision_checklist import LatestRevisionChecklist
from .linked_children import LinkedChildren
from .list_aggregate_decisions_severity_type_0 import ListAggregateDecisionsSeverityType0
from .list_aggregate_decisions_status_type_0 import ListAggregateDecisionsStatusType0
from .location_enquiry import LocationEnquiry
from .location_enquiry_kind import LocationEnquiryKind
from .missing_episode import MissingEpisode
from .missing_episode_exploitation_indicators_type_0_item import MissingEpisodeExploitationIndicatorsType0Item
from .missing_episode_recorded_as_type_0 import MissingEpisodeRecordedAsType0
from .missing_episode_risk_grade_type_0 import MissingEpisodeRiskGradeType0
from .missing_grade_change import MissingGradeChange
from .missing_grade_change_from_grade_type_0 import MissingGradeChangeFromGradeType0
from .missing_grade_change_to_grade import MissingGradeChangeToGrade
from .narrative import Narrative
from .narrative_kind import NarrativeKind
from .nca_referral import NcaReferral
from .nca_referral_risk_level_type_0 import NcaReferralRiskLevelType0
from .negative_decision import NegativeDecision
from .not_reproduced_detail import NotReproducedDetail
from .not_reproduced_detail_replayed_result import NotReproducedDetailReplayedResult
from .not_reproduced_detail_stored_result import NotReproducedDetailStoredResult
from .outcome import Outcome
from .outcome_counts import OutcomeCounts
from .outstanding_step import OutstandingStep
from .override_reason import OverrideReason
from .part_verification import PartVerification
from .partner_request import PartnerRequest
from .partner_request_agency import PartnerRequestAgency
from .period import Period
from .period_point import PeriodPoint
from .person_history import PersonHistory
from .person_history_last_referral_outcome_type_0 import PersonHistoryLastReferralOutcomeType0
from .police_checks import PoliceChecks
from .police_checks_systems_type_0_item import PoliceChecksSystemsType0Item
from .police_protection import PoliceProtection
from .police_protection_accommodation_type_0 import PoliceProtectionAccommodationType0
from .prevention_interview import PreventionInterview
from .ready import Ready
from .reason_count import ReasonCount
from .reference import Reference
from .referral import Referral
from .referral_method_type_0 import ReferralMethodType0
from .referral_outcome_type_0 import ReferralOutcomeType0
from .reliance_on_agency import RelianceOnAgency
from .reliance_on_agency_agency_type_0 import RelianceOnAgencyAgencyType0
from .replay_create import ReplayCreate
from .replay_error_detail import ReplayErrorDetail
from .replay_error_detail_stored_result_type_0 import ReplayErrorDetailStoredResultType0
from .replay_history import ReplayHistory
from .replay_job_public import ReplayJobPublic
from .replay_job_public_summary import ReplayJobPublicSummary
from .replay_mode import ReplayMode
from .replay_result_public import ReplayResultPublic
from .replay_results_page import ReplayResultsPage
from .replay_selection import ReplaySelection
from .reproduced_detail import ReproducedDetail
from .return_interview import ReturnInterview
from .revision_entry import RevisionEntry
from .risk_information import RiskInformation
from .risk_information_source import RiskInformationSource
from .role import Role
from .rule import Rule
from .rule_change import RuleChange
from .rule_feedback_count import RuleFeedbackCount
from .rule_ref import RuleRef
from .ruleset_diff import RulesetDiff
from .ruleset_identity import RulesetIdentity
from .ruleset_selector import RulesetSelector
from .ruleset_span import RulesetSpan
from .ruleset_summary import RulesetSummary
from .ruleset_version_detail import RulesetVersionDetail
from .ruleset_version_summary import RulesetVersionSummary
from .scene import Scene
from .severity import Severity
from .status import Status
from .status_counts import StatusCounts
from .step_counts import StepCounts
from .step_diff import StepDiff
from .stored_results import StoredResults
from .strategy_discussion import StrategyDiscussion
from .submission_create import SubmissionCreate
from .submission_result import SubmissionResult
from .supervision import Supervision
from .term import Term
from .thrive_assessment import ThriveAssessment
from .timeline_entry import TimelineEntry
from .timeline_entry_linked_by import TimelineEntryLinkedBy
from .timeline_page import TimelinePage
from .timeline_page_subject import TimelinePageSubject
from .totals import Totals

__all__ = (
    "Access",
    "AccessEventPage",
    "AccessEventPublic",
    "AccessPowerType0",
    "Actions",
    "AddressHistory",
    "Adult",
    "AdultRole",
    "AggravatingFactors",
    "AggregateOverview",
    "AggregateOverviewByForce",
    "AggregateOverviewByHook",
    "AggregateOverviewBySeverity",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyPublic",
    "AppropriateAdult",
    "AppropriateAdultConflictType0",
    "AppropriateAdultRoleType0",
    "AuditVerification",
    "AuditVerificationParts",
    "BailConditions",
    "BailConditionsConditionsType0Item",
    "Basis",
    "BatchItemResult",
    "BatchRequest",
    "BatchRequestItemsItem",
    "BatchResult",
    "BundleKey",
    "BundleKeys",
    "CallHandling",
    "CallHandlingChildrenPresentType0",
    "CarerConsultation",
    "ChainBreak",
    "ChangeCategory",
    "Checklist",
    "ChecklistSchemaVersion",
    "Child",
    "ChildInjurySeenType0",
    "ChildRolesType0Item",
    "ChildSearch",
    "ChildSearchKindType0",
    "ChildSearchLocationType0",
    "ChildSeenHowType0",
    "CrossForce",
    "Custody",
    "CustodyInterview",
    "CustodyNotTransferredReasonType0",
    "CustodySexType0",
    "Decision",
    "DecisionCounts",
    "DecisionList",
    "DecisionListItem",
    "DecisionOutcomes",
    "DecisionRecordPublic",
    "DecisionRecordPublicContext",
    "DecisionRecordPublicInput",
    "Decisions",
    "DeviceAgreement",
    "DeviceDecision",
    "DeviceDecisionOutcomes",
    "DiffSummary",
    "Due",
    "Encompass",
    "ErasedDetail",
    "ErrorBody",
    "ErrorBodyDetailType0",
    "EvaluateRequest",
    "EvaluationResult",
    "EvaluationResultCounts",
    "EvaluationResultOutcomes",
    "EvidenceCapture",
    "ExploitationIntel",
    "ExploitationIntelSubmittedAboutType0Item",
    "FeedbackCreate",
    "FeedbackOutcome",
    "FeedbackPublic",
    "FeedbackStats",
    "FieldChange",
    "FieldError",
    "Finding",
    "FindingChangeDetail",
    "FindingChangeDetailKind",
    "FindingDetail",
    "Grade",
    "GradeChange",
    "GradeChangeChildSafetyMethodType0",
    "Health",
    "HistoryFacts",
    "HomeConditions",
    "HookCatalogue",
    "HookInfo",
    "HookRule",
    "ImageAbuse",
    "ImageAbuseOutcomeType0",
    "ImpactDetail",
    "Incident",
    "IncidentOutstanding",
    "IncidentPage",
    "IncidentPublic",
    "IncidentSummary",
    "IncidentType",
    "Indicator",
    "IntelCheck",
    "IntelCheckSubject",
    "IntelCheckSystem",
    "JobStatus",
    "Jwk",
    "LanguageRule",
    "LatestRevision",
    "LatestRevisionChecklist",
    "LinkedChildren",
    "ListAggregateDecisionsSeverityType0",
    "ListAggregateDecisionsStatusType0",
    "LocationEnquiry",
    "LocationEnquiryKind",
    "MissingEpisode",
    "MissingEpisodeExploitationIndicatorsType0Item",
    "MissingEpisodeRecordedAsType0",
    "MissingEpisodeRiskGradeType0",
    "MissingGradeChange",
    "MissingGradeChangeFromGradeType0",
    "MissingGradeChangeToGrade",
    "Narrative",
    "NarrativeKind",
    "NcaReferral",
    "NcaReferralRiskLevelType0",
    "NegativeDecision",
    "NotReproducedDetail",
    "NotReproducedDetailReplayedResult",
    "NotReproducedDetailStoredResult",
    "Outcome",
    "OutcomeCounts",
    "OutstandingStep",
    "OverrideReason",
    "PartnerRequest",
    "PartnerRequestAgency",
    "PartVerification",
    "Period",
    "PeriodPoint",
    "PersonHistory",
    "PersonHistoryLastReferralOutcomeType0",
    "PoliceChecks",
    "PoliceChecksSystemsType0Item",
    "PoliceProtection",
    "PoliceProtectionAccommodationType0",
    "PreventionInterview",
    "Ready",
    "ReasonCount",
    "Reference",
    "Referral",
    "ReferralMethodType0",
    "ReferralOutcomeType0",
    "RelianceOnAgency",
    "RelianceOnAgencyAgencyType0",
    "ReplayCreate",
    "ReplayErrorDetail",
    "ReplayErrorDetailStoredResultType0",
    "ReplayHistory",
    "ReplayJobPublic",
    "ReplayJobPublicSummary",
    "ReplayMode",
    "ReplayResultPublic",
    "ReplayResultsPage",
    "ReplaySelection",
    "ReproducedDetail",
    "ReturnInterview",
    "RevisionEntry",
    "RiskInformation",
    "RiskInformationSource",
    "Role",
    "Rule",
    "RuleChange",
    "RuleFeedbackCount",
    "RuleRef",
    "RulesetDiff",
    "RulesetIdentity",
    "RulesetSelector",
    "RulesetSpan",
    "RulesetSummary",
    "RulesetVersionDetail",
    "RulesetVersionSummary",
    "Scene",
    "Severity",
    "Status",
    "StatusCounts",
    "StepCounts",
    "StepDiff",
    "StoredResults",
    "StrategyDiscussion",
    "SubmissionCreate",
    "SubmissionResult",
    "Supervision",
    "Term",
    "ThriveAssessment",
    "TimelineEntry",
    "TimelineEntryLinkedBy",
    "TimelinePage",
    "TimelinePageSubject",
    "Totals",
)
