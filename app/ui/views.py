"""The auditors' workspace under ``/ui``: server-rendered pages over the same services as the API.

Every page that shows incident data is access-audited (``security.page``); every form that changes
state checks its CSRF token. Pages need no JavaScript: replay progress refreshes itself with
``<meta http-equiv="refresh">`` while the job runs.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, FastAPI, Form, HTTPException, Query, Request, Response
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import ValidationError
from sqlalchemy import select

from app.auth.authenticator import AuthFailed
from app.auth.oidc import KeysUnavailable, NoRole
from app.auth.roles import Principal
from app.errors import ServiceError
from app.http.deps import PseudonymiserDep, RegistryDep, SettingsDep
from app.http.errors import render as render_error
from app.http.guards import anonymous
from app.http.pagination import CursorQuery
from app.http.session import SessionDep, UnitOfWorkRoute
from app.models.replay import ReplayJob
from app.models.tables import RECORDS
from app.routers.aggregates import ScopeQuery, StepId
from app.rules.checklist_types import FORCE_CODE_LENGTH
from app.rules.registry import RulesetRegistry
from app.schemas.aggregates import StatusCounts, StepCounts
from app.schemas.replay import ReplayCreate, ReplayHistory, ReplayMode
from app.services import aggregates, audit, decisions, incidents, timeline
from app.services.aggregates import Period
from app.services.replay import export, jobs
from app.settings import Settings
from app.ui import charts, report, security
from app.ui.oidc import FLOW_COOKIE, FLOW_SECONDS, OidcClient, OidcError

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=HERE / "templates")
templates.env.globals["urlencode"] = urlencode
templates.env.filters["describe"] = export.describe
# An impact replay's history facts in the workspace's words: the form's choices and the job's page.
templates.env.globals["history_facts"] = {
    ReplayHistory.stored.value: "as each decision was made with them",
    ReplayHistory.recomputed.value: "counted again from the person history as it is now",
}
RULESET = "concern-for-a-child"
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


class UiRoute(UnitOfWorkRoute):
    """Pages: errors become HTML pages (sign-in required: a redirect to the sign-in page), and
    every response carries the security headers."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def run(request: Request) -> Response:
            try:
                response = await handler(request)
            except security.SignInRequired:
                if request.method == "GET":
                    response = RedirectResponse(security.sign_in_url(request), status_code=303)
                else:
                    response = error_page(request, 401, "Your sign-in has ended; sign in again.")
            except HTTPException as exc:
                response = error_page(request, exc.status_code, str(exc.detail), exc.headers)
            except RequestValidationError as exc:
                problems = _form_problems(exc.errors())
                response = error_page(request, 422, "Some values are not valid.", problems=problems)
            except ServiceError as exc:
                rendered = render_error(exc)
                response = error_page(request, rendered.status, rendered.body.message, rendered.headers)
            if response.status_code >= 400:  # for the access audit's record (``UiAudited``)
                setattr(request.state, security.ERROR_STATUS, response.status_code)
            response.headers["Content-Security-Policy"] = CSP
            response.headers["X-Content-Type-Options"] = "nosniff"
            response.headers["Referrer-Policy"] = "same-origin"
            response.headers.setdefault("Cache-Control", "no-store")
            return response

        return run


router = APIRouter(prefix="/ui", route_class=UiRoute, include_in_schema=False)
Auditor = Annotated[Principal, security.page("decision:read", action="ui.overview")]
Lister = Annotated[Principal, security.page("decision:read", action="ui.decisions")]
IncidentReader = Annotated[
    Principal, security.page("incident:read", action="incident.read", target="incident_ref")
]
TimelineReader = Annotated[
    Principal,
    security.page("person:timeline", action="person.timeline", target=("incident_ref", "local_id")),
]
DecisionReader = Annotated[
    Principal, security.page("decision:read", action="decision.read", target="decision_id")
]
Verifier = Annotated[Principal, security.page("audit:verify", action="audit.verify")]
ReplayReader = Annotated[Principal, security.page("audit:replay", action="replay.read", target="job_id")]
Exporter = Annotated[Principal, security.page("audit:export", action="audit.export", target="job_id")]
Reporter = Annotated[Principal, security.page("decision:read", action="ui.report")]
ReplayStarter = Annotated[Principal, security.form("audit:replay")]
ScopeDep = Annotated[ScopeQuery, Depends()]


