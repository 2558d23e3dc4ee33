"""Aggregates over the decision log for auditors: derive, write, rebuild, check and query.

Every aggregate row is a function of one decision record (``derive``), so the tables can always be
rebuilt from the log and compared with it (``rebuild``, ``check``). They are written with each
decision (``record``, in the same transaction as the append), or in bulk by the demo seeder.

- The force is the checklist's ``incident.force`` (a pattern-checked code, never erased), the day is
  the UTC day the decision was recorded, the hook is the context's (``all`` for every rule).
- Step and severity of a rule come from its rule-set version (immutable once published), so met
  and not-applicable outcomes, which produce no finding, are still counted by step.
- A ``missing`` finding's basis is ``recorded`` (the data says the step was not done) or
  ``not_recorded`` (no record by the moment it was due, semantics-2 rule sets); absent = recorded.
- ``closures`` are decisions at ``incident.close``; an incident closed twice counts twice.
"""

from __future__ import annotations

from calendar import monthrange
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Any

import orjson
from sqlalchemy import Connection, Date, Table, and_, cast, delete, func, literal, select, tuple_
from sqlmodel import Session

from app.errors import OutsideForce
from app.models.aggregate import AuditDecision, AuditDecisionDay, AuditFinding, AuditStepDay
from app.models.decision import PendingRecord
from app.models.tables import RECORDS, table_of
from app.rules import vocabulary
from app.rules.errors import RulesetNotFound
from app.rules.registry import RulesetRegistry
from app.schemas.aggregates import (
    AggregateOverview,
    DecisionCounts,
    DecisionList,
    DecisionListItem,
    PeriodPoint,
    RulesetSpan,
    StatusCounts,
    StepCounts,
    Totals,
)
from app.schemas.pagination import decode_cursor, next_cursor
from app.services import statements

DECISIONS = table_of(AuditDecision)
FINDINGS = table_of(AuditFinding)
STEP_DAYS = table_of(AuditStepDay)
DECISION_DAYS = table_of(AuditDecisionDay)
ALL_HOOKS = "all"
CLOSE_HOOK = "incident.close"
STEP_KEY = ("force", "day", "ruleset", "hook", "rule_id", "outcome", "basis")
STEP_COLUMNS = (*STEP_KEY, "step_id", "severity")  # the last two follow from ruleset and rule_id
DAY_KEY = ("force", "day", "ruleset", "hook")
DAY_COUNTS = ("decisions", "blocking", "critical_open", "history_changed")


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"


class Status(StrEnum):
    """What an auditor counts: an outcome, with ``missing`` split by its basis."""

    met = "met"
    missing = "missing"  # recorded as not done
    not_recorded = "not_recorded"  # missing: nothing recorded by the moment it was due
    unknown = "unknown"  # not (yet) recorded
    not_applicable = "not_applicable"


def status_of(outcome: str, basis: str) -> Status:
    return Status.not_recorded if outcome == "missing" and basis == "not_recorded" else Status(outcome)


@dataclass(slots=True)
class Derived:
    """The aggregate rows of one decision record."""

    decision: dict[str, Any]
    findings: list[dict[str, Any]]
    steps: list[dict[str, Any]]  # one per evaluated rule, n = 1


class StepCatalogue:
    """Rule id -> (step, severity) per rule-set version, from the registry (versions are immutable)."""

    def __init__(self, registry: RulesetRegistry) -> None:
        self.registry = registry
        self._rules: dict[str, dict[str, tuple[str, str]]] = {}

    def rules(self, ruleset_id: str, version: str) -> dict[str, tuple[str, str]]:
        key = f"{ruleset_id}@{version}"
        found = self._rules.get(key)
        if found is None:
            try:
                document = self.registry.get(ruleset_id, version).document
            except RulesetNotFound:  # a version no longer shipped: steps fall back to rule ids
                found = {}
            else:
                found = {r.id: (r.step, r.severity.value) for r in document.rules}
            self._rules[key] = found
        return found


