"""Prebuilt Core statements for the write path.

Built once per dialect and executed with parameters, so a submission skips statement construction
and cache-key generation and goes straight to SQLAlchemy's compiled cache: this is most of the cost
of a small statement in SQLAlchemy. The writer's own statements go further (``run``): SQLAlchemy's
text and parameter handling, compiled once, executed on the DBAPI cursor.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    Connection,
    Insert,
    Select,
    Table,
    Update,
    bindparam,
    exists,
    func,
    insert,
    select,
    true,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import ClauseElement

from app.models.tables import HEAD, INCIDENTS, KEYS, RECORDS, REVISIONS

HEAD_ID = 1

INCIDENT_VALUES = (
    "reference",
    "force",
    "incident_type",
    "revision",
    "latest_decision_id",
    "latest_hook",
    "latest_blocking",
    "created_at",
    "updated_at",
)


def _insert(dialect: str, table: Table) -> Any:
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)


KEY_CLAIM = ("scope", "key", "request_hash", "created_at", "status_code", "response", "decision_id")
KEY_CLAIM_AT = ("revision_at", "evaluation_at")
KEY_NAMES = ("scope", "key", "request_hash", "created_at")


@lru_cache
def claim_key(dialect: str, storing: bool = False) -> Insert:
    """Claim an idempotency key (``storing``: with its stored response, ``idempotency``); returns a
    row only when this transaction got it."""
    names = (*KEY_CLAIM, *KEY_CLAIM_AT) if storing else KEY_NAMES
    stmt = _insert(dialect, KEYS).values({name: bindparam(name) for name in names})
    result: Insert = stmt.on_conflict_do_nothing(index_elements=["scope", "key"]).returning(KEYS.c.key)
    return result


# A key's response; when it refers to its decision (``idempotency``), that record's result and the
# number of the revision it was made for.
FIND_KEY: Select[Any] = (
    select(
        KEYS.c.request_hash,
        KEYS.c.status_code,
        KEYS.c.response,
        KEYS.c.decision_id,
        KEYS.c.revision_at,
        KEYS.c.evaluation_at,
        RECORDS.c.result,
        RECORDS.c.erasure_id,
        REVISIONS.c.number,
    )
    .select_from(
        KEYS.outerjoin(RECORDS, RECORDS.c.decision_id == KEYS.c.decision_id).outerjoin(
            REVISIONS, REVISIONS.c.decision_id == KEYS.c.decision_id
        )
    )
    .where(KEYS.c.scope == bindparam("k_scope"), KEYS.c.key == bindparam("k_key"))
)
STORE_RESPONSE: Update = (
    update(KEYS)
    .where(KEYS.c.scope == bindparam("k_scope"), KEYS.c.key == bindparam("k_key"))
    .values(status_code=bindparam("status_code"), response=bindparam("response"))
)


def _upsert_changes(stmt: Any, conditional: bool) -> Any:
    changes: dict[str, Any] = {
        name: stmt.excluded[name]
        for name in INCIDENT_VALUES
        if name not in ("reference", "force", "created_at")
    }
    changes["revision"] = INCIDENTS.c.revision + 1
    return stmt.on_conflict_do_update(
        index_elements=["force", "reference"],
        set_=changes,
        where=INCIDENTS.c.revision == bindparam("base") if conditional else None,
    ).returning(INCIDENTS.c.id, INCIDENTS.c.revision)


@lru_cache
def upsert_incident(dialect: str, conditional: bool) -> Insert:
    """Insert at revision 1, or bump the revision of the incident ``(:force, :reference)`` (the
    force is part of the incident's identity: no write reaches another force's incident), only
    from ``:base`` when ``conditional``."""
    stmt = _insert(dialect, INCIDENTS).values({name: bindparam(name) for name in INCIDENT_VALUES})
    result: Insert = _upsert_changes(stmt, conditional)
    return result


REVISION_VALUES = ("decision_id", "submitted_by", "device_time", "received_at", "idempotency_key", "salt")


@lru_cache
def claim_and_add_revision(keyed: bool, conditional: bool) -> Select[Any]:
    """PostgreSQL, one statement for what the other databases do in three: claim the key (when
    ``keyed``), then only if this transaction got it, ``upsert_incident`` and insert the revision
    row at the number it returns. One row: ``key`` (None: a retry, nothing else was written), and
    ``id``/``revision`` of the incident (None: the conditional upsert changed nothing)."""
    values = select(*(bindparam(name, type_=INCIDENTS.c[name].type) for name in INCIDENT_VALUES))
    claim = None
    if keyed:
        # From a SELECT, so that the revision's parameters named like key columns (``decision_id``)
        # add no columns to the claim, as they would to an INSERT ... VALUES.
        names = (*KEY_CLAIM, *KEY_CLAIM_AT)
        # The stored response's parameters as ``key_<column>``: the revision row's are named after
        # its columns, and it has a ``decision_id`` too.
        typed = (
            bindparam(name if name in KEY_NAMES else f"key_{name}", type_=KEYS.c[name].type) for name in names
        )
        claimed = postgresql.insert(KEYS).from_select(names, select(*typed))
        claim = (
            claimed.on_conflict_do_nothing(index_elements=["scope", "key"]).returning(KEYS.c.key).cte("claim")
        )
        values = values.where(exists(select(claim.c.key)))
    upsert = _upsert_changes(postgresql.insert(INCIDENTS).from_select(INCIDENT_VALUES, values), conditional)
    incident = upsert.cte("upserted")
    columns = ("incident_id", "number", *REVISION_VALUES)
    revision = insert(REVISIONS).from_select(
        columns,
        select(
            incident.c.id,
            incident.c.revision,
            *(bindparam(name, type_=REVISIONS.c[name].type) for name in REVISION_VALUES),
        ),
    )
    if claim is None:
        return select(incident.c.id, incident.c.revision).add_cte(revision.cte("revision"))
    return (
        select(claim.c.key, incident.c.id, incident.c.revision)
        .select_from(claim.outerjoin(incident, true()))
        .add_cte(revision.cte("revision"))
    )


CURRENT_REVISION: Select[Any] = select(INCIDENTS.c.revision).where(
    INCIDENTS.c.force == bindparam("force"), INCIDENTS.c.reference == bindparam("ref")
)
INSERT_REVISION: Insert = insert(REVISIONS)
# ``highest``: a row past the head (forged, not in the chain) must not make the next append collide.
LOCK_HEAD: Select[Any] = (
    select(HEAD.c.seq, HEAD.c.hash, select(func.max(RECORDS.c.seq)).scalar_subquery().label("highest"))
    .where(HEAD.c.id == HEAD_ID)
    .with_for_update(of=HEAD)
)
READ_HEAD: Select[Any] = select(HEAD.c.seq, HEAD.c.hash).where(HEAD.c.id == HEAD_ID)
MOVE_HEAD: Update = (
    update(HEAD).where(HEAD.c.id == HEAD_ID).values(seq=bindparam("new_seq"), hash=bindparam("new_hash"))
)

# PostgreSQL: one round trip for "insert the record and move the head", so the head row lock is
# held for one statement less. (SQLite has no data-modifying CTEs; it holds the database write lock
# for the whole transaction anyway.)
INSERT_RECORD_MOVING_HEAD: Insert = insert(RECORDS).add_cte(
    update(HEAD)
    .where(HEAD.c.id == HEAD_ID)
    .values(seq=bindparam("new_seq"), hash=bindparam("new_hash"))
    .returning(HEAD.c.id)
    .cte("moved_head")
)


# ---- on the driver -------------------------------------------------------------------------------


Processor = Callable[[Any], Any] | None


@dataclass(frozen=True, slots=True)
class _Driven:
    """A statement as ``Connection.execute`` hands it to the driver, for one dialect and one set of
    parameter names: SQLAlchemy's own text, its parameter order (a positional paramstyle) or names,
    each parameter's type processor, and the values of the statement's own parameters (``+ 1``)."""

    sql: str
    params: tuple[tuple[str, Processor], ...]
    constants: dict[str, Any]
    positional: bool

    def values(self, given: Mapping[str, Any]) -> Any:
        merged = {**self.constants, **given} if self.constants else given
        values = ((n, merged[n] if p is None else p(merged[n])) for n, p in self.params)
        if self.positional:
            return tuple(v for _, v in values)
        return dict(values)


@lru_cache(maxsize=64)
def _driven(dialect: Dialect, stmt: ClauseElement, names: frozenset[str]) -> _Driven:
    compiled: Any = stmt.compile(dialect=dialect, column_keys=sorted(names))
    if compiled.insert_prefetch or compiled.update_prefetch:  # defaults SQLAlchemy would compute
        raise ValueError("a statement with column defaults filled in by SQLAlchemy: not on the driver")
    state = compiled.construct_expanded_state(compiled.construct_params(dict.fromkeys(names)))
    order = state.positiontup if state.positiontup is not None else tuple(state.parameters)
    binds = compiled.binds
    return _Driven(
        state.statement,
        tuple((n, binds[n].type.dialect_impl(dialect).bind_processor(dialect)) for n in order),
        {k: v for k, v in state.parameters.items() if k not in names},
        positional=state.positiontup is not None,
    )


def run(conn: Connection, stmt: ClauseElement, params: Mapping[str, Any] | None = None) -> list[Any]:
    """``conn.execute(stmt, params).all()`` on the DBAPI cursor, rows as tuples: the same text,
    parameters and type processing, without SQLAlchemy's per-execution work (execution context,
    parameter construction, result set-up: ~60-100 us a statement, more than SQLite's own work on
    a small one). For statements whose result columns need no processing (integers, text); a
    driver error is raised as SQLAlchemy's (``OperationalError``, ``IntegrityError``, ...)."""
    params = params or {}
    driven = _driven(conn.dialect, stmt, frozenset(params))
    return _on_cursor(conn, driven.sql, driven.values(params))