# The pages' query and form fields as their forms label them, for the list of what is not valid.
_FIELD_LABELS = {
    "force": "Force",
    "from_date": "From",
    "to_date": "To",
    "period": "Period",
    "step": "Step",
    "hook": "Moment (hook)",
    "status": "Status",
    "severity": "Severity",
    "blocking": "Blocking",
    "closed_critical": "Closures with a critical step open",
    "history_changed": "History changed the outcome",
    "cursor": "Page link",
    "mode": "Replay",
    "ruleset": "Version",
    "version": "Version",
    "history": "History facts",
}


# Messages that point API clients at an endpoint, as the workspace says them.
_FORM_MESSAGES = {
    "unknown_step": "not a step of the rule sets",
    "unknown_hook": "not a moment (hook) of the rule sets",
}


def _form_problems(errors: Sequence[Any]) -> list[str]:
    """Validation errors as an auditor reads them: the field by its label on the form (not its
    place in the request), what is wrong, and days the wrong way round said in those labels."""
    problems = []
    for e in errors:
        if e["type"] == "range_reversed":
            first, last = (_FIELD_LABELS.get(e["ctx"][k], e["ctx"][k]) for k in ("first", "last"))
            problems.append(f"“{last}” is before “{first}”.")
            continue
        names = [str(part) for part in e["loc"] if isinstance(part, str)]
        field = next((_FIELD_LABELS[n] for n in reversed(names) if n in _FIELD_LABELS), None)
        message = _FORM_MESSAGES.get(e["type"]) or str(e["msg"]).removeprefix("Value error, ")
        problems.append(f"{field}: {message}" if field else message)
    return problems


def error_page(
    request: Request,
    status: int,
    message: str,
    headers: Mapping[str, str] | None = None,
    problems: list[str] | None = None,
) -> Response:
    titles = {401: "Sign in needed", 403: "Not allowed", 404: "Not found", 422: "Not valid", 429: "Slow down"}
    return templates.TemplateResponse(
        request,
        "error.html",
        {
            "status": status,
            "title": titles.get(status, "Something went wrong"),
            "message": message,
            "problems": problems or [],
            "principal": None,
        },
        status_code=status,
        headers=dict(headers) if headers else None,
    )


def render(request: Request, name: str, principal: Principal | None, **context: Any) -> HTMLResponse:
    token = request.cookies.get(security.SESSION_COOKIE)
    settings = request.app.state.settings
    context["csrf"] = security.csrf_token(settings, token) if token else ""
    return templates.TemplateResponse(request, name, {"principal": principal, **context})


def _forces(session: SessionDep, principal: Principal) -> list[str]:
    if principal.force is not None:
        return [principal.force]
    d = aggregates.DECISION_DAYS.c
    return [f for (f,) in session.execute(select(d.force).distinct().order_by(d.force))]


def _version_dates(registry: RulesetRegistry, start: date, end: date) -> list[tuple[date, str]]:
    return [
        (r.document.effective_from, f"{r.document.version} in force")
        for r in registry.versions(RULESET)
        if start < r.document.effective_from <= end
    ]


def _percent(part: int, whole: int) -> float | None:
    return 100 * part / whole if whole else None


def _trend(points: dict[date, StatusCounts]) -> tuple[list[date], list[charts.Series]]:
    labels = sorted(points)
    series = [
        charts.Series(
            status, label, [_percent(getattr(points[d], status), points[d].applicable) for d in labels]
        )
        for status, label in (
            ("missing", "missing (recorded not done)"),
            ("not_recorded", "not recorded by the time due"),
            ("unknown", "not yet recorded"),
            ("met", "met"),
        )
    ]
    return labels, series


def _list_link(scope: aggregates.Scope, **params: Any) -> str:
    query = {"from_date": scope.from_day.isoformat(), "to_date": scope.to_day.isoformat()}
    if scope.force:
        query["force"] = scope.force
    if scope.hook:
        query["hook"] = scope.hook
    query.update(
        {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in params.items() if v is not None}
    )
    return "/ui/decisions?" + urlencode(query)


