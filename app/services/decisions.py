"""Decision records as auditors see them, and officers' feedback on findings."""

from __future__ import annotations

from dataclasses import dataclass

import orjson
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.db import begin_write
from app.errors import DecisionNotFound, InvalidFeedback
from app.models.base import utcnow
from app.models.tables import FEEDBACK, INCIDENTS, RECORDS, REVISIONS
from app.rules.canonical import canonical_json, sha256_hex
from app.rules.decision import Decision
from app.schemas.decisions import (
    DecisionRecordPublic,
    FeedbackCreate,
    FeedbackOutcome,
    FeedbackPublic,
    FeedbackStats,
    ReasonCount,
    RuleFeedbackCount,
)
from app.services import integrity


def _feedback(session: Session, *where: object) -> list[FeedbackPublic]:
    rows = session.execute(select(FEEDBACK).where(*where).order_by(FEEDBACK.c.id)).mappings()  # type: ignore[arg-type]
    return [FeedbackPublic.model_validate(dict(row)) for row in rows]


def feedback_for_incident(session: Session, incident_id: int) -> list[FeedbackPublic]:
    ids = select(REVISIONS.c.decision_id).where(REVISIONS.c.incident_id == incident_id)
    return _feedback(session, FEEDBACK.c.decision_id.in_(ids))


def _check_scope(session: Session, decision_id: str, force: str | None, submitter: str | None) -> None:
    """A decision is visible only with its incident (the one whose revision it was made for): same
    force binding, same "own submissions" rule."""
    if force is None and submitter is None:
        return
    incident = session.execute(
        select(INCIDENTS.c.id, INCIDENTS.c.force)
        .join(REVISIONS, REVISIONS.c.incident_id == INCIDENTS.c.id)
        .where(REVISIONS.c.decision_id == decision_id)
    ).first()
    if incident is None or (force is not None and incident.force != force):
        raise DecisionNotFound(decision_id)
    if submitter is not None:
        own = session.execute(
            select(RECORDS.c.seq)
            .join(REVISIONS, REVISIONS.c.decision_id == RECORDS.c.decision_id)
            .where(REVISIONS.c.incident_id == incident.id, RECORDS.c.requested_by == submitter)
            .limit(1)
        ).first()
        if own is None:
            raise DecisionNotFound(decision_id)


def get_decision(session: Session, decision_id: str, *, force: str | None = None) -> DecisionRecordPublic:
    row = session.execute(select(RECORDS).where(RECORDS.c.decision_id == decision_id)).mappings().first()
    if row is None:
        raise DecisionNotFound(decision_id)
    _check_scope(session, decision_id, force, None)
    feedback = _feedback(session, FEEDBACK.c.decision_id == decision_id)
    return DecisionRecordPublic(
        **{k: v for k, v in row.items() if k not in ("input", "context", "result", "erased")},
        erased=orjson.loads(row["erased"]) if row["erased"] else [],
        input=orjson.loads(row["input"]),
        context=orjson.loads(row["context"]),
        result=Decision.model_validate_json(row["result"]),
        feedback=feedback,
        overrides=sum(1 for f in feedback if f.outcome is FeedbackOutcome.overridden),
    )


@dataclass(frozen=True, slots=True)
class FeedbackRecorded:
    feedback: FeedbackPublic
    replayed: bool  # the same feedback from the same client was already recorded: nothing new stored


def add_feedback(
    session: Session,
    decision_id: str,
    body: FeedbackCreate,
    *,
    recorded_by: str,
    force: str | None = None,
    submitter: str | None = None,
) -> FeedbackRecorded:
    """Record that an officer accepted or overrode one finding of a decision, as ``recorded_by``
    (the authenticated client). A retry of the same feedback from the same client is stored once:
    it returns the record already made."""
    begin_write(session)
    found = session.execute(select(RECORDS.c.result).where(RECORDS.c.decision_id == decision_id)).first()
    if found is None:
        raise DecisionNotFound(decision_id)
    _check_scope(session, decision_id, force, submitter)
    result = found.result
    findings = {f["rule_id"] for f in orjson.loads(result)["findings"]}
    if body.rule_id not in findings:
        raise InvalidFeedback("the rule is not a finding of this decision", field="body.rule_id")
    values: dict[str, object] = {
        "decision_id": decision_id,
        "rule_id": body.rule_id,
        "outcome": body.outcome.value,
        "reason_code": body.reason_code.value if body.reason_code else None,
        "comment": body.comment,
        "submitted_by": body.submitted_by,
        "recorded_by": recorded_by,
    }
    request_hash = sha256_hex(canonical_json(values))
    same = (FEEDBACK.c.decision_id == decision_id, FEEDBACK.c.request_hash == request_hash)
    earlier = _feedback(session, *same)
    if earlier:
        return FeedbackRecorded(earlier[0], replayed=True)
    values |= {"request_hash": request_hash, "created_at": utcnow()}
    try:
        with session.begin_nested():
            feedback_id = integrity.append_row(
                session.connection(), integrity.FEEDBACK, integrity.feedback_values(values)
            )
    except IntegrityError:  # a concurrent retry stored it between the look-up and the insert
        return FeedbackRecorded(_feedback(session, *same)[0], replayed=True)
    return FeedbackRecorded(FeedbackPublic.model_validate({"id": feedback_id, **values}), replayed=False)


def feedback_stats(session: Session, *, force: str | None = None) -> FeedbackStats:
    """Counts for auditors: how often findings are accepted or overridden, why, and for which rules
    (a force-bound auditor: on its own force's decisions only)."""
    scope = [FEEDBACK.c.decision_id.in_(integrity.force_decision_ids(force))] if force is not None else []
    by_outcome: dict[str, int] = dict(
        session.execute(
            select(FEEDBACK.c.outcome, func.count()).where(*scope).group_by(FEEDBACK.c.outcome)
        ).all()
    )
    reasons = session.execute(
        select(FEEDBACK.c.reason_code, func.count())
        .where(FEEDBACK.c.reason_code.is_not(None), *scope)
        .group_by(FEEDBACK.c.reason_code)
        .order_by(func.count().desc(), FEEDBACK.c.reason_code)
    ).all()
    rules: dict[str, dict[str, int]] = {}
    for rule_id, outcome, count in session.execute(
        select(FEEDBACK.c.rule_id, FEEDBACK.c.outcome, func.count())
        .where(*scope)
        .group_by(FEEDBACK.c.rule_id, FEEDBACK.c.outcome)
    ):
        rules.setdefault(str(rule_id), {"accepted": 0, "overridden": 0})[str(outcome)] = int(count)
    return FeedbackStats(
        accepted=by_outcome.get("accepted", 0),
        overridden=by_outcome.get("overridden", 0),
        by_reason=[ReasonCount(reason_code=r, count=n) for r, n in reasons],
        by_rule=[
            RuleFeedbackCount(rule_id=rule_id, **counts)
            for rule_id, counts in sorted(rules.items(), key=lambda kv: (-kv[1]["overridden"], kv[0]))
        ],
    )
