"""SQLModel tables. Importing this package registers every table on ``SQLModel.metadata``."""

from sqlmodel import SQLModel

from app.models.aggregate import AuditDecision, AuditDecisionDay, AuditFinding, AuditStepDay
from app.models.auth import AccessEvent, ApiKey
from app.models.base import NAMING_CONVENTION, UTCDateTime, utcnow
from app.models.decision import DecisionChainHead, DecisionFeedback, DecisionRecord
from app.models.history import PersonHistory
from app.models.idempotency import IdempotencyKey
from app.models.incident import ChecklistRevision, Incident
from app.models.integrity import ChainHead, ErasureLog
from app.models.replay import ReplayJob, ReplayPart, ReplayResult
from app.models.ui import UiSession

metadata = SQLModel.metadata

__all__ = [
    "NAMING_CONVENTION",
    "AccessEvent",
    "ApiKey",
    "AuditDecision",
    "AuditDecisionDay",
    "AuditFinding",
    "AuditStepDay",
    "ChainHead",
    "ChecklistRevision",
    "DecisionChainHead",
    "DecisionFeedback",
    "DecisionRecord",
    "ErasureLog",
    "IdempotencyKey",
    "Incident",
    "PersonHistory",
    "ReplayJob",
    "ReplayPart",
    "ReplayResult",
    "UTCDateTime",
    "UiSession",
    "metadata",
    "utcnow",
]