def _missed_rate(step: StepCounts) -> float:
    return 100 * (step.missing + step.not_recorded) / step.applicable if step.applicable else 0.0


@router.get("/", response_class=HTMLResponse, name="ui_overview")
def ui_overview(
    request: Request,
    principal: Auditor,
    query: ScopeDep,
    session: SessionDep,
    registry: RegistryDep,
    period: Period = Period.week,
    step: StepId = None,
) -> HTMLResponse:
    """Overview per force and period: trends, steps most often missed, blocking, rule-set changes."""
    scope = query.scope(principal)
    overview = aggregates.overview(session, scope, period)
    missed = sorted(
        (s for s in overview.by_step if s.applicable), key=lambda s: (-_missed_rate(s), s.step_id)
    )[:10]
    chosen = step or (missed[0].step_id if missed else None)
    step_points = aggregates.step_series(session, scope, period, chosen)
    labels, series = _trend(step_points)
    versions = _version_dates(registry, scope.from_day, scope.to_day)
    step_title = next((s.title for s in overview.by_step if s.step_id == chosen), chosen or "")
    trend_chart = charts.line_chart(
        "trend",
        f"{chosen}: share of decisions by outcome, per {period.value}",
        f"Percentage of decisions where {chosen} applied, by outcome, "
        f"from {scope.from_day} to {scope.to_day}.",
        labels,
        series,
        unit="%",
        markers=versions,
    )
    blocking_chart = charts.line_chart(
        "blocking",
        f"Blocking rate per {period.value}",
        "Percentage of decisions at blocking moments (leaving the scene, closure) with a critical step open.",
        [p.start for p in overview.series],
        [
            charts.Series(
                "blocking",
                "blocking rate",
                [_percent(p.blocking, p.at_blocking_hooks) for p in overview.series],
            )
        ],
        unit="%",
        markers=versions,
    )
    missed_chart = charts.bar_chart(
        "missed",
        "Steps most often missed",
        "Share of decisions where the step applied and was missing or not recorded when due.",
        [
            (f"{s.step_id}: {s.title}", _missed_rate(s), _list_link(scope, step=s.step_id, status="missing"))
            for s in missed
        ],
    )
    changes = []
    for when, label in versions:
        before = aggregates.overview(
            session,
            aggregates.Scope(scope.force, scope.from_day, when - timedelta(days=1), scope.hook),
            Period.month,
        )
        after = aggregates.overview(
            session, aggregates.Scope(scope.force, when, scope.to_day, scope.hook), Period.month
        )
        after_steps = {s.step_id: s for s in after.by_step}
        rows = []
        for s in before.by_step:
            other = after_steps.get(s.step_id)
            if other and s.applicable >= 10 and other.applicable >= 10:
                rows.append((s, _missed_rate(s), _missed_rate(other)))
        rows.sort(key=lambda r: -abs(r[2] - r[1]))
        changes.append(
            {"label": label, "when": when, "before": before.totals, "after": after.totals, "steps": rows[:8]}
        )
    return render(
        request,
        "overview.html",
        principal,
        overview=overview,
        scope=scope,
        period=period.value,
        forces=_forces(session, principal),
        steps=sorted(overview.by_step, key=lambda s: s.step_id),
        chosen=chosen,
        step_title=step_title,
        step_points=[(d, step_points[d]) for d in sorted(step_points)],
        trend_chart=trend_chart,
        blocking_chart=blocking_chart,
        missed_chart=missed_chart,
        missed=missed,
        changes=changes,
        link=lambda **kw: _list_link(scope, **kw),
        period_link=lambda start, **kw: _list_link(
            aggregates.Scope(
                scope.force,
                max(start, scope.from_day),
                min(aggregates.period_end(start, period), scope.to_day),
                scope.hook,
            ),
            **kw,
        ),
        missed_rate=_missed_rate,
    )


