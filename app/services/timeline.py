"""A linked child's (or adult's) timeline across incidents, for auditors (issue 15).

Addressed by what is not personal data: an incident the caller may read and the person's local id
in it (``C1``). The person is found through that incident's own ``person_history`` rows; the
pseudonyms to look for are those rows' (whatever secret made them) plus, while the incident's
latest checklist still holds the identifier (before retention erases it), every candidate the
settings give for it (``history.Pseudonymiser.candidates``: previous secrets, sharing forces). So
after content erasure the timeline still links under the pseudonyms stored, but not rows another
secret made since (a rotation without the checklist to re-derive from).

Force scope: the incident is located within the caller's force binding, and the rows read are
those of the incident's force or of its sharing group (as the history counts read them). What an
entry shows is documented in ``app.schemas.timeline``. A person's rows are few (one per incident
revision), so they are grouped and paged here rather than in SQL.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import orjson
from sqlalchemy import select
from sqlmodel import Session

from app.errors import PersonNotFound
from app.models.tables import INCIDENTS, PERSON_HISTORY, RECORDS
from app.schemas.pagination import decode_cursor, encode_cursor
from app.schemas.timeline import TimelineEntry, TimelinePage
from app.services import history
from app.services.incidents import locate

H = PERSON_HISTORY.c
PEOPLE = ("child", "adult")
_ROWS = (
    select(
        H.incident_id,
        H.revision,
        H.force,
        H.decision_id,
        H.as_of,
        H.recorded_at,
        H.basis,
        H.concern,
        H.domestic,
        H.missing,
        H.injury,
        H.referral,
        H.referral_outcome,
        H.suspect,
        H.open_steps,
        INCIDENTS.c.reference,
        INCIDENTS.c.incident_type,
    )
    .join(INCIDENTS, INCIDENTS.c.id == H.incident_id)
    .where(H.subject.in_(PEOPLE))
)


def _cursor_kind(incident_id: int, local_id: str) -> str:
    return f"timeline:{incident_id}:{local_id}"


def linked_people(
    session: Session, reference: str, *, force: str | None, of_force: str | None = None
) -> list[tuple[str, str]]:
    """(local id, subject) of every person linked at some revision of the incident: children
    first, then adults, each by local id (what the incident page links a timeline from)."""
    incident = locate(session, reference, INCIDENTS.c.id, force=force, of_force=of_force)
    rows = session.execute(
        select(H.local_id, H.subject).where(H.incident_id == incident.id, H.subject.in_(PEOPLE)).distinct()
    )
    found = {(subject, local_id) for local_id, subject in rows if local_id is not None}
    return [(local_id, subject) for subject, local_id in sorted(found, key=lambda p: (p[0] != "child", p[1]))]


def _identifier(session: Session, decision_id: str, subject: str, local_id: str) -> history.Identifier | None:
    """The person's identifier in the incident's latest checklist, or None once erased (or absent)."""
    raw = session.execute(select(RECORDS.c.input).where(RECORDS.c.decision_id == decision_id)).scalar()
    if raw is None:
        return None
    checklist = orjson.loads(raw)
    listed = checklist.get("children" if subject == "child" else "adults") or []
    person = next((p for p in listed if isinstance(p, dict) and p.get("id") == local_id), None)
    if person is None:
        return None
    born = person.get("date_of_birth")
    try:
        birth = date.fromisoformat(born) if isinstance(born, str) else None
    except ValueError:
        birth = None
    ref, name = person.get("person_ref"), person.get("full_name")
    return history.person_identifier(
        ref if isinstance(ref, str) else None, name if isinstance(name, str) else None, birth
    )


def person_timeline(
    session: Session,
    pseudonymiser: history.Pseudonymiser,
    reference: str,
    local_id: str,
    *,
    force: str | None,
    of_force: str | None = None,
    cursor: str | None = None,
    limit: int = 50,
) -> TimelinePage:
    """The incidents the person ``local_id`` of incident ``reference`` was linked to, newest first.

    ``force``: the caller's binding (another force's incident is "not found", as everywhere)."""
    incident = locate(
        session,
        reference,
        INCIDENTS.c.id,
        INCIDENTS.c.force,
        INCIDENTS.c.latest_decision_id,
        force=force,
        of_force=of_force,
    )
    own = session.execute(
        select(H.subject, H.pseudonym).where(
            H.incident_id == incident.id, H.local_id == local_id, H.subject.in_(PEOPLE)
        )
    ).all()
    if not own:
        raise PersonNotFound(local_id)
    subject = "child" if any(row.subject == "child" for row in own) else "adult"
    wanted = {row.pseudonym for row in own if row.subject == subject}
    ident = _identifier(session, incident.latest_decision_id, subject, local_id)
    if ident is not None:
        wanted |= pseudonymiser.candidates(incident.force, ident)
    rows = session.execute(
        _ROWS.where(H.force.in_(pseudonymiser.forces(incident.force)), H.pseudonym.in_(sorted(wanted)))
    ).all()
    latest: dict[int, Any] = {}
    for row in rows:  # of each incident, its latest row
        held = latest.get(row.incident_id)
        if held is None or row.revision > held.revision:
            latest[row.incident_id] = row
    ordered = sorted(latest.values(), key=lambda r: (r.as_of, r.incident_id), reverse=True)
    kind = _cursor_kind(incident.id, local_id)
    if cursor is not None:
        at, after_id = decode_cursor(cursor, kind, datetime, int)
        ordered = [r for r in ordered if (_aware(r.as_of), r.incident_id) < (at, after_id)]
    page = ordered[:limit]
    summaries = _summaries(session, [r.decision_id for r in page])
    items = [_entry(r, incident, summaries.get(r.decision_id)) for r in page]
    following = (
        encode_cursor(kind, _aware(page[-1].as_of), page[-1].incident_id) if len(ordered) > limit else None
    )
    return TimelinePage(
        items=items, next_cursor=following, incident_ref=reference, local_id=local_id, subject=subject
    )


def _aware(at: datetime) -> datetime:
    # SQLite hands back what was stored; the column type makes it aware, but be exact for cursors.
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def _summaries(session: Session, decision_ids: list[str]) -> dict[str, tuple[str | None, bool]]:
    """Decision id -> (hook, blocking), from the log (both survive content erasure)."""
    if not decision_ids:
        return {}
    found = session.execute(
        select(RECORDS.c.decision_id, RECORDS.c.context, RECORDS.c.result).where(
            RECORDS.c.decision_id.in_(decision_ids)
        )
    )
    summaries = {}
    for decision_id, context, result in found:
        parsed = orjson.loads(result) if result else {}
        summaries[decision_id] = (orjson.loads(context).get("hook"), bool(parsed.get("blocking")))
    return summaries


def _entry(row: Any, incident: Any, summary: tuple[str | None, bool] | None) -> TimelineEntry:
    same_force = row.force == incident.force
    hook, blocking = summary if summary is not None else (None, False)
    return TimelineEntry(
        at=row.as_of,
        recorded_at=row.recorded_at,
        force=row.force,
        incident_ref=row.reference if same_force else None,
        decision_id=row.decision_id if same_force else None,
        this_incident=row.incident_id == incident.id,
        incident_type=row.incident_type,
        revision=row.revision,
        hook=hook,
        blocking=blocking,
        open_critical_steps=orjson.loads(row.open_steps),
        linked_by=row.basis,
        concern=row.concern,
        domestic=row.domestic,
        missing=row.missing,
        injury=row.injury,
        referral=row.referral,
        referral_outcome=row.referral_outcome,
        suspect=row.suspect,
    )