@lru_cache(maxsize=8)
def catalogue_for(registry: RulesetRegistry) -> StepCatalogue:
    """The catalogue of a registry (one per loaded registry, kept while it is in use)."""
    return StepCatalogue(registry)


@dataclass(frozen=True, slots=True)
class Parsed:
    """What ``derive`` reads from a record's JSON, from a caller that has it parsed already (the
    submission that produced the record): parsing the stored text again costs more than the rest."""

    result: Mapping[str, Any]
    force: str | None


def derive(record: Mapping[str, Any], catalogue: StepCatalogue, parsed: Parsed | None = None) -> Derived:
    """The aggregate rows of a stored (or about to be stored) decision record with its ``seq``.

    ``parsed``: the record's result and checklist force as parsed values, instead of its JSON text
    (``tests/services/test_aggregates_derive.py`` holds both to the same rows)."""
    context = orjson.loads(record["context"])
    if parsed is None:
        facts = orjson.loads(record["input"])
        result: Mapping[str, Any] = orjson.loads(record["result"])
        force = str((facts.get("incident") or {}).get("force") or "UNKNOWN")
    else:
        result, force = parsed.result, str(parsed.force or "UNKNOWN")
    recorded_at: datetime = record["recorded_at"]
    day = recorded_at.astimezone(UTC).date()
    hook = context.get("hook") or ALL_HOOKS
    ruleset = f"{record['ruleset_id']}@{record['ruleset_version']}"
    seq = record["seq"]
    blocking = bool(result.get("blocking"))
    critical_open = any(f["severity"] == "critical" for f in result.get("findings", ()))
    history_changed = record.get("history_changed")
    rules = catalogue.rules(record["ruleset_id"], record["ruleset_version"])
    findings = [
        {
            "seq": seq,
            "rule_id": f["rule_id"],
            "step_id": f["step_id"],
            "severity": f["severity"],
            "outcome": f["outcome"],
            "basis": (f.get("basis") or "recorded") if f["outcome"] == "missing" else "",
            "force": force,
            "day": day,
            "hook": hook,
            "blocking": blocking,
            "critical_open": critical_open,
            "history_changed": history_changed,
        }
        for f in result.get("findings", ())
    ]
    basis = {f["rule_id"]: f["basis"] for f in findings}
    steps = []
    for rule_id, outcome in sorted(result.get("outcomes", {}).items()):  # as stored: canonical order
        step_id, severity = rules.get(rule_id, (rule_id, "unknown"))
        steps.append(
            {
                "force": force,
                "day": day,
                "ruleset": ruleset,
                "hook": hook,
                "rule_id": rule_id,
                "outcome": outcome,
                "basis": basis.get(rule_id, "recorded" if outcome == "missing" else ""),
                "step_id": step_id,
                "severity": severity,
                "n": 1,
            }
        )
    decision = {
        "seq": seq,
        "decision_id": record["decision_id"],
        "incident_ref": record["incident_ref"],
        "revision": record["revision"],
        "force": force,
        "day": day,
        "recorded_at": recorded_at,
        "hook": hook,
        "ruleset": ruleset,
        "blocking": blocking,
        "critical_open": critical_open,
        "history_changed": history_changed,
    }
    return Derived(decision, findings, steps)


def _day_counts(
    derived: Iterable[Derived],
) -> tuple[Counter[tuple[Any, ...]], dict[tuple[Any, ...], list[int]]]:
    """Step counts keyed by ``STEP_COLUMNS`` and ``DAY_COUNTS`` by ``DAY_KEY``."""
    steps: Counter[tuple[Any, ...]] = Counter()
    days: dict[tuple[Any, ...], list[int]] = {}
    for d in derived:
        steps.update(tuple(s[k] for k in STEP_COLUMNS) for s in d.steps)
        counts = days.setdefault(tuple(d.decision[k] for k in DAY_KEY), [0] * len(DAY_COUNTS))
        counts[0] += 1
        counts[1] += d.decision["blocking"]
        counts[2] += d.decision["critical_open"]
        counts[3] += d.decision["history_changed"] is True
    return steps, days