@router.get("/decisions", response_class=HTMLResponse, name="ui_decisions")
def ui_decisions(
    request: Request,
    principal: Lister,
    query: ScopeDep,
    session: SessionDep,
    step: StepId = None,
    status: Literal["missing", "not_recorded", "unknown"] | None = None,
    severity: Literal["critical", "high", "medium", "low"] | None = None,
    blocking: bool | None = None,
    closed_critical: bool = False,
    history_changed: bool | None = None,
    cursor: CursorQuery = None,
) -> HTMLResponse:
    """The decisions behind a number, newest first."""
    scope = query.scope(principal)
    filters = aggregates.DecisionFilter.parse(
        step=step,
        status=status,
        severity=severity,
        blocking=blocking,
        closed_critical=closed_critical,
        history_changed=history_changed,
    )
    page = aggregates.decisions_behind(session, scope, filters, cursor=cursor, limit=50)
    shown = {
        "step": step,
        "status": status,
        "severity": severity,
        "blocking": blocking,
        "closed_critical": closed_critical,
        "history_changed": history_changed,
    }
    # The next page's link carries the same filters (an unset one, or closed_critical off, left out).
    more = (
        _list_link(scope, **{**shown, "closed_critical": closed_critical or None}, cursor=page.next_cursor)
        if page.next_cursor
        else None
    )
    return render(request, "decisions.html", principal, page=page, scope=scope, more=more, **shown)


@router.get("/incidents/{incident_ref}", response_class=HTMLResponse, name="ui_incident")
def ui_incident(
    request: Request,
    incident_ref: str,
    principal: IncidentReader,
    session: SessionDep,
    force: Annotated[str | None, Query(max_length=FORCE_CODE_LENGTH)] = None,
) -> HTMLResponse:
    """An incident's revision history and its latest findings (``force``: as in the API, to name
    the incident's force when several forces hold the reference)."""
    incident = incidents.get_incident(session, incident_ref, force=principal.force, of_force=force)
    people = (
        timeline.linked_people(session, incident_ref, force=principal.force, of_force=force)
        if principal.may("person:timeline")
        else []
    )
    return render(request, "incident.html", principal, incident=incident, people=people, force=force)


@router.get(
    "/incidents/{incident_ref}/people/{local_id}", response_class=HTMLResponse, name="ui_person_timeline"
)
def ui_person_timeline(
    request: Request,
    incident_ref: str,
    local_id: Annotated[str, PathParam(max_length=64, pattern=r"^[A-Za-z0-9_-]+$")],
    principal: TimelineReader,
    session: SessionDep,
    pseudonymiser: PseudonymiserDep,
    force: Annotated[str | None, Query(max_length=FORCE_CODE_LENGTH)] = None,
    cursor: CursorQuery = None,
) -> HTMLResponse:
    """A linked person's incidents across the force, newest first (addressed by the incident and
    the person's local id: no personal data in the URL or on the page)."""
    page = timeline.person_timeline(
        session,
        pseudonymiser,
        incident_ref,
        local_id,
        force=principal.force,
        of_force=force,
        cursor=cursor,
        limit=50,
    )
    query = {k: v for k, v in (("force", force), ("cursor", page.next_cursor)) if v}
    more = f"{request.url.path}?{urlencode(query)}" if page.next_cursor else None
    return render(request, "timeline.html", principal, page=page, more=more, force=force)


@router.get("/decisions/{decision_id}", response_class=HTMLResponse, name="ui_decision")
def ui_decision(
    request: Request, decision_id: str, principal: DecisionReader, session: SessionDep
) -> HTMLResponse:
    """A decision's findings with message, action and citations, its rule set and its chain links."""
    record = decisions.get_decision(session, decision_id, force=principal.force)
    row = session.execute(select(RECORDS).where(RECORDS.c.seq == record.seq)).mappings().one()
    following = session.execute(select(RECORDS.c.prev_hash).where(RECORDS.c.seq == record.seq + 1)).first()
    links = {
        "hash": audit.chain_hash(row["prev_hash"], audit.record_bytes(row["seq"], row)) == row["hash"],
        "content": audit.content_matches(row),
        "next": None if following is None else following.prev_hash == row["hash"],
    }
    return render(request, "decision.html", principal, record=record, links=links)


