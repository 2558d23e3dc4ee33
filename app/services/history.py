"""Person history: keyed pseudonyms, the ``person_history`` rows a submission writes, and the
history facts (``app.rules.history.HistoryFacts``) counted from them before an evaluation.

Pseudonyms. ``HMAC-SHA256(secret, [format, force, kind, basis, value])``: ``value`` is the force's
person reference when the checklist gives one (NFKC, case-folded, whitespace removed), else the
full name (NFKC, case-folded, whitespace collapsed) with the date of birth; a person with neither
is not linked. An address is its ``incident.address_ref``. The force is in the HMAC input, so two
forces' pseudonyms of the same person differ and never link; a force in a sharing group
(``history_shared_forces``) looks up the pseudonyms of every force of its group instead. Nothing
is stored from which the identifier could be recovered, so a secret cannot be re-keyed in place:
rotation is a new secret for new rows plus ``history_previous_secrets``, whose pseudonyms lookups
also match (``key_id`` on each row says which secret made it). See docs/history.md.

Counting follows the contract in ``app.rules.history`` and ``app.models.history``: rows of other
incidents, recorded at or before ``as_of``, the latest row (highest revision) of each incident.
Nothing of an earlier incident but counts, dates, a referral outcome and step ids leaves here.
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any
from weakref import WeakKeyDictionary

import orjson
from sqlalchemy import Connection, Dialect, Engine, Select, bindparam, func, insert, select

from app.models.tables import INCIDENTS, PERSON_HISTORY
from app.rules.checklist import AdultRole, Checklist, IncidentType
from app.rules.compiler import CompiledRuleset
from app.rules.decision import Decision, Outcome
from app.rules.engine import RulesetRef, resolve
from app.rules.history import AddressHistory, HistoryFacts, PersonHistory
from app.rules.model import Severity
from app.rules.registry import RulesetRegistry
from app.rules.replay import context_from_json
from app.services import statements
from app.settings import Settings, get_settings

FORMAT = "safesteps-history/1"
MONTHS_3 = timedelta(days=92)
MONTHS_12 = timedelta(days=365)
DAYS_90 = timedelta(days=90)
# Incident types that are concern-for-a-child incidents whatever their flags say (our own choice).
CONCERN_TYPES = frozenset(
    {IncidentType.child_abuse, IncidentType.child_neglect, IncidentType.welfare_concern}
)


def reads_history(ruleset: CompiledRuleset) -> bool:
    return ruleset.document.history == 1


def normalise_ref(ref: str) -> str:
    return "".join(unicodedata.normalize("NFKC", ref).casefold().split())


def normalise_name(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def key_id(secret: bytes) -> str:
    """A public name for a secret (which secret made a row), from which the secret is not found."""
    return hmac.new(secret, b"safesteps-history-key-id", hashlib.sha256).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Identifier:
    kind: str  # "person" or "address": a person reference never links with an address
    basis: str  # "ref", "name_dob" or "address"
    value: str


def person_identifier(person_ref: str | None, full_name: str | None, born: date | None) -> Identifier | None:
    if person_ref and (ref := normalise_ref(person_ref)):
        return Identifier("person", "ref", ref)
    if full_name and born is not None and (name := normalise_name(full_name)):
        return Identifier("person", "name_dob", f"{name}|{born.isoformat()}")
    return None


class Pseudonymiser:
    """The secrets and sharing groups of the settings, as pseudonyms to write and to look up."""

    def __init__(
        self, secret: str, previous: Sequence[str] = (), sharing: dict[str, tuple[str, ...]] | None = None
    ):
        self._current = secret.encode("utf-8")
        self._all = [self._current, *(s.encode("utf-8") for s in previous if s != secret)]
        self.key_id = key_id(self._current)
        self._sharing = sharing or {}

    @classmethod
    def of(cls, settings: Settings) -> Pseudonymiser:
        return cls(
            settings.history_secret.get_secret_value(),
            [s.get_secret_value() for s in settings.history_previous_secrets],
            settings.history_sharing,
        )

    def forces(self, force: str) -> tuple[str, ...]:
        """The forces whose rows ``force`` reads: itself, or its sharing group."""
        return self._sharing.get(force, (force,))

    @staticmethod
    def _hmac(secret: bytes, force: str, ident: Identifier) -> str:
        message = orjson.dumps([FORMAT, force, ident.kind, ident.basis, ident.value])
        return hmac.new(secret, message, hashlib.sha256).hexdigest()

    def pseudonym(self, force: str, ident: Identifier) -> str:
        """The pseudonym a new row is written with (the current secret, the row's own force)."""
        return self._hmac(self._current, force, ident)

    def candidates(self, force: str, ident: Identifier) -> set[str]:
        """Every pseudonym an earlier row of this person may carry: each secret, each sharing force."""
        return {self._hmac(secret, f, ident) for secret in self._all for f in self.forces(force)}


@dataclass(frozen=True, slots=True)
class Subject:
    """A child, adult or the address of one checklist, with what its row records."""

    subject: str  # child | adult | address
    local_id: str | None
    ident: Identifier | None
    missing: bool = False
    injury: bool = False
    suspect: bool = False


def subjects(checklist: Checklist) -> list[Subject]:
    """Children, then adults, then the address: in checklist order (the facts align with it)."""
    incident = checklist.incident
    missing_ids = {e.child_id for e in checklist.missing_children or () if e.child_id}
    children = checklist.children or []
    if checklist.missing is not None:
        single = checklist.missing.child_id or (children[0].id if len(children) == 1 else None)
        if single:
            missing_ids.add(single)
    suspect_child = checklist.image_abuse.suspect_child_id if checklist.image_abuse else None
    found = [
        Subject(
            "child",
            child.id,
            person_identifier(child.person_ref, child.full_name, child.date_of_birth),
            missing=child.id in missing_ids,
            injury=child.injuries_observed is True,
            suspect="suspect" in (child.roles or ()) or child.id == suspect_child,
        )
        for child in children
    ]
    found += [
        Subject(
            "adult",
            adult.id,
            person_identifier(adult.person_ref, adult.full_name, adult.date_of_birth),
            suspect=AdultRole.suspect in adult.roles,
        )
        for adult in checklist.adults or []
    ]
    ref = normalise_ref(incident.address_ref) if incident.address_ref else ""
    found.append(Subject("address", None, Identifier("address", "address", ref) if ref else None))
    return found


def incident_flags(checklist: Checklist, decision: Decision) -> dict[str, Any]:
    """What every row of this decision records about the incident as a whole."""
    incident = checklist.incident
    referral = checklist.actions.referral if checklist.actions else None
    open_steps = sorted(
        {
            f.step_id
            for f in decision.findings
            if f.severity is Severity.critical and f.outcome is Outcome.missing
        }
    )
    return {
        "concern": incident.flagged_child_concern is True
        or incident.harm_alleged is True
        or incident.type in CONCERN_TYPES
        or checklist.missing is not None
        or bool(checklist.missing_children),
        "domestic": incident.domestic_abuse is True or incident.type is IncidentType.domestic_abuse,
        "referral": referral is not None and referral.made is True,
        "referral_outcome": referral.outcome if referral is not None and referral.made is True else None,
        "open_steps": orjson.dumps(open_steps).decode("ascii"),
    }


@dataclass(frozen=True, slots=True)
class PendingRows:
    """A submission's ``person_history`` rows, but for the incident, revision and decision."""

    rows: tuple[dict[str, Any], ...]

    def insert(
        self, conn: Connection, *, incident_id: int, revision: int, decision_id: str, at: datetime
    ) -> None:
        if self.rows:
            extra = {
                "incident_id": incident_id,
                "revision": revision,
                "decision_id": decision_id,
                "recorded_at": at,
            }
            statements.run_many(conn, INSERT_ROWS, [{**row, **extra} for row in self.rows])


INSERT_ROWS = insert(PERSON_HISTORY)
NO_ROWS = PendingRows(())


def pending_rows(
    pseudonymiser: Pseudonymiser, checklist: Checklist, decision: Decision, as_of: datetime | None
) -> PendingRows:
    at = decision.as_of or as_of
    if at is None:  # nothing to measure windows on (a checklist without any time)
        return NO_ROWS
    known = [(s, ident) for s in subjects(checklist) if (ident := s.ident) is not None]
    if not known:  # nobody identified: no rows, so no incident flags to work out
        return NO_ROWS
    force = checklist.incident.force
    flags = incident_flags(checklist, decision)
    return PendingRows(
        tuple(
            {
                "force": force,
                "subject": s.subject,
                "local_id": s.local_id,
                "pseudonym": pseudonymiser.pseudonym(force, ident),
                "key_id": pseudonymiser.key_id,
                "basis": ident.basis,
                "as_of": at,
                **flags,
                "missing": s.missing,
                "injury": s.injury,
                "suspect": s.suspect,
            }
            for s, ident in known
        )
    )


# Only what the counts read, in this order (``_Row`` below names the positions).
_COLUMNS = (
    "pseudonym",
    "incident_id",
    "revision",
    "as_of",
    "concern",
    "domestic",
    "missing",
    "injury",
    "referral",
    "referral_outcome",
    "suspect",
    "open_steps",
)
_PSEUDONYM, _INCIDENT, _REVISION, _AS_OF, _CONCERN, _DOMESTIC, _MISSING, _INJURY = range(8)
_REFERRAL, _OUTCOME, _SUSPECT, _OPEN_STEPS = range(8, 12)


def _lookup(forces: Any, pseudonyms: Any) -> Select[Any]:
    return select(*(PERSON_HISTORY.c[name] for name in _COLUMNS)).where(
        forces,
        pseudonyms,
        PERSON_HISTORY.c.recorded_at <= bindparam("as_of"),
        # The incident being evaluated never counts itself (-1: it has no rows yet).
        PERSON_HISTORY.c.incident_id
        != func.coalesce(
            select(INCIDENTS.c.id)
            .where(INCIDENTS.c.force == bindparam("x_force"), INCIDENTS.c.reference == bindparam("x_ref"))
            .scalar_subquery(),
            -1,
        ),
    )


# ``IN`` (expanding) rather than ``= ANY(:array)`` on PostgreSQL: measured, an array parameter cost
# the backend about twice the CPU per lookup (~160 vs ~80 us, same index scan).
LOOKUP = _lookup(
    PERSON_HISTORY.c.force.in_(bindparam("forces", expanding=True)),
    PERSON_HISTORY.c.pseudonym.in_(bindparam("pseudonyms", expanding=True)),
)


@dataclass(frozen=True, slots=True)
class _Driver:
    """``LOOKUP`` as the driver receives it for one dialect and one number of forces and of
    pseudonyms: SQLAlchemy's own expanded text and parameter order, with its type processors."""

    sql: str
    names: tuple[str, ...] | None  # parameter order for a positional paramstyle; None: by name
    constants: dict[str, Any]  # parameters of the statement itself (the coalesce default)
    as_of_param: Callable[[Any], Any] | None
    as_of_value: Callable[[Any], Any] | None


@lru_cache(maxsize=64)
def _driver(dialect: Dialect, forces: int, pseudonyms: int) -> _Driver:
    expanded = LOOKUP.compile(dialect=dialect).construct_expanded_state(
        {"forces": [""] * forces, "pseudonyms": [""] * pseudonyms, "as_of": None, "x_force": "", "x_ref": ""}
    )
    given = {"as_of", "x_force", "x_ref"} | {f"forces_{n}" for n in range(1, forces + 1)}
    given |= {f"pseudonyms_{n}" for n in range(1, pseudonyms + 1)}
    constants = {k: v for k, v in expanded.parameters.items() if k not in given}
    positions = expanded.positiontup
    return _Driver(
        expanded.statement,
        tuple(positions) if positions is not None else None,
        constants,
        PERSON_HISTORY.c.recorded_at.type.dialect_impl(dialect).bind_processor(dialect),
        PERSON_HISTORY.c.as_of.type.dialect_impl(dialect).result_processor(dialect, None),
    )


def _run_lookup(conn: Connection, params: dict[str, Any]) -> list[Any]:
    """``conn.execute(LOOKUP, params).all()``, on the DBAPI cursor with one fixed text per shape:
    the driver's statement caches (psycopg prepares a statement after a few uses; sqlite3 caches
    them) then serve it, and SQLAlchemy's per-execution work (compiling the expanding ``IN``,
    result set-up) is not repeated for every submission. Same text, parameters and type
    processing as ``conn.execute``; rows are tuples in ``_COLUMNS`` order."""
    forces, pseudonyms = params["forces"], params["pseudonyms"]
    d = _driver(conn.dialect, len(forces), len(pseudonyms))
    values: dict[str, Any] = dict(d.constants)
    values.update((f"forces_{n}", v) for n, v in enumerate(forces, 1))
    values.update((f"pseudonyms_{n}", v) for n, v in enumerate(pseudonyms, 1))
    values["as_of"] = d.as_of_param(params["as_of"]) if d.as_of_param else params["as_of"]
    values["x_force"], values["x_ref"] = params["x_force"], params["x_ref"]
    cursor = conn.connection.cursor()
    try:
        cursor.execute(d.sql, values if d.names is None else tuple(values[n] for n in d.names))
        rows: list[Any] = list(cursor.fetchall())
    finally:
        cursor.close()
    convert = d.as_of_value
    if convert is None:
        return rows
    return [(*row[:_AS_OF], convert(row[_AS_OF]), *row[_AS_OF + 1 :]) for row in rows]


def lookup(
    conn: Connection, pseudonymiser: Pseudonymiser, checklist: Checklist, as_of: datetime
) -> HistoryFacts:
    """The history facts of ``checklist`` at ``as_of``: one indexed query for every subject."""
    force = checklist.incident.force
    found = subjects(checklist)
    wanted: dict[str, list[int]] = {}
    for i, s in enumerate(found):
        if s.ident is not None:
            for pseudonym in pseudonymiser.candidates(force, s.ident):
                wanted.setdefault(pseudonym, []).append(i)
    # Per subject, per earlier incident: its latest row at or before as_of.
    latest: list[dict[int, Any]] = [{} for _ in found]
    if wanted:
        rows = _run_lookup(
            conn,
            {
                "forces": list(pseudonymiser.forces(force)),
                "pseudonyms": sorted(wanted),
                "as_of": as_of,
                "x_force": force,
                "x_ref": checklist.incident.reference,
            },
        )
        for row in rows:
            incident = row[_INCIDENT]
            for i in wanted[row[_PSEUDONYM]]:
                held = latest[i].get(incident)
                if held is None or row[_REVISION] > held[_REVISION]:
                    latest[i][incident] = row
    children: list[PersonHistory] = []
    adults: list[PersonHistory] = []
    for i, s in enumerate(found[:-1]):
        (children if s.subject == "child" else adults).append(_person(s, latest[i].values(), as_of))
    # Every value below is computed here (counts >= 0, dates, stored step ids and outcomes that
    # were validated when written): constructed without a second validation.
    return HistoryFacts.model_construct(
        computed_at=as_of,
        children=tuple(children),
        adults=tuple(adults),
        address=_address(found[-1], latest[-1].values(), as_of) if checklist.schema_version >= 3 else None,
    )


_FIRST_MOMENT = datetime.min.replace(tzinfo=UTC)


def _since(as_of: datetime, window: timedelta) -> datetime:
    """The start of the ``window`` that ends at ``as_of``: the calendar's first moment at the
    earliest (a checklist may be timed in year 1)."""
    return as_of - window if as_of - _FIRST_MOMENT >= window else _FIRST_MOMENT


def _person(s: Subject, incidents: Iterable[Any], as_of: datetime) -> PersonHistory:
    assert s.local_id is not None
    rows = sorted(incidents, key=lambda row: (row[_AS_OF], row[_INCIDENT]))
    if s.ident is None or not rows:
        return PersonHistory.nothing_earlier(s.local_id, s.ident is not None)
    since_3m, since_12m, since_90d = _since(as_of, MONTHS_3), _since(as_of, MONTHS_12), _since(as_of, DAYS_90)
    concerns_3m = concerns_12m = missing = missing_90d = injuries = referrals = 0
    suspect = False
    last_outcome = None
    recent = None
    for row in rows:
        at = row[_AS_OF]
        if row[_CONCERN]:
            concerns_3m += at >= since_3m
            concerns_12m += at >= since_12m
        if row[_MISSING]:
            missing += 1
            missing_90d += at >= since_90d
        injuries += bool(row[_INJURY])
        if row[_REFERRAL]:
            referrals += 1
            last_outcome = row[_OUTCOME]
        suspect = suspect or bool(row[_SUSPECT])
        if at >= since_12m:
            recent = row
    return PersonHistory.model_construct(
        id=s.local_id,
        linked=True,
        earlier_incidents=len(rows),
        concerns_3m=concerns_3m,
        concerns_12m=concerns_12m,
        missing_episodes=missing,
        missing_90d=missing_90d,
        injuries=injuries,
        referrals=referrals,
        last_referral_outcome=last_outcome,
        open_critical_steps=tuple(orjson.loads(recent[_OPEN_STEPS])) if recent is not None else (),
        suspect_before=suspect,
        last_incident_at=rows[-1][_AS_OF].date(),
    )


def _address(s: Subject, incidents: Iterable[Any], as_of: datetime) -> AddressHistory:
    rows = sorted(incidents, key=lambda row: (row[_AS_OF], row[_INCIDENT]))
    since_3m, since_12m = _since(as_of, MONTHS_3), _since(as_of, MONTHS_12)
    concerns_3m = concerns_12m = domestic_12m = 0
    for row in rows:
        at = row[_AS_OF]
        if row[_CONCERN]:
            concerns_3m += at >= since_3m
            concerns_12m += at >= since_12m
        domestic_12m += bool(row[_DOMESTIC]) and at >= since_12m
    return AddressHistory.model_construct(
        linked=s.ident is not None,
        concerns_3m=concerns_3m,
        concerns_12m=concerns_12m,
        domestic_12m=domestic_12m,
        last_incident_at=rows[-1][_AS_OF].date() if rows else None,
    )


def may_read_history(registry: RulesetRegistry, ref: RulesetRef) -> bool:
    """Some version the reference may resolve to reads history (so ``history_as_of`` needs the
    checklist's latest time). Remembered per registry and id (a registry never changes): every
    evaluate asks."""
    known = _MAY_READ.get(registry)
    if known is None:
        known = _MAY_READ.setdefault(registry, {})
    found = known.get(ref.id)
    if found is None:  # an unknown id raises, as ``versions`` does, and is not remembered
        found = known[ref.id] = any(reads_history(version) for version in registry.versions(ref.id))
    return found


_MAY_READ: WeakKeyDictionary[RulesetRegistry, dict[str, bool]] = WeakKeyDictionary()


def history_as_of(
    registry: RulesetRegistry, ref: RulesetRef, checklist: Checklist, as_of: datetime | None
) -> datetime | None:
    """The time to compute history at when the rule set that will decide reads history (the
    evaluation's ``as_of``: as given, else the checklist's latest time, else now), or None when it
    reads none. Raises the engine's own errors for a rule set that does not resolve."""
    if not may_read_history(registry, ref):
        return None  # the usual case, and cheap: no walk of the checklist for its latest time
    pinned = as_of or checklist.latest_time()
    today = None if pinned else datetime.now(UTC).date()  # ``resolve`` reads it only without a time
    if not reads_history(resolve(registry, ref, pinned, today)):
        return None
    return pinned or datetime.now(UTC)


@lru_cache
def default_pseudonymiser() -> Pseudonymiser:
    """For callers without an app (the demo seeder, scripts): from ``get_settings()``."""
    return Pseudonymiser.of(get_settings())


@dataclass(frozen=True, slots=True)
class Reader:
    """Read-only history lookups for stateless evaluation (a connection of their own, no writes)."""

    engine: Engine
    pseudonymiser: Pseudonymiser

    def facts(self, checklist: Checklist, as_of: datetime) -> HistoryFacts:
        with self.engine.connect() as conn:
            return lookup(conn, self.pseudonymiser, checklist, as_of)


def recompute_for(
    engine: Engine, pseudonymiser: Pseudonymiser
) -> Callable[[str | bytes, str | bytes], HistoryFacts]:
    """For an impact replay that recomputes history: a decision record's history facts (from its
    stored input and context) counted again from ``person_history`` as it is now, at the record's
    ``as_of`` (names and dates of birth erased by retention no longer link; force person references
    and addresses still do)."""

    def facts(input_json: str | bytes, context: str | bytes) -> HistoryFacts:
        checklist = Checklist.model_validate_json(input_json)
        pinned = context_from_json(orjson.loads(context))
        as_of = pinned.as_of or (pinned.history.computed_at if pinned.history else None)
        with engine.connect() as conn:
            return lookup(conn, pseudonymiser, checklist, as_of or datetime.now(UTC))

    return facts