def run_many(conn: Connection, stmt: ClauseElement, rows: Sequence[Mapping[str, Any]]) -> None:
    """``conn.execute(stmt, rows)`` (all rows with the same keys; no result) on the DBAPI cursor."""
    if rows:
        driven = _driven(conn.dialect, stmt, frozenset(rows[0]))
        _on_cursor(conn, driven.sql, [driven.values(row) for row in rows], many=True)


def _on_cursor(conn: Connection, sql: str, values: Any, *, many: bool = False) -> list[Any]:
    dialect = conn.dialect
    cursor = conn.connection.cursor()
    try:
        if many:
            cursor.executemany(sql, values)
            return []
        cursor.execute(sql, values)
        return list(cursor.fetchall()) if cursor.description is not None else []
    except dialect.loaded_dbapi.Error as exc:
        error = DBAPIError.instance(sql, values, exc, dialect.loaded_dbapi.Error, dialect=dialect)
        raise error from exc
    finally:
        cursor.close()


# ---- many rows in one go --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Bulk:
    """An insert (or adding upsert) of many rows as the driver takes it, for one dialect and set of
    columns, with SQLAlchemy's type processors per column. PostgreSQL: one statement taking a
    column of values per array parameter (``unnest``), one execution whatever the number of rows;
    the arrays are sent in binary (``%(name)b``): psycopg quotes and escapes each element of a text
    array in Python, which cost ~0.8 ms a decision record's large texts and, for the aggregates,
    ~300 us of the app's CPU per stored submission (2026-12-03; binary sends each element as it
    is). SQLite: SQLAlchemy's own text, run by the driver's ``executemany`` (rows as tuples in its
    parameter order)."""

    sql: str
    names: tuple[str, ...]
    processors: tuple[Processor, ...]
    arrays: bool