@router.get("/verify", response_class=HTMLResponse, name="ui_verify")
def ui_verify(request: Request, principal: Verifier, session: SessionDep) -> HTMLResponse:
    """Recompute the whole hash chain of the decision log."""
    result = audit.verify(session)
    if principal.force is not None:  # a force-bound auditor sees its own force's counts only
        result = audit.for_force(session, result, principal.force)
    return render(request, "verify.html", principal, result=result)


def _jobs(session: SessionDep, principal: Principal) -> list[Any]:
    rows = session.execute(select(ReplayJob).order_by(ReplayJob.created_at.desc()).limit(100)).scalars()  # type: ignore[attr-defined]
    visible = [jobs.public(session, j) for j in rows]
    if principal.force is not None:
        visible = [j for j in visible if j.selection.force == principal.force]
    return visible[:25]


@router.get("/replays", response_class=HTMLResponse, name="ui_replays")
def ui_replays(
    request: Request,
    principal: Annotated[Principal, security.page("audit:replay", action="replay.list")],
    session: SessionDep,
    registry: RegistryDep,
) -> HTMLResponse:
    """Replays: start one (as recorded, or the impact of another version), and the recent ones."""
    return _replays_page(request, principal, session, registry)


def _replays_page(
    request: Request,
    principal: Principal,
    session: SessionDep,
    registry: RulesetRegistry,
    form: dict[str, str] | None = None,
    problems: list[str] | None = None,
) -> HTMLResponse:
    response = render(
        request,
        "replays.html",
        principal,
        jobs=_jobs(session, principal),
        versions=[r.document.version for r in registry.versions(RULESET)],
        forces=_forces(session, principal),
        form=form or {},
        problems=problems or [],
    )
    response.status_code = 422 if problems else 200
    return response


@router.post("/replays", response_class=HTMLResponse, name="ui_start_replay")
def ui_start_replay(
    request: Request,
    principal: ReplayStarter,
    session: SessionDep,
    registry: RegistryDep,
    settings: SettingsDep,
    csrf: Annotated[str, Form()] = "",
    mode: Annotated[str, Form()] = "as_recorded",
    version: Annotated[str, Form()] = "",
    force: Annotated[str, Form()] = "",
    from_date: Annotated[str, Form()] = "",
    to_date: Annotated[str, Form()] = "",
    hook: Annotated[str, Form()] = "",
    history_changed: Annotated[str, Form(max_length=8)] = "",
    history: Annotated[str, Form(max_length=16)] = "",
) -> Response:
    """Queue a replay from the form; the job page follows its progress."""
    security.check_csrf(request, settings, request.cookies.get(security.SESSION_COOKIE), csrf)
    form = {
        "mode": mode,
        "version": version,
        "force": force,
        "from_date": from_date,
        "to_date": to_date,
        "hook": hook,
        "history_changed": history_changed,
        "history": history,
    }
    selection: dict[str, Any] = {
        k: v for k, v in form.items() if k in {"force", "from_date", "to_date", "hook"} and v
    }
    if history_changed == "true":
        selection["history_changed"] = True
    body: dict[str, Any] = {"mode": mode, "selection": selection}
    if mode == ReplayMode.impact.value:
        body["ruleset"] = {"id": RULESET, "version": version or None}
        if history:  # the API's default (stored) otherwise; an as-recorded replay takes none
            body["history"] = history
    try:
        job = jobs.create_job(
            session, registry, ReplayCreate.model_validate(body), principal.id, force=principal.force
        )
    except ValidationError as exc:
        problems = _form_problems(exc.errors())
        return _replays_page(request, principal, session, registry, form, problems)
    return RedirectResponse(f"/ui/replays/{job.id}", status_code=303)


@router.get("/replays/{job_id}", response_class=HTMLResponse, name="ui_replay")
def ui_replay(request: Request, job_id: str, principal: ReplayReader, session: SessionDep) -> HTMLResponse:
    """A replay's progress, summary and flagged results."""
    job = jobs.public(session, jobs.get_job(session, job_id, force=principal.force))
    results = jobs.results_page(session, job_id, cursor=None, limit=100, flagged_only=True)
    running = job.status.value in ("queued", "running")
    return render(request, "replay.html", principal, job=job, results=results.items, running=running)


