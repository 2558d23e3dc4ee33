"""Incident submissions (single and batched offline queues) and incident views."""

from __future__ import annotations

from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, Header, Path, Query, Response
from pydantic import AfterValidator

from app.auth.roles import Principal, Role
from app.http.deps import PseudonymiserDep, RegistryDep, WriterDep
from app.http.errors import check_order, render
from app.http.etag import etag, parse_if_match
from app.http.guards import AUTH_ERRORS, Authorize, audited
from app.http.inline import inline_post
from app.http.pagination import CursorQuery
from app.http.session import SessionDep, UnitOfWorkRoute
from app.rules.checklist_types import FORCE_CODE_LENGTH
from app.schemas.errors import JSON_BODY, error_responses
from app.schemas.evaluate import check_hook
from app.schemas.incidents import (
    BatchItemResult,
    BatchRequest,
    BatchResult,
    IncidentOutstanding,
    IncidentPage,
    IncidentPublic,
    SubmissionCreate,
    SubmissionResult,
)
from app.schemas.timeline import TimelinePage
from app.schemas.types import Instant
from app.services import incidents, submissions, timeline

router = APIRouter(prefix="/v1", tags=["incidents"], responses=AUTH_ERRORS, route_class=UnitOfWorkRoute)
Submitter = Annotated[Principal, Depends(Authorize("incident:submit"))]

IncidentRef = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._:/-]*$")]
ForceCode = Annotated[str | None, Query(max_length=FORCE_CODE_LENGTH)]
NamedForce = Annotated[
    str | None,
    Query(
        max_length=FORCE_CODE_LENGTH,
        description="The incident's force. References are unique per force: a client bound to a force "
        "reads only its own force's; an unbound client names the force when several forces hold "
        "the reference (`409 ambiguous_incident_ref` otherwise).",
    ),
]
LocalId = Annotated[
    str,
    Path(
        min_length=1,
        max_length=64,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="The person's local id in the incident's checklist (`C1`, `A1`): never personal data.",
    ),
]
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=255,
        description="Makes retries safe: the same key and body return the original response.",
    ),
]
IfMatch = Annotated[
    str | None,
    Header(alias="If-Match", max_length=64, description='The incident\'s ETag (revision), e.g. "3".'),
]


def stored_response(stored: submissions.Stored) -> Response:
    headers = {"ETag": etag(stored.revision), "Location": f"/v1/incidents/{stored.incident_ref}"}
    if stored.replayed:
        headers["Idempotent-Replayed"] = "true"
    return Response(stored.response, stored.status_code, headers, media_type="application/json")


# Inline: answered on the event loop by the inline lane, without FastAPI's request handling or
# dependency injection (app/http/inline.py); the declaration is still what the OpenAPI document and
# the route guard check read, and FastAPI's handler answers what the lane does not.
@inline_post(
    router,
    "/incidents/{incident_ref}/checklists",
    status_code=201,
    response_model=SubmissionResult,
    responses=error_responses(*JSON_BODY, 404, 409, 412, 503),
)
async def submit_checklist(
    incident_ref: IncidentRef,
    body: SubmissionCreate,
    writer: WriterDep,
    registry: RegistryDep,
    client: Submitter,
    pseudonymiser: PseudonymiserDep,
    idempotency_key: IdempotencyKey = None,
    if_match: IfMatch = None,
) -> Response:
    """Store the checklist as the incident's next revision and return its evaluation at `hook`."""
    # Evaluated on the event loop (CPU-bound and short: the schema bounds the checklist, as for
    # /v1/evaluate); stored by the group writer's thread; answered once that has committed.
    work = submissions.queued(
        registry,
        incident_ref,
        body,
        idempotency_key=idempotency_key,
        if_match=parse_if_match(if_match),
        requested_by=client.id,
        force=client.force,
        pseudonymiser=pseudonymiser,
    )
    return stored_response(await writer.wait(*work))


class BatchResponse(Response):
    """A ``BatchResult`` whose items' results are their stored responses as they are: the body
    each would have got alone, not parsed and serialised again (``response_model`` documents it)."""

    media_type = "application/json"

    def __init__(self, outcomes: list[submissions.ItemOutcome]) -> None:
        applied = sum(isinstance(o, submissions.Applied) and not o.replayed for o in outcomes)
        failed = sum(isinstance(o, submissions.Rejected) for o in outcomes)
        results = [_item_result(outcome) for outcome in outcomes]
        super().__init__(orjson.dumps({"applied": applied, "failed": failed, "results": results}))