def _upsert(
    conn: Connection, table: Table, key: tuple[str, ...], rows: list[dict[str, Any]], add: tuple[str, ...]
) -> None:
    # Sorted: concurrent writers lock the same rows in the same order.
    ordered = sorted(rows, key=lambda r: tuple(str(r[k]) for k in key))
    statements.insert_rows(conn, table, ordered, key=key, add=add)


def write(conn: Connection, derived: Sequence[Derived]) -> None:
    """Insert the rows of these decisions and add them to the daily counts (several decisions of
    one day, rule set and hook add up to one row per step and outcome)."""
    if not derived:
        return
    statements.insert_rows(conn, DECISIONS, [d.decision for d in derived])
    statements.insert_rows(conn, FINDINGS, [f for d in derived for f in d.findings])
    steps, days = _day_counts(derived)
    step_rows = [{**dict(zip(STEP_COLUMNS, key, strict=True)), "n": n} for key, n in steps.items()]
    day_rows = [
        {**dict(zip(DAY_KEY, key, strict=True)), **dict(zip(DAY_COUNTS, c, strict=True))}
        for key, c in days.items()
    ]
    _upsert(conn, STEP_DAYS, STEP_KEY, step_rows, ("n",))
    _upsert(conn, DECISION_DAYS, DAY_KEY, day_rows, DAY_COUNTS)


def record(
    conn: Connection,
    catalogue: StepCatalogue,
    rows: Sequence[Mapping[str, Any]],
    parsed: Sequence[Parsed] | None = None,
) -> None:
    """Derive and write the aggregates of decision records just appended (each with its ``seq``);
    ``parsed``, when given, one per row (see ``derive``)."""
    if parsed is None:
        write(conn, [derive(row, catalogue) for row in rows])
    else:
        write(conn, [derive(row, catalogue, p) for row, p in zip(rows, parsed, strict=True)])


def record_appended(conn: Connection, catalogue: StepCatalogue, pending: Sequence[PendingRecord]) -> None:
    """The aggregates of records ``audit.append`` has just appended on ``conn``, in its transaction.

    The chain head is still locked by that append, so the last ``len(pending)`` seqs are theirs."""
    if not pending:
        return
    last = conn.execute(statements.READ_HEAD).one().seq
    first = last - len(pending) + 1
    record(conn, catalogue, [{**p.model_dump(), "seq": first + i} for i, p in enumerate(pending)])


LOG_COLUMNS = (
    "seq",
    "decision_id",
    "incident_ref",
    "revision",
    "ruleset_id",
    "ruleset_version",
    "input",
    "context",
    "result",
    "recorded_at",
    "history_changed",
)


def _log(conn: Connection, batch: int) -> Iterator[list[dict[str, Any]]]:
    """The decision log in ``seq`` order, in keyset pages (safe to write on the same connection)."""
    columns = [RECORDS.c[c] for c in LOG_COLUMNS]
    last = 0
    while (
        rows := conn.execute(
            select(*columns).where(RECORDS.c.seq > last).order_by(RECORDS.c.seq).limit(batch)
        )
        .mappings()
        .all()
    ):
        yield [dict(r) for r in rows]
        last = rows[-1]["seq"]


def rebuild(conn: Connection, registry: RulesetRegistry, *, batch: int = 2000) -> int:
    """Drop every aggregate row and derive them again from the decision log; returns the records read.

    The caller has started the write (``begin_write``) and commits. The chain head is locked first,
    so appenders (who write aggregates under that lock) wait for the rebuild, and it for them."""
    conn.execute(statements.LOCK_HEAD)
    for table in (FINDINGS, DECISIONS, STEP_DAYS, DECISION_DAYS):
        conn.execute(delete(table))
    catalogue = StepCatalogue(registry)
    read = 0
    for rows in _log(conn, batch):
        record(conn, catalogue, rows)
        read += len(rows)
    return read


@dataclass
class CheckReport:
    records: int = 0
    mismatches: dict[str, int] = field(default_factory=dict)  # table -> rows that differ
    examples: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.mismatches