def _processors(dialect: Dialect, table: Table, names: Sequence[str]) -> tuple[Processor, ...]:
    return tuple(table.c[c].type.dialect_impl(dialect).bind_processor(dialect) for c in names)


@lru_cache(maxsize=64)
def _bulk(
    dialect: Dialect, table: Table, names: tuple[str, ...], key: tuple[str, ...], add: tuple[str, ...]
) -> _Bulk:
    if dialect.name == "postgresql":
        quote = dialect.identifier_preparer.quote
        name = dialect.identifier_preparer.format_table(table)
        arrays = ", ".join(f"%({c})b::{table.c[c].type.compile(dialect)}[]" for c in names)
        sql = f"INSERT INTO {name} ({', '.join(map(quote, names))}) SELECT * FROM unnest({arrays})"
        if key:
            adding = ", ".join(f"{quote(c)} = {name}.{quote(c)} + EXCLUDED.{quote(c)}" for c in add)
            sql += f" ON CONFLICT ({', '.join(map(quote, key))}) DO UPDATE SET {adding}"
        return _Bulk(sql, names, _processors(dialect, table, names), arrays=True)
    stmt: Any = sqlite.insert(table)
    if key:
        stmt = stmt.on_conflict_do_update(
            index_elements=list(key), set_={c: table.c[c] + stmt.excluded[c] for c in add}
        )
    compiled = stmt.compile(dialect=dialect, column_keys=list(names))
    order = tuple(compiled.positiontup or ())
    if set(order) != set(names):  # a column default SQLAlchemy would fill in: not for this path
        raise ValueError(f"{table.name}: parameters {order} for columns {names}")
    return _Bulk(compiled.string, order, _processors(dialect, table, order), arrays=False)


