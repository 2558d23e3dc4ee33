"""Decision records for auditors, officers' feedback, and verification of the decision log."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response

from app.auth.roles import Principal, Role
from app.http.guards import AUTH_ERRORS, Authorize, audited
from app.http.session import SessionDep, UnitOfWorkRoute
from app.schemas.decisions import (
    AuditVerification,
    DecisionRecordPublic,
    FeedbackCreate,
    FeedbackPublic,
    FeedbackStats,
)
from app.schemas.errors import JSON_BODY, error_responses
from app.services import audit, decisions

router = APIRouter(prefix="/v1", responses=AUTH_ERRORS, route_class=UnitOfWorkRoute)

DecisionId = Annotated[str, Path(min_length=1, max_length=36)]


@router.get(
    "/decisions/{decision_id}",
    response_model=DecisionRecordPublic,
    responses=error_responses(404),
    tags=["audit"],
)
def get_decision(
    decision_id: DecisionId,
    reader: Annotated[Principal, audited("decision:read", action="decision.read", target="decision_id")],
    session: SessionDep,
) -> DecisionRecordPublic:
    """A decision record exactly as logged (input, context, result, rule set), with its feedback."""
    return decisions.get_decision(session, decision_id, force=reader.force)


@router.post(
    "/decisions/{decision_id}/feedback",
    status_code=201,
    response_model=FeedbackPublic,
    responses=error_responses(*JSON_BODY, 404, 503),
    tags=["feedback"],
)
def submit_feedback(
    decision_id: DecisionId,
    body: FeedbackCreate,
    client: Annotated[Principal, Depends(Authorize("decision:feedback"))],
    session: SessionDep,
    response: Response,
) -> FeedbackPublic:
    """Record that an officer accepted a finding or overrode it with a reason, as the authenticated
    client. Safe to retry: the same feedback from the same client is recorded once, and the retry
    answers with that record and `Idempotent-Replayed: true`."""
    submitter = client.id if client.role is Role.mdt else None
    recorded = decisions.add_feedback(
        session, decision_id, body, recorded_by=client.id, force=client.force, submitter=submitter
    )
    if recorded.replayed:
        response.headers["Idempotent-Replayed"] = "true"
    return recorded.feedback


@router.get(
    "/audit/verify",
    response_model=AuditVerification,
    tags=["audit"],
)
def verify_audit_log(
    reader: Annotated[Principal, audited("audit:verify", action="audit.verify")], session: SessionDep
) -> AuditVerification:
    """Verify every audit chain and table; report each part and the first break, if any. A
    force-bound auditor gets counts of its own force's rows only."""
    report = audit.verify(session)
    return report if reader.force is None else audit.for_force(session, report, reader.force)


@router.get(
    "/audit/feedback",
    response_model=FeedbackStats,
    tags=["audit"],
)
def feedback_statistics(
    reader: Annotated[Principal, audited("decision:read", action="audit.feedback")], session: SessionDep
) -> FeedbackStats:
    """How often officers accept or override findings, why, and for which rules (a force-bound
    auditor: its own force's decisions)."""
    return decisions.feedback_stats(session, force=reader.force)