@router.post("/checklists:batch", response_model=BatchResult, responses=error_responses(*JSON_BODY, 503))
def submit_checklist_batch(
    body: BatchRequest,
    writer: WriterDep,
    registry: RegistryDep,
    client: Submitter,
    pseudonymiser: PseudonymiserDep,
) -> BatchResponse:
    """Apply an offline queue in device-time order; every item gets its own result."""
    # In the thread pool: the items are evaluated here (up to 100: too long for the event loop),
    # then stored by the group writer's thread, with single submissions; answered once committed.
    outcomes = submissions.submit_batch(
        writer, registry, body.items, requested_by=client.id, force=client.force, pseudonymiser=pseudonymiser
    )
    return BatchResponse(outcomes)


def _item_result(outcome: submissions.ItemOutcome) -> dict[str, Any] | orjson.Fragment:
    if isinstance(outcome, submissions.Applied):  # ``BatchItemResult``'s fields, in its order
        return {
            "index": outcome.index,
            "incident_ref": outcome.incident_ref,
            "status": outcome.status_code,
            "replayed": outcome.replayed,
            "result": orjson.Fragment(outcome.response),
            "error": None,
        }
    error = render(outcome.error, prefix=f"body.items[{outcome.index}].")
    item = BatchItemResult(
        index=outcome.index, incident_ref=outcome.incident_ref, status=error.status, error=error.body
    )
    return orjson.Fragment(item.model_dump_json())


@router.get(
    "/incidents/{incident_ref}", response_model=IncidentPublic, responses=error_responses(404, 409, 422)
)
def get_incident(
    incident_ref: IncidentRef,
    reader: Annotated[Principal, audited("incident:read", action="incident.read", target="incident_ref")],
    session: SessionDep,
    response: Response,
    force: NamedForce = None,
) -> IncidentPublic:
    """The latest revision and evaluation, every revision's history entry, and officers' feedback."""
    incident = incidents.get_incident(session, incident_ref, force=reader.force, of_force=force)
    response.headers["ETag"] = etag(incident.revision)
    return incident


@router.get("/incidents", response_model=IncidentPage, responses=error_responses(422))
def list_incidents(
    reader: Annotated[Principal, audited("incident:list", action="incident.list")],
    session: SessionDep,
    force: ForceCode = None,
    hook: Annotated[
        str | None,
        Query(max_length=64, description="Hook of the latest evaluation."),
        AfterValidator(check_hook),
    ] = None,
    blocking: Annotated[bool | None, Query(description="Latest evaluation blocking.")] = None,
    updated_from: Annotated[Instant | None, Query(description="Inclusive.")] = None,
    updated_to: Annotated[Instant | None, Query(description="Exclusive.")] = None,
    cursor: CursorQuery = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> IncidentPage:
    """Incidents, most recently updated first, filtered and paginated by cursor."""
    check_order("updated_from", updated_from, "updated_to", updated_to)
    return incidents.list_incidents(
        session,
        of_force=force,
        hook=hook,
        blocking=blocking,
        updated_from=updated_from,
        updated_to=updated_to,
        cursor=cursor,
        limit=limit,
        force=reader.force,
    )


@router.get(
    "/incidents/{incident_ref}/outstanding",
    response_model=IncidentOutstanding,
    responses=error_responses(404, 409, 422),
)
def get_outstanding_steps(
    incident_ref: IncidentRef,
    reader: Annotated[
        Principal, audited("incident:outstanding", action="incident.outstanding", target="incident_ref")
    ],
    session: SessionDep,
    force: NamedForce = None,
) -> IncidentOutstanding:
    """The steps still missing or unrecorded on the incident's latest evaluation (no checklist)."""
    # An MDT sees only incidents it has submitted to; a control room every incident of its force.
    submitter = reader.id if reader.role is Role.mdt else None
    return incidents.get_outstanding(
        session, incident_ref, force=reader.force, of_force=force, submitter=submitter
    )


@router.get(
    "/incidents/{incident_ref}/people/{local_id}/timeline",
    response_model=TimelinePage,
    responses=error_responses(404, 409, 422),
)
def get_person_timeline(
    incident_ref: IncidentRef,
    local_id: LocalId,
    reader: Annotated[
        Principal,
        audited("person:timeline", action="person.timeline", target=("incident_ref", "local_id")),
    ],
    session: SessionDep,
    pseudonymiser: PseudonymiserDep,
    force: NamedForce = None,
    cursor: CursorQuery = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> TimelinePage:
    """A linked child's or adult's incidents across the force (or its sharing group), newest first:
    dates, references, types, outcome summaries and flags; no names or person references."""
    return timeline.person_timeline(
        session,
        pseudonymiser,
        incident_ref,
        local_id,
        force=reader.force,
        of_force=force,
        cursor=cursor,
        limit=limit,
    )
