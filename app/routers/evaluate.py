"""Stateless evaluation for control-room systems and MDTs."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from app.auth.deps import AUTH_ERRORS, Authorize
from app.deps import RegistryDep
from app.rules.decision import Decision
from app.schemas.errors import error_responses
from app.schemas.evaluate import EvaluateRequest
from app.services.evaluation import evaluate_checklist

router = APIRouter(prefix="/v1", tags=["evaluate"], responses=AUTH_ERRORS)


@router.post(
    "/evaluate",
    response_model=Decision,
    responses=error_responses(400, 404, 413, 422),
    dependencies=[Depends(Authorize("evaluate"))],
)
def evaluate(body: EvaluateRequest, registry: RegistryDep) -> Decision:
    """Score a checklist against a rule set and list the steps still missing or unrecorded."""
    return evaluate_checklist(
        registry, body.checklist, hook=body.hook, as_of=body.as_of, selector=body.ruleset
    )
