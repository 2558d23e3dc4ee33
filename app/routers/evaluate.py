"""Stateless evaluation for control-room systems and MDTs."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Response

from app.http.deps import RegistryDep
from app.http.guards import AUTH_ERRORS, Authorize
from app.http.inline import InlineRoute
from app.rules.decision import Decision, decision_json
from app.schemas.errors import error_responses
from app.schemas.evaluate import EvaluateRequest
from app.services.evaluation import evaluate_checklist

# Inline: answered on the event loop by the inline lane, without FastAPI's request handling or
# dependency injection (app/http/inline.py); the declaration below is still what the OpenAPI
# document and the route guard check read, and FastAPI's handler answers what the lane does not.
router = APIRouter(prefix="/v1", tags=["evaluate"], responses=AUTH_ERRORS, route_class=InlineRoute)


class DecisionResponse(Response):
    """A Decision already serialised by Pydantic's Rust core.

    Returning the model would make FastAPI validate it again (in a second thread-pool hop for a sync
    handler) before serialising it; the decision was built by the engine from validated parts, so
    that work buys nothing. ``response_model`` still documents the body in the OpenAPI document.
    """

    media_type = "application/json"

    def __init__(self, decision: Decision) -> None:
        super().__init__(decision_json(decision))


@router.post(
    "/evaluate",
    response_model=Decision,
    responses=error_responses(400, 404, 413, 422),
    dependencies=[Depends(Authorize("evaluate"))],
)
def evaluate(body: EvaluateRequest, registry: RegistryDep) -> DecisionResponse:
    """Score a checklist against a rule set and list the steps still missing or unrecorded."""
    return DecisionResponse(
        evaluate_checklist(registry, body.checklist, hook=body.hook, as_of=body.as_of, selector=body.ruleset)
    )
