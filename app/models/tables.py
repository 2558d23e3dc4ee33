"""The Core table handles, typed (for prebuilt statements and bulk Core reads and writes).

Importing this module registers every table (through ``app.models``).
"""

from __future__ import annotations

from sqlalchemy import Table
from sqlmodel import SQLModel

from app.models.auth import AccessEvent, ApiKey
from app.models.decision import DecisionChainHead, DecisionFeedback, DecisionRecord
from app.models.history import PersonHistory
from app.models.idempotency import IdempotencyKey
from app.models.incident import ChecklistRevision, Incident
from app.models.integrity import ChainHead, ErasureLog
from app.models.replay import ReplayJob, ReplayPart, ReplayResult


def table_of(model: type[SQLModel]) -> Table:
    name = model.__tablename__
    assert isinstance(name, str), model
    return SQLModel.metadata.tables[name]


ACCESS_EVENTS = table_of(AccessEvent)
API_KEYS = table_of(ApiKey)
RECORDS = table_of(DecisionRecord)
HEAD = table_of(DecisionChainHead)
FEEDBACK = table_of(DecisionFeedback)
KEYS = table_of(IdempotencyKey)
INCIDENTS = table_of(Incident)
REVISIONS = table_of(ChecklistRevision)
JOBS = table_of(ReplayJob)
PARTS = table_of(ReplayPart)
RESULTS = table_of(ReplayResult)
CHAIN_HEADS = table_of(ChainHead)
ERASURES = table_of(ErasureLog)
PERSON_HISTORY = table_of(PersonHistory)
