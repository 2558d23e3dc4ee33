"""Replay jobs: start one, follow it, page or download its results."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import StreamingResponse

from app.auth.roles import Principal
from app.http.deps import RegistryDep
from app.http.guards import AUTH_ERRORS, Authorize, audited
from app.http.pagination import CursorQuery
from app.http.session import SessionDep, UnitOfWorkRoute
from app.schemas.errors import JSON_BODY, error_responses
from app.schemas.replay import ReplayCreate, ReplayJobPublic, ReplayMode, ReplayResultsPage
from app.services.replay import export, jobs

router = APIRouter(prefix="/v1", tags=["replays"], route_class=UnitOfWorkRoute, responses=AUTH_ERRORS)
# Replays read decisions and exports carry them out: auditors only, recorded in the access audit,
# and a force-bound auditor sees only jobs confined to its force.
Reader = Annotated[Principal, audited("audit:replay", action="replay.read", target="job_id")]
Exporter = Annotated[Principal, audited("audit:export", action="audit.export", target="job_id")]

JobId = Annotated[str, Path(min_length=36, max_length=36, pattern=r"^[0-9a-f-]{36}$")]
FlaggedOnly = Annotated[
    bool,
    Query(
        description="Only flagged results: reproduction failures (as recorded) or changed incidents "
        "(impact), and in both modes the decisions not re-made (erased by retention, or unreadable)."
    ),
]


@router.post(
    "/replays", status_code=202, response_model=ReplayJobPublic, responses=error_responses(*JSON_BODY, 404)
)
def create_replay(
    body: ReplayCreate,
    client: Annotated[Principal, Depends(Authorize("audit:replay"))],
    session: SessionDep,
    registry: RegistryDep,
) -> ReplayJobPublic:
    """Queue a replay job and return it at once; a background worker runs it."""
    return jobs.public(session, jobs.create_job(session, registry, body, client.id, force=client.force))


@router.get("/replays/{job_id}", response_model=ReplayJobPublic, responses=error_responses(404, 422))
def get_replay(job_id: JobId, reader: Reader, session: SessionDep) -> ReplayJobPublic:
    """A replay job's status, progress and summary."""
    return jobs.public(session, jobs.get_job(session, job_id, force=reader.force))


@router.get(
    "/replays/{job_id}/results", response_model=ReplayResultsPage, responses=error_responses(404, 422)
)
def list_replay_results(
    job_id: JobId,
    reader: Reader,
    session: SessionDep,
    cursor: CursorQuery = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    flagged_only: FlaggedOnly = False,
) -> ReplayResultsPage:
    """One page of results in decision-log order."""
    jobs.get_job(session, job_id, force=reader.force)
    return jobs.results_page(session, job_id, cursor=cursor, limit=limit, flagged_only=flagged_only)


@router.get(
    "/replays/{job_id}/results.csv",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}}}, **error_responses(404, 422)},
)
def download_replay_csv(
    job_id: JobId,
    exporter: Exporter,
    session: SessionDep,
    request: Request,
    flagged_only: FlaggedOnly = False,
) -> StreamingResponse:
    """Every result as CSV, streamed."""
    mode = ReplayMode(jobs.get_job(session, job_id, force=exporter.force).mode)
    lines = export.csv_lines(request.app.state.engine, job_id, mode, flagged_only=flagged_only)
    headers = {"Content-Disposition": f'attachment; filename="replay-{job_id}.csv"'}
    return StreamingResponse(lines, media_type="text/csv; charset=utf-8", headers=headers)


@router.get(
    "/replays/{job_id}/results.jsonl",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/x-ndjson": {}}}, **error_responses(404, 422)},
)
def download_replay_jsonl(
    job_id: JobId,
    exporter: Exporter,
    session: SessionDep,
    request: Request,
    flagged_only: FlaggedOnly = False,
) -> StreamingResponse:
    """Every result as JSON Lines, streamed."""
    jobs.get_job(session, job_id, force=exporter.force)
    lines = export.jsonl_lines(request.app.state.engine, job_id, flagged_only=flagged_only)
    headers = {"Content-Disposition": f'attachment; filename="replay-{job_id}.jsonl"'}
    return StreamingResponse(lines, media_type="application/x-ndjson", headers=headers)