def _compare(report: CheckReport, name: str, expected: Counter[Any], stored: Counter[Any]) -> None:
    differing = [k for k in expected.keys() | stored.keys() if expected[k] != stored[k]]
    if differing:
        report.mismatches[name] = len(differing)
        for key in sorted(differing, key=str)[:3]:
            report.examples.append(f"{name} {key}: log {expected[key]}, stored {stored[key]}")


def check(conn: Connection, registry: RulesetRegistry, *, batch: int = 2000) -> CheckReport:
    """Derive every aggregate from the log in memory and compare with the stored rows."""
    catalogue = StepCatalogue(registry)
    report = CheckReport()
    steps: Counter[tuple[Any, ...]] = Counter()
    days: Counter[tuple[Any, ...]] = Counter()
    decisions: Counter[tuple[Any, ...]] = Counter()
    findings: Counter[tuple[Any, ...]] = Counter()
    for rows in _log(conn, batch):
        derived = [derive(row, catalogue) for row in rows]
        report.records += len(derived)
        step_counts, day_counts = _day_counts(derived)
        steps.update(step_counts)
        for key, c in day_counts.items():
            for name, n in zip(DAY_COUNTS, c, strict=True):
                days[(*key, name)] += n
        for d in derived:
            decisions[tuple(d.decision[c.name] for c in DECISIONS.c)] += 1
            findings.update(tuple(f[c.name] for c in FINDINGS.c) for f in d.findings)
    stored_steps: Counter[tuple[Any, ...]] = Counter()
    for row in conn.execute(select(*(STEP_DAYS.c[k] for k in STEP_COLUMNS), STEP_DAYS.c.n)):
        stored_steps[tuple(row[:-1])] += row[-1]
    stored_days: Counter[tuple[Any, ...]] = Counter()
    for day_row in conn.execute(select(DECISION_DAYS)).mappings():
        key = tuple(day_row[k] for k in DAY_KEY)
        for name in DAY_COUNTS:
            stored_days[(*key, name)] += day_row[name]
    _compare(report, "audit_step_day", +steps, +stored_steps)
    _compare(report, "audit_decision_day", +days, +stored_days)
    _compare(report, "audit_decision", decisions, Counter(tuple(r) for r in conn.execute(select(DECISIONS))))
    _compare(report, "audit_finding", findings, Counter(tuple(r) for r in conn.execute(select(FINDINGS))))
    return report


# ------------------------------------------------------------------------------------------ queries
@dataclass(frozen=True, slots=True)
class Scope:
    """What a dashboard counts: a force (None: every force), an inclusive range of UTC days, a hook."""

    force: str | None
    from_day: date
    to_day: date
    hook: str | None = None

    def where(self, table: Table) -> Any:
        conditions = [table.c.day >= self.from_day, table.c.day <= self.to_day]
        if self.force is not None:
            conditions.append(table.c.force == self.force)
        if self.hook is not None:
            conditions.append(table.c.hook == self.hook)
        return and_(*conditions)


WINDOW_DAYS = 365  # the default span of a scope: a year of UTC days, its last day included


def scope_for(
    reader_force: str | None,
    *,
    force: str | None = None,
    from_day: date | None = None,
    to_day: date | None = None,
    hook: str | None = None,
    today: date | None = None,
) -> Scope:
    """The scope a reader asked for, confined to the reader's force: another force is refused
    (``OutsideForce`` on ``query.force``), none means the reader's own (a reader bound to no force:
    every force). The days default to the year up to ``to_day``, or up to today (UTC)."""
    if reader_force is not None and force not in (None, reader_force):
        raise OutsideForce(reader_force, field="query.force")
    end = to_day or today or datetime.now(UTC).date()
    return Scope(
        force=reader_force or force,
        # The year up to ``end``, from the calendar's first day at the earliest.
        from_day=from_day or date.fromordinal(max(end.toordinal() - (WINDOW_DAYS - 1), 1)),
        to_day=end,
        hook=hook,
    )


