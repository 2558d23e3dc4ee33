"""Stateless evaluation for control-room systems and MDTs."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime

from fastapi import APIRouter, Depends, Request, Response

from app.http.deps import HistoryDep, RegistryDep
from app.http.guards import AUTH_ERRORS, Authorize
from app.http.inline import InlineRoute, routed_when
from app.rules.decision import Decision, decision_json
from app.rules.errors import RulesError
from app.rules.history import HistoryFacts
from app.schemas.errors import JSON_BODY, error_responses
from app.schemas.evaluate import EvaluateRequest, EvaluationResult
from app.services import history
from app.services.evaluation import evaluate_checklist

# Inline: answered on the event loop by the inline lane, without FastAPI's request handling or
# dependency injection (app/http/inline.py); the declaration below is still what the OpenAPI
# document and the route guard check read, and FastAPI's handler answers what the lane does not.
# A request whose rule set reads history goes to that handler (the thread pool): its lookup reads
# the database, which never happens on the event loop.
router = APIRouter(prefix="/v1", tags=["evaluate"], responses=AUTH_ERRORS, route_class=InlineRoute)


class DecisionResponse(Response):
    """A Decision already serialised by Pydantic's Rust core.

    Returning the model would make FastAPI validate it again (in a second thread-pool hop for a sync
    handler) before serialising it; the decision was built by the engine from validated parts, so
    that work buys nothing. ``response_model`` still documents the body in the OpenAPI document.
    """

    media_type = "application/json"

    def __init__(self, decision: Decision, facts: HistoryFacts | None = None) -> None:
        body = decision_json(decision)
        if facts is not None:  # the decision's own bytes, then the history it was made with
            body = b"".join((body[:-1], b',"history":', facts.model_dump_json().encode(), b"}"))
        super().__init__(body)


@dataclass(frozen=True, slots=True)
class Pinned:
    """What ``reads_history`` found for one request body: its ``as_of`` pinned (as given, else the
    checklist's latest time), and that the rule set it resolves to reads no history."""

    body: EvaluateRequest
    as_of: datetime | None


# From the lane's predicate to the handler it calls next, in the same task: the checklist's latest
# time is a walk of the whole tree (~20 us), done once for both. Matched by the body object itself,
# so the plain path (which validates a body of its own) never sees another request's pin.
_PINNED: ContextVar[Pinned | None] = ContextVar("safesteps_evaluate_pinned", default=None)


def reads_history(request: Request, body: EvaluateRequest) -> bool:
    """The rule set this request resolves to reads history (a rule set that does not resolve is
    left to the plain path too: its error is the same there). When it reads none, the pinned
    ``as_of`` is left for the handler."""
    as_of = body.as_of or body.checklist.latest_time()
    try:
        registry, ref = request.app.state.registry, body.ruleset.ref()
        if history.history_as_of(registry, ref, body.checklist, as_of) is not None:
            return True
    except RulesError:
        return True
    _PINNED.set(Pinned(body, as_of))
    return False


@router.post(
    "/evaluate",
    response_model=EvaluationResult,
    responses=error_responses(*JSON_BODY, 404),
    dependencies=[Depends(Authorize("evaluate"))],
)
@routed_when(reads_history)
def evaluate(body: EvaluateRequest, registry: RegistryDep, scope: HistoryDep) -> DecisionResponse:
    """Score a checklist against a rule set and list the steps still missing or unrecorded."""
    pinned = _PINNED.get()
    if pinned is not None and pinned.body is body:
        # The lane's predicate pinned ``as_of`` and found a rule set that reads no history: the
        # decision needs neither the walk again nor a history reader.
        _PINNED.set(None)
        decision, _ = evaluate_checklist(
            registry, body.checklist, hook=body.hook, as_of=pinned.as_of, selector=body.ruleset
        )
        return DecisionResponse(decision)
    decision, facts = evaluate_checklist(
        registry,
        body.checklist,
        hook=body.hook,
        as_of=body.as_of,
        selector=body.ruleset,
        reader=scope.reader,
        force=scope.force,
    )
    return DecisionResponse(decision, facts)