def insert_rows(
    conn: Connection,
    table: Table,
    rows: Sequence[Mapping[str, Any]],
    *,
    key: tuple[str, ...] = (),
    add: tuple[str, ...] = (),
) -> None:
    """Insert ``rows`` (all with the same keys), or with ``key``, add the ``add`` columns of a row
    whose key is taken: as ``conn.execute(insert(table) [on conflict do update], rows)`` would, in
    one execution on PostgreSQL (a statement per row cost the server more than the row itself)
    and without SQLAlchemy's per-row parameter handling on SQLite. ``key`` rows must be distinct
    (one statement on PostgreSQL may not update a row twice)."""
    if not rows:
        return
    bulk = _bulk(conn.dialect, table, tuple(rows[0]), key, add)
    values = _values(rows, bulk)
    if bulk.arrays:
        columns = map(list, zip(*values, strict=True))
        _on_cursor(conn, bulk.sql, dict(zip(bulk.names, columns, strict=True)))
        return
    _on_cursor(conn, bulk.sql, values, many=True)


def _values(rows: Sequence[Mapping[str, Any]], bulk: _Bulk) -> list[tuple[Any, ...]]:
    """Each row's values in ``bulk.names`` order, through the columns' type processors. A processor
    runs once per distinct value (and type) of its column: the rows of a group share their day, hook,
    flags and times, and a processor call cost more than the rest of the row."""
    get = itemgetter(*bulk.names)
    processed: list[tuple[int, Callable[[Any], Any], dict[tuple[type, Any], Any]]] = [
        (i, p, {}) for i, p in enumerate(bulk.processors) if p is not None
    ]
    out = []
    for row in rows:
        value = get(row)
        values = list(value) if len(bulk.names) > 1 else [value]
        for i, process, seen in processed:
            raw = values[i]
            try:
                values[i] = seen[raw.__class__, raw]
            except KeyError:
                values[i] = seen[raw.__class__, raw] = process(raw)
            except TypeError:  # unhashable (a JSON value): as it is
                values[i] = process(raw)
        out.append(tuple(values))
    return out