@dataclass(frozen=True, slots=True)
class DecisionFilter:
    """Which of the decisions behind the numbers a list shows (see ``decisions_behind``)."""

    step: str | None = None
    status: Status | None = None
    severity: str | None = None
    blocking: bool | None = None
    closed_critical: bool = False
    history_changed: bool | None = None

    @classmethod
    def parse(
        cls,
        *,
        step: str | None = None,
        status: str | None = None,
        severity: str | None = None,
        blocking: bool | None = None,
        closed_critical: bool = False,
        history_changed: bool | None = None,
    ) -> DecisionFilter:
        """From a request's (already validated) query values: ``status`` by its name."""
        status_ = Status(status) if status else None
        return cls(step, status_, severity, blocking, closed_critical, history_changed)

    @property
    def on_findings(self) -> bool:
        """Does it select by finding (step, status or severity), rather than by decision?"""
        return self.step is not None or self.status is not None or self.severity is not None


EVERY_DECISION = DecisionFilter()


def period_start(day: date, period: Period) -> date:
    if period is Period.week:
        return day - timedelta(days=day.weekday())
    if period is Period.month:
        return day.replace(day=1)
    return day


def period_end(start: date, period: Period) -> date:
    """The last day of the period that begins on ``start`` (the calendar's last day at the latest)."""
    if period is Period.week:
        return date.fromordinal(min(start.toordinal() + 6, date.max.toordinal()))
    if period is Period.month:
        return start.replace(day=monthrange(start.year, start.month)[1])
    return start


def bucket(column: Any, period: Period, dialect: str) -> Any:
    """The first day of ``column``'s period, computed by the database (weeks start on Monday), so
    that a query returns one row per period, not per day. Same answer as ``period_start``."""
    if period is Period.day:
        return column
    if dialect == "postgresql":
        return cast(func.date_trunc(period.value, column), Date)
    if period is Period.month:
        return func.date(column, "start of month", type_=Date)
    return func.date(column, "weekday 0", "-6 days", type_=Date)  # the Sunday ending it, less six


def _add_status(target: StatusCounts, outcome: str, basis: str, n: int) -> None:
    name = status_of(outcome, basis).value
    setattr(target, name, getattr(target, name) + int(n))


def _totals(counts: DecisionCounts) -> Totals:
    return Totals(
        **counts.model_dump(),
        blocking_rate_percent=counts.blocking_rate,
        closure_critical_rate_percent=counts.closure_critical_rate,
    )