@router.get("/replays/{job_id}/results.csv", name="ui_replay_csv")
def ui_replay_csv(
    request: Request, job_id: str, principal: Exporter, session: SessionDep
) -> StreamingResponse:
    mode = ReplayMode(jobs.get_job(session, job_id, force=principal.force).mode)
    lines = export.csv_lines(request.app.state.engine, job_id, mode)
    headers = {"Content-Disposition": f'attachment; filename="replay-{job_id}.csv"'}
    return StreamingResponse(lines, media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/replays/{job_id}/results.jsonl", name="ui_replay_jsonl")
def ui_replay_jsonl(
    request: Request, job_id: str, principal: Exporter, session: SessionDep
) -> StreamingResponse:
    jobs.get_job(session, job_id, force=principal.force)
    lines = export.jsonl_lines(request.app.state.engine, job_id)
    headers = {"Content-Disposition": f'attachment; filename="replay-{job_id}.jsonl"'}
    return StreamingResponse(lines, media_type="application/jsonl", headers=headers)


@router.get("/report", response_class=HTMLResponse, name="ui_report")
def ui_report(
    request: Request, principal: Reporter, query: ScopeDep, session: SessionDep, registry: RegistryDep
) -> HTMLResponse:
    """The printable inspection report for a force and period, by HMICFRS inspection stage."""
    scope = query.scope(principal)
    overview = aggregates.overview(session, scope, Period.month)
    stages = report.stages(overview.by_step)
    by_step = aggregates.series_by_step(session, scope, Period.month)
    months = [p.start for p in overview.series]
    trends = {}
    for stage in stages:
        values = []
        for month in months:
            counts = [by_step.get(s.step_id, {}).get(month) for s in stage.steps]
            applicable = sum(c.applicable for c in counts if c)
            values.append(_percent(sum(c.open for c in counts if c), applicable))
        trends[stage.key] = charts.line_chart(
            f"trend-{stage.key}",
            f"{stage.title}: share of applicable steps open, per month",
            "Missing, not recorded when due, or not yet recorded, as a percentage of applicable steps.",
            months,
            [charts.Series("missing", "open steps", values)],
            unit="%",
            markers=_version_dates(registry, scope.from_day, scope.to_day),
            height=200,
        )
    hashes = {f"{r.document.id}@{r.document.version}": r for r in registry.versions(RULESET)}
    return render(
        request,
        "report.html",
        principal,
        scope=scope,
        overview=overview,
        stages=stages,
        trends=trends,
        hashes=hashes,
        verification=audit.verify(session),
        generated=datetime.now(UTC),
        missed_rate=_missed_rate,
    )


# ------------------------------------------------------------------------------------------ sign-in
def _safe_next(value: str | None) -> str:
    """Only a path of this workspace: never another site (``//host``) or scheme."""
    if value and value.startswith("/ui") and not value.startswith("//") and "\\" not in value:
        return value
    return "/ui/"


def _sign_in_page(
    request: Request, settings: Settings, target: str | None, error: str | None = None, status: int = 200
) -> Response:
    nonce = security.nonce(request)
    response = templates.TemplateResponse(
        request,
        "sign_in.html",
        {
            "principal": None,
            "csrf": security.csrf_token(settings, nonce),
            "next": _safe_next(target),
            "keys": settings.ui_keys_sign_in,
            "oidc": request.app.state.ui_oidc is not None,
            "error": error,
        },
        status_code=status,
    )
    security.set_cookie(response, settings, security.NONCE_COOKIE, nonce, 3600)
    return response


@router.get("/sign-in", response_class=HTMLResponse, name="ui_sign_in", dependencies=[Depends(anonymous)])
def ui_sign_in(request: Request, settings: SettingsDep, next: str | None = None) -> Response:
    return _sign_in_page(request, settings, next)


def _signed_in_response(
    request: Request, session: SessionDep, settings: Settings, principal: Principal, target: str
) -> Response:
    token = security.open_session(session, settings, principal)
    response = RedirectResponse(_safe_next(target), status_code=303)
    security.set_cookie(response, settings, security.SESSION_COOKIE, token, settings.ui_session_minutes * 60)
    security.clear_cookie(response, settings, security.NONCE_COOKIE)
    security.clear_cookie(response, settings, FLOW_COOKIE)
    return response


@router.post(
    "/sign-in", response_class=HTMLResponse, name="ui_sign_in_with_key", dependencies=[Depends(anonymous)]
)
def ui_sign_in_with_key(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    key: Annotated[str, Form(max_length=4096)] = "",
    csrf: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/ui/",
) -> Response:
    """Sign in with an API key (local and demo use): roles and force binding are the key's."""
    security.check_csrf(request, settings, request.cookies.get(security.NONCE_COOKIE), csrf)
    if not settings.ui_keys_sign_in:
        raise HTTPException(403, "Sign-in with a key is switched off here; use the identity provider.")
    try:
        principal = request.app.state.authenticator.authenticate(key.strip(), request.app.state.engine)
    except (AuthFailed, NoRole, KeysUnavailable):
        client = request.client.host if request.client else "unknown"
        if request.app.state.failure_limiter.acquire(f"ip:{client}") is not None:
            raise HTTPException(429, "Too many failed attempts; wait a moment.") from None
        error = "That key is not valid, has expired or has been revoked."
        return _sign_in_page(request, settings, next, error, status=401)
    return _signed_in_response(request, session, settings, principal, next)


def _callback_url(request: Request) -> str:
    return str(request.url_for("ui_oidc_callback"))


@router.get("/sign-in/oidc", name="ui_oidc_start", dependencies=[Depends(anonymous)])
def ui_oidc_start(request: Request, settings: SettingsDep, next: str | None = None) -> Response:
    """Send the browser to the force's identity provider (authorization code with PKCE)."""
    client: OidcClient | None = request.app.state.ui_oidc
    if client is None:
        raise HTTPException(404, "Sign-in with an identity provider is not configured here.")
    try:
        flow = client.start(_callback_url(request), _safe_next(next))
    except OidcError as exc:
        raise HTTPException(503, str(exc)) from None
    response = RedirectResponse(flow.url, status_code=303)
    security.set_cookie(response, settings, FLOW_COOKIE, flow.cookie, FLOW_SECONDS)
    return response


@router.get("/sign-in/callback", name="ui_oidc_callback", dependencies=[Depends(anonymous)])
def ui_oidc_callback(request: Request, session: SessionDep, settings: SettingsDep) -> Response:
    """The identity provider's redirect: exchange the code, verify the token as the API would."""
    client: OidcClient | None = request.app.state.ui_oidc
    if client is None:
        raise HTTPException(404, "Sign-in with an identity provider is not configured here.")
    try:
        token, target = client.finish(
            str(request.url), request.cookies.get(FLOW_COOKIE), _callback_url(request)
        )
        principal = request.app.state.authenticator.authenticate(token, request.app.state.engine)
    except OidcError as exc:
        raise HTTPException(401, str(exc)) from None
    except (AuthFailed, NoRole):
        raise HTTPException(403, "The identity provider's token gives no SafeSteps role here.") from None
    except KeysUnavailable:
        raise HTTPException(503, "The identity provider's keys cannot be fetched; try again.") from None
    return _signed_in_response(request, session, settings, principal, target)


@router.post("/sign-out", name="ui_sign_out", dependencies=[Depends(anonymous)])
def ui_sign_out(
    request: Request, session: SessionDep, settings: SettingsDep, csrf: Annotated[str, Form()] = ""
) -> Response:
    """End the session (the cookie's token no longer opens anything, even if kept)."""
    token = request.cookies.get(security.SESSION_COOKIE)
    if token:  # without a session there is nothing to end (and nothing a forged form could do)
        security.check_csrf(request, settings, token, csrf)
        security.end_session(session, token)
    response = RedirectResponse("/ui/sign-in", status_code=303)
    security.clear_cookie(response, settings, security.SESSION_COOKIE)
    return response


def install(app: FastAPI) -> None:
    """Mount the workspace and its static files; OIDC sign-in when configured."""
    settings = app.state.settings
    app.state.ui_oidc = (
        OidcClient(settings) if settings.ui_oidc_discovery_url and settings.ui_oidc_client_id else None
    )
    app.include_router(router)
    app.mount("/ui/static", StaticFiles(directory=HERE / "static"), name="ui_static")