def overview(session: Session, scope: Scope, period: Period, step: str | None = None) -> AggregateOverview:
    """Every figure of the dashboard for ``scope``, from the daily counts (a few small queries)."""
    blocking_hooks = {h.id for h in vocabulary.hooks().values() if h.blocking}
    totals, by_hook, by_force = DecisionCounts(), dict[str, DecisionCounts](), dict[str, DecisionCounts]()
    points: dict[date, PeriodPoint] = {}
    spans: dict[str, list[Any]] = {}
    d = DECISION_DAYS.c
    dialect = session.get_bind().dialect.name
    start = bucket(d.day, period, dialect)
    day_rows = session.execute(
        select(
            start,
            d.hook,
            d.force,
            d.ruleset,
            func.sum(d.decisions),
            func.sum(d.blocking),
            func.sum(d.critical_open),
            func.sum(d.history_changed),
            func.min(d.day),
            func.max(d.day),
        )
        .where(scope.where(DECISION_DAYS))
        .group_by(start, d.hook, d.force, d.ruleset)
    )
    for begins, hook, force, ruleset, decisions, blocking, critical, changed, first, last in day_rows:
        point = points.setdefault(begins, PeriodPoint(start=begins))
        at_blocking = decisions if hook in blocking_hooks else 0
        for target in (
            totals,
            by_hook.setdefault(hook, DecisionCounts()),
            by_force.setdefault(force, DecisionCounts()),
        ):
            target.decisions += decisions
            target.blocking += blocking
            target.at_blocking_hooks += at_blocking
            target.history_changed += changed
            if hook == CLOSE_HOOK:
                target.closures += decisions
                target.closures_critical_open += critical
        point.decisions += decisions
        point.blocking += blocking
        point.at_blocking_hooks += at_blocking
        span = spans.setdefault(ruleset, [first, last, 0])
        span[0], span[1], span[2] = min(span[0], first), max(span[1], last), span[2] + decisions
    s = STEP_DAYS.c
    by_status = StatusCounts()
    by_severity: dict[str, StatusCounts] = {}
    steps: dict[str, StepCounts] = {}
    catalogue = vocabulary.steps()
    # One pass over the daily step counts gives the figures by step and severity and the series.
    step_start = bucket(s.day, period, dialect)
    rows = session.execute(
        select(step_start, s.step_id, s.severity, s.outcome, s.basis, func.sum(s.n))
        .where(scope.where(STEP_DAYS))
        .group_by(step_start, s.step_id, s.severity, s.outcome, s.basis)
    )
    for begins, step_id, severity, outcome, basis, n in rows:
        if step is None or step_id == step:
            _add_status(points.setdefault(begins, PeriodPoint(start=begins)), outcome, basis, n)
        _add_status(by_status, outcome, basis, n)
        _add_status(by_severity.setdefault(severity, StatusCounts()), outcome, basis, n)
        known = catalogue.get(step_id)
        entry = steps.get(step_id)
        if entry is None:
            title = known.summary if known else step_id
            entry = steps[step_id] = StepCounts(step_id=step_id, title=title, severity=severity)
        elif SEVERITY_RANK.get(severity, 9) < SEVERITY_RANK.get(entry.severity, 9):
            entry.severity = severity  # a step's most severe rule decides how it is shown
        _add_status(entry, outcome, basis, n)
    return AggregateOverview(
        force=scope.force,
        from_date=scope.from_day,
        to_date=scope.to_day,
        period=period.value,
        hook=scope.hook,
        step=step,
        totals=_totals(totals),
        by_status=by_status,
        by_severity=dict(sorted(by_severity.items(), key=lambda kv: SEVERITY_RANK.get(kv[0], 9))),
        by_hook={k: _totals(v) for k, v in sorted(by_hook.items())},
        by_force={k: _totals(v) for k, v in sorted(by_force.items())},
        by_step=sorted(steps.values(), key=lambda e: (-e.open, e.step_id)),
        series=[points[k] for k in sorted(points)],
        rulesets=[
            RulesetSpan(ruleset=k, first_day=v[0], last_day=v[1], decisions=v[2])
            for k, v in sorted(spans.items())
        ],
    )


def step_series(session: Session, scope: Scope, period: Period, step: str | None) -> dict[date, StatusCounts]:
    """Status counts per period, of one step or (``None``) of every step."""
    s = STEP_DAYS.c
    start = bucket(s.day, period, session.get_bind().dialect.name)
    where = scope.where(STEP_DAYS) if step is None else and_(scope.where(STEP_DAYS), s.step_id == step)
    result: dict[date, StatusCounts] = {}
    rows = session.execute(
        select(start, s.outcome, s.basis, func.sum(s.n)).where(where).group_by(start, s.outcome, s.basis)
    )
    for begins, outcome, basis, n in rows:
        _add_status(result.setdefault(begins, StatusCounts()), outcome, basis, n)
    return result


def series_by_step(session: Session, scope: Scope, period: Period) -> dict[str, dict[date, StatusCounts]]:
    """Status counts per step and period (for trends of groups of steps, e.g. inspection stages)."""
    s = STEP_DAYS.c
    result: dict[str, dict[date, StatusCounts]] = {}
    start = bucket(s.day, period, session.get_bind().dialect.name)
    rows = session.execute(
        select(s.step_id, start, s.outcome, s.basis, func.sum(s.n))
        .where(scope.where(STEP_DAYS))
        .group_by(s.step_id, start, s.outcome, s.basis)
    )
    for step_id, begins, outcome, basis, n in rows:
        _add_status(result.setdefault(step_id, {}).setdefault(begins, StatusCounts()), outcome, basis, n)
    return result


SEVERITY_RANK = {"critical": 0, "high": 1, "medium": 2, "low": 3}
LISTABLE = (Status.missing, Status.not_recorded, Status.unknown)


def _newest(
    session: Session, table: Table, conditions: list[Any], after: tuple[date, int] | None, count: int
) -> list[int]:
    """Up to ``count`` distinct seqs matching ``conditions``, newest (day, seq) first, below ``after``.

    A decision has one finding row per rule and a step may have several rules: duplicates are
    adjacent in this order, so they are skipped while reading on in chunks."""
    t = table.c
    seqs: list[int] = []
    while len(seqs) < count:
        query = select(t.day, t.seq).where(*conditions)
        if after is not None:
            query = query.where(tuple_(t.day, t.seq) < tuple_(literal(after[0], Date), literal(after[1])))
        rows = session.execute(query.order_by(t.day.desc(), t.seq.desc()).limit(count)).all()
        for _, seq in rows:
            if not seqs or seqs[-1] != seq:
                seqs.append(seq)
        if len(rows) < count:
            break
        after = (rows[-1][0], rows[-1][1])
    return seqs[:count]


DECISIONS_CURSOR = "aggregate_decisions"


def decisions_behind(
    session: Session,
    scope: Scope,
    filters: DecisionFilter = EVERY_DECISION,
    *,
    cursor: str | None = None,
    limit: int = 50,
) -> DecisionList:
    """The decisions behind a number, newest first (by day, then seq; ``cursor``: the previous page's
    ``next_cursor``, which holds its last seq).

    ``filters.step``/``status``/``severity``: decisions with such a finding (``status`` one of
    missing, not_recorded, unknown; without ``step``, any step). ``blocking``: blocking (or not)
    decisions. ``closed_critical``: closures with a critical step open. ``history_changed``: decisions whose
    history facts changed (or, false, did not change) the outcome; decisions made without history
    facts are neither."""
    # With a step or status the findings are the index (blocking and closure flags are copied onto
    # each finding); otherwise the decisions. Either way the page is read newest first along an
    # index ending (day, seq), so a page costs its own rows, not the whole period's.
    table = FINDINGS if filters.on_findings else DECISIONS
    t = table.c
    conditions = [scope.where(table)]
    if filters.step is not None:
        conditions.append(t.step_id == filters.step)
    if (status := filters.status) is not None:
        if status not in LISTABLE:
            raise ValueError(f"only {', '.join(s.value for s in LISTABLE)} decisions are listed")
        conditions.append(t.outcome == ("unknown" if status is Status.unknown else "missing"))
        if status is not Status.unknown:
            conditions.append(t.basis == ("not_recorded" if status is Status.not_recorded else "recorded"))
    if filters.severity is not None:
        conditions.append(t.severity == filters.severity)
    if filters.blocking is not None:
        conditions.append(t.blocking == filters.blocking)
    if filters.closed_critical:
        conditions.append(t.hook == CLOSE_HOOK)
        conditions.append(t.critical_open.is_(True))
    if filters.history_changed is not None:
        conditions.append(t.history_changed == filters.history_changed)
    a = DECISIONS.c
    after: tuple[date, int] | None = None
    if cursor is not None:
        (before,) = decode_cursor(cursor, DECISIONS_CURSOR, int)
        day = session.execute(select(a.day).where(a.seq == before)).scalar()
        after = (day or date.max, before)
    seqs = _newest(session, table, conditions, after, limit + 1)
    rows = (
        session.execute(select(*a).where(a.seq.in_(seqs)).order_by(a.day.desc(), a.seq.desc()))
        .mappings()
        .all()
        if seqs
        else []
    )
    items = [DecisionListItem.model_validate(dict(r)) for r in rows[:limit]]
    return DecisionList(
        items=items, next_cursor=next_cursor(rows, limit, DECISIONS_CURSOR, lambda r: (r["seq"],))
    )
