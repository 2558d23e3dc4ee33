"""Checklist submissions: evaluate, store a revision, log the decision; one transaction each.

A submission is evaluated before the transaction starts (the engine needs no database), then the
unit of work does, in this order and with Core statements (few round trips, no ORM bookkeeping):

1. claim the ``Idempotency-Key`` (or return the stored response of an earlier identical request);
2. upsert the incident, incrementing its revision - conditionally on the base revision when the
   client sent one, so a stale write changes nothing and fails with ``StaleRevision``;
3. insert the revision row and store the response for the idempotency key;
4. append the decision record to the hash chain (the chain-head lock is taken last).

On PostgreSQL steps 1-3 up to the revision row are one statement (``_one_statement``), the
key's response stored with its claim.

Person history (``app.services.history``) is one separate step: every stored revision writes its
``person_history`` rows beside its revision row (step 3). For a rule set that reads history the
write transaction starts first and the history facts are looked up in it, then the submission is
evaluated with them (so two submissions about one child see each other in order).

``submit`` does it in the caller's session (the plain path: CLI, tests, any unit of work);
``queued`` gives the same steps to the service's ``GroupWriter`` (``app.db``), which applies
the submissions waiting at that moment in one transaction: steps 1-3 per submission (one that
fails rolls back alone), then one append of their records in the order they were applied, one
write of the aggregates and one commit. A batch (an MDT's offline queue) is its items queued to
the writer in device-time order (``submit_batch``).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

import orjson
from pydantic import ValidationError
from sqlalchemy import Connection
from sqlmodel import Session

from app import metrics
from app.db import GroupWriter, begin_write
from app.errors import (
    IncidentReferenceMismatch,
    InvalidItem,
    OutsideForce,
    StaleRevision,
)
from app.models.base import utcnow
from app.models.decision import PendingRecord
from app.rules.canonical import canonical_json, sha256_hex
from app.rules.decision import Decision, finding_values
from app.rules.engine import Facts, RulesetRef, decide
from app.rules.history import HistoryFacts
from app.rules.history_effect import history_changed
from app.rules.registry import RulesetRegistry
from app.schemas.bundles import DeviceAgreement
from app.schemas.incidents import BatchItem, OutstandingStep, SubmissionCreate
from app.schemas.types import UNSAFE_TEXT_MESSAGE, UNSAFE_TEXT_TYPE, unsafe_location
from app.services import aggregates, audit, history, idempotency, integrity, statements
from app.services.bundles import compare_device_decision

log = logging.getLogger("safesteps.submissions")

CREATED = 201
_SUBMISSION_FIELDS = set(SubmissionCreate.model_fields) - {"base_revision", "checklist"}
_OUTSTANDING_FIELDS = tuple(OutstandingStep.model_fields)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A submission evaluated and ready to store."""

    incident_ref: str
    submission: SubmissionCreate
    base_revision: int | None
    idempotency_key: str | None
    request_hash: str
    decision: Decision
    result: dict[str, Any]  # the decision as JSON values (its canonical bytes: ``record.result``)
    findings: list[dict[str, Any]]
    record: PendingRecord
    device: DeviceAgreement | None = None  # a device's offline decision, compared with ``decision``
    used_history: HistoryFacts | None = None  # the history facts it was evaluated with
    history_rows: history.PendingRows = history.NO_ROWS


@dataclass(frozen=True, slots=True)
class Stored:
    """What a submission came to: a new revision (``record`` set) or a replayed response."""

    incident_ref: str
    revision: int
    response: str
    status_code: int
    replayed: bool
    record: PendingRecord | None = None
    item: Prepared | None = None  # what was stored, when ``record`` is set (for the append)


@dataclass(frozen=True, slots=True)
class Applied:
    """A batch item stored as a new revision, or the replay of an earlier identical submission."""

    index: int
    incident_ref: str
    status_code: int
    replayed: bool
    response: str  # the ``SubmissionResult`` JSON the item would have got alone (as stored)


@dataclass(frozen=True, slots=True)
class Rejected:
    """A batch item that changed nothing, and what it raised: the error it would have got alone
    (rendered by the one error table, which logs an unexpected one)."""

    index: int
    incident_ref: str | None
    error: Exception


ItemOutcome = Applied | Rejected


def prepare(
    registry: RulesetRegistry,
    incident_ref: str,
    submission: SubmissionCreate,
    *,
    idempotency_key: str | None,
    base_revision: int | None,
    requested_by: str,
    force: str | None = None,
    pseudonymiser: history.Pseudonymiser | None = None,
    facts_of_history: HistoryFacts | None = None,
    as_of: datetime | None = None,
) -> Prepared:
    """Check the reference (and the client's force binding), evaluate, and fix the exact bytes
    that the decision record will hold.

    ``facts_of_history``: looked up by the caller (``_history``) for a rule set that reads it.
    ``as_of``: the time to evaluate at when the caller has worked it out already (``_times``: the
    submission's, else the checklist's latest time, which the engine would walk the checklist for
    again); by default the submission's."""
    checklist = submission.checklist
    check_incident(incident_ref, submission, force)
    facts = Facts.of(checklist)
    if facts_of_history is not None:
        as_of = facts_of_history.computed_at
    elif as_of is None:
        as_of = submission.as_of
    ref = submission.ruleset.ref()
    decision = decide(
        registry,
        facts,
        submission.hook,
        as_of=as_of,
        ruleset=ref,
        history=facts_of_history,
        today=utcnow().date(),
    )
    result, result_json = _result(decision)
    # A second evaluation, as if nobody had an earlier incident: only when some history was found.
    changed = history_changed(
        registry,
        facts,
        submission.hook,
        as_of=decision.as_of,
        ruleset=RulesetRef(decision.ruleset.id, decision.ruleset.version),
        history=facts_of_history,
        result=result,
    )
    offline = submission.device_decision
    device = compare_device_decision(registry, facts, decision, offline) if offline is not None else None
    record = PendingRecord.of(
        decision,
        facts,
        incident_ref=incident_ref,
        revision=None,
        requested_by=requested_by,
        recorded_at=utcnow(),
        result=result_json,
        history=facts_of_history,
        history_changed=changed,
    )
    # The submission's own fields only: the same checklist sent alone or from a batch queue, or with
    # If-Match instead of base_revision, is the same request.
    request_hash = ""
    if idempotency_key is not None:
        fingerprint = {
            "incident_ref": incident_ref,
            "base_revision": base_revision,
            "checklist": orjson.Fragment(record.input),
            "submission": submission.model_dump(mode="json", include=_SUBMISSION_FIELDS),
        }
        request_hash = sha256_hex(canonical_json(fingerprint))
    return Prepared(
        incident_ref=incident_ref,
        submission=submission,
        base_revision=base_revision,
        idempotency_key=idempotency_key,
        request_hash=request_hash,
        decision=decision,
        result=result,
        findings=result["findings"],
        record=record,
        device=device,
        used_history=facts_of_history,
        history_rows=history.pending_rows(
            pseudonymiser or history.default_pseudonymiser(), checklist, decision, as_of
        ),
    )


def _result(decision: Decision) -> tuple[dict[str, Any], bytes]:
    """``decision.model_dump(mode="json")``, equal value for value, and its canonical JSON, built
    around the findings' shared values and canonical bytes (``finding_values``);
    ``tests/services/test_submission_result.py`` holds both equal to the plain computation.

    The findings' dicts are shared between decisions: read them, never change them."""
    head = decision.model_dump(mode="json", exclude=_BODY)
    shared = [finding_values(f) for f in decision.findings]
    outcomes = orjson.loads(orjson.dumps(decision.outcomes))  # plain strings, not enums
    canonical = canonical_json({**head, "findings": [text for _, text in shared], "outcomes": outcomes})
    return {**head, "findings": [values for values, _ in shared], "outcomes": outcomes}, canonical


_BODY = {"findings", "outcomes"}  # the last two fields of Decision, added by ``_result`` in this order


def check_incident(incident_ref: str, submission: SubmissionCreate, force: str | None) -> None:
    incident = submission.checklist.incident
    if incident.reference != incident_ref:
        raise IncidentReferenceMismatch(incident_ref, incident.reference)
    if force is not None and incident.force != force:
        raise OutsideForce(force)


def _times(
    registry: RulesetRegistry, submission: SubmissionCreate
) -> tuple[datetime | None, datetime | None]:
    """When to count the submission's history at (None for a rule set that reads none), and the
    time it is evaluated at: its ``as_of``, else the checklist's latest time, walked for once here
    when the choice of rule set needs it (``decide`` would walk for it again)."""
    ref = submission.ruleset.ref()
    as_of = submission.as_of
    if as_of is None and history.may_read_history(registry, ref):
        as_of = submission.checklist.latest_time()
    return history.history_as_of(registry, ref, submission.checklist, as_of), as_of


def _incident_values(item: Prepared, now: datetime) -> dict[str, Any]:
    incident = item.submission.checklist.incident
    decision = item.decision
    return {
        "reference": item.incident_ref,
        "force": incident.force,
        "incident_type": incident.type.value,
        "revision": 1,
        "latest_decision_id": item.record.decision_id,
        "latest_hook": decision.hook,
        "latest_blocking": decision.blocking,
        "created_at": now,
        "updated_at": now,
        "base": item.base_revision,
    }


def _upserted(conn: Connection, item: Prepared, row: Sequence[Any] | None) -> tuple[int, int]:
    """The incident's id and new revision from the upsert's ``row`` (id, revision), or
    ``StaleRevision``."""
    base = item.base_revision
    if row is None or row[0] is None or (base is not None and row[1] != base + 1):
        force = item.submission.checklist.incident.force
        current = conn.execute(
            statements.CURRENT_REVISION, {"force": force, "ref": item.incident_ref}
        ).scalar_one_or_none()
        # A fresh insert that was based on a revision is rolled back with the error.
        fresh = row is not None and row[0] is not None
        raise StaleRevision(item.incident_ref, base or 0, 0 if fresh else current or 0)
    return int(row[0]), int(row[1])


Written = tuple[int, int] | idempotency.StoredResponse  # (incident id, revision), or a retry's answer


def _three_statements(
    conn: Connection,
    item: Prepared,
    scope: str,
    now: datetime,
    revision_row: dict[str, Any],
    reference: idempotency.Reference | None = None,
) -> Written:
    """Steps 1-3 up to the revision row: claim the key (with ``reference``, the response it
    stores), upsert the incident, insert ``revision_row`` at its number; or the stored response
    of an earlier identical request. PostgreSQL does the same in one statement (``_one_statement``:
    the same rows, ``tests/services/test_one_statement_revision.py``)."""
    key = item.idempotency_key
    if key is not None:
        earlier = idempotency.claim(conn, scope, key, item.request_hash, now, reference)
        if earlier is not None:
            return earlier
    stmt = statements.upsert_incident(conn.dialect.name, item.base_revision is not None)
    upserted = statements.run(conn, stmt, _incident_values(item, now))
    incident_id, revision = _upserted(conn, item, upserted[0] if upserted else None)
    row = {**revision_row, "incident_id": incident_id, "number": revision}
    statements.run(conn, statements.INSERT_REVISION, row)
    return incident_id, revision


def _one_statement(
    conn: Connection,
    item: Prepared,
    scope: str,
    now: datetime,
    revision_row: dict[str, Any],
    reference: idempotency.Reference | None = None,
) -> Written:
    """PostgreSQL: ``statements.claim_and_add_revision`` (one round trip instead of three)."""
    key = item.idempotency_key
    stmt = statements.claim_and_add_revision(key is not None, item.base_revision is not None)
    params = {**_incident_values(item, now), **revision_row}
    if key is not None:
        params.update(scope=scope, key=key, request_hash=item.request_hash)
        stored = reference.params() if reference is not None else idempotency.UNSTORED
        params.update({f"key_{name}": value for name, value in stored.items()})
    rows = statements.run(conn, stmt, params)
    if key is not None and not rows:  # a retry: the key was not claimed and nothing written
        return idempotency.earlier(conn, scope, key, item.request_hash)
    if reference is not None:
        idempotency.remember(conn, reference)
    return _upserted(conn, item, rows[0][-2:] if rows else None)  # (key,) id, revision


def response_body(item: Prepared, revision: int, received_at: datetime) -> str:
    """The ``SubmissionResult`` JSON, built by orjson around the decision's canonical bytes
    (no second serialisation of the evaluation, no intermediate models on the hot path)."""
    decision = item.decision
    body = {
        "incident_ref": item.incident_ref,
        "revision": revision,
        "decision_id": item.record.decision_id,
        "received_at": received_at,
        "hook": decision.hook,
        "blocking": decision.blocking,
        "outstanding": [
            {k: f[k] for k in _OUTSTANDING_FIELDS if k in f} for f in item.findings
        ],  # basis: sem. 2
        "score": decision.score,
        "completeness": decision.completeness,
        "evaluation": orjson.Fragment(item.record.result),
    }
    if item.device is not None:
        body["device_decision"] = item.device.model_dump(mode="json")
    if item.used_history is not None:
        body["history"] = item.used_history.model_dump(mode="json")
    # Field order as written (not sorted): the outstanding steps come before the full evaluation.
    return orjson.dumps(body, option=orjson.OPT_UTC_Z).decode("utf-8")


def store(conn: Connection, item: Prepared, scope: str, now: datetime) -> Stored:
    """Steps 1-3 for one submission (the caller appends ``Stored.record`` to the chain)."""
    key = item.idempotency_key
    submission = item.submission
    salt = integrity.new_salt()
    revision_row = {
        "decision_id": item.record.decision_id,
        "submitted_by": submission.submitted_by,
        "device_time": submission.device_time,
        "received_at": now,
        "idempotency_key": key,
        "salt": salt,
    }
    # With a key, the response is stored with its claim (revision 0 marks where the number goes).
    reference = None
    if key is not None:
        reference = idempotency.Reference.of(
            CREATED, response_body(item, 0, now), item.record.decision_id, item.record.result.decode()
        )
    write = _one_statement if conn.dialect.name == "postgresql" else _three_statements
    written = write(conn, item, scope, now, revision_row, reference)
    if isinstance(written, idempotency.StoredResponse):
        revision = int(orjson.loads(written.body)["revision"])
        return Stored(item.incident_ref, revision, written.body, written.status_code, replayed=True)
    incident_id, revision = written
    item.history_rows.insert(
        conn, incident_id=incident_id, revision=revision, decision_id=item.record.decision_id, at=now
    )
    if reference is not None:
        body = reference.body(revision)  # response_body(item, revision, now): test_idempotent_reference
    else:
        body = response_body(item, revision, now)
        if key is not None:
            idempotency.store(conn, scope, key, CREATED, body)
    fields = integrity.revision_fields(
        item.incident_ref, revision, submission.submitted_by, submission.device_time, now, key
    )
    full, erased = integrity.revision_commitment(fields, salt)
    record = item.record.model_copy(
        update={
            "revision": revision,
            "recorded_at": now,
            "revision_sha256": full,
            "revision_erased_sha256": erased,
        }
    )
    return Stored(item.incident_ref, revision, body, CREATED, replayed=False, record=record, item=item)


def submit(
    session: Session,
    registry: RulesetRegistry,
    incident_ref: str,
    submission: SubmissionCreate,
    *,
    idempotency_key: str | None,
    if_match: int | None,
    requested_by: str,
    force: str | None = None,
    pseudonymiser: history.Pseudonymiser | None = None,
) -> Stored:
    """One submission in the caller's unit of work: a new revision and its decision record, or the
    response to a retry (``queued`` is the same for the group writer).

    ``if_match``: the revision the client's ``If-Match`` names (it wins over ``base_revision``)."""
    apply, finish = queued(
        registry,
        incident_ref,
        submission,
        idempotency_key=idempotency_key,
        if_match=if_match,
        requested_by=requested_by,
        force=force,
        pseudonymiser=pseudonymiser,
    )
    conn = begin_write(session)
    stored = apply(conn)
    finish(conn, [stored])
    return stored


class Queued(NamedTuple):
    """A submission's unit of work for the group writer (``writer.submit(*q)``, ``writer.wait(*q)``),
    stored in a transaction it may share with other submissions."""

    apply: Callable[[Connection], Stored]
    finish: Callable[[Connection, list[Stored]], None]


def queued(
    registry: RulesetRegistry,
    incident_ref: str,
    submission: SubmissionCreate,
    *,
    idempotency_key: str | None,
    if_match: int | None,
    requested_by: str,
    force: str | None = None,
    pseudonymiser: history.Pseudonymiser | None = None,
) -> Queued:
    """``submit``'s steps, for the group writer (or the caller's connection, as ``submit`` does).

    Errors of ``prepare`` raise here (or, reading history, are the unit of work's); those of the
    unit of work (``StaleRevision``, ``IdempotencyConflict``, ``DatabaseBusy``, ...) are its own."""
    apply = _unit_of_work(
        registry, incident_ref, submission, idempotency_key, if_match, requested_by, force, pseudonymiser
    )
    return Queued(apply, _finisher(registry))


def _unit_of_work(
    registry: RulesetRegistry,
    incident_ref: str,
    submission: SubmissionCreate,
    idempotency_key: str | None,
    if_match: int | None,
    requested_by: str,
    force: str | None,
    pseudonymiser: history.Pseudonymiser | None,
) -> Callable[[Connection], Stored]:
    """What a submission does in the write transaction. Evaluated now, outside it (no database);
    for a rule set that reads history, in it, after looking the history up there (so it sees what
    the submissions before it stored)."""
    pseudonymiser = pseudonymiser or history.default_pseudonymiser()
    prepared = functools.partial(
        prepare,
        registry,
        incident_ref,
        submission,
        idempotency_key=idempotency_key,
        base_revision=if_match if if_match is not None else submission.base_revision,
        requested_by=requested_by,
        force=force,
        pseudonymiser=pseudonymiser,
    )
    at, as_of = _times(registry, submission)
    if at is None:
        return functools.partial(_store_now, prepared(as_of=as_of), requested_by)
    check_incident(incident_ref, submission, force)  # before any read of the force's history

    def with_history(conn: Connection) -> Stored:
        found = history.lookup(conn, pseudonymiser, submission.checklist, at)
        return store(conn, prepared(facts_of_history=found), requested_by, utcnow())

    return with_history


def _store_now(item: Prepared, scope: str, conn: Connection) -> Stored:
    return store(conn, item, scope, utcnow())


@functools.lru_cache(maxsize=8)
def _finisher(registry: RulesetRegistry) -> functools.partial[None]:
    """One object per registry, so that the group writer finishes all its submissions together."""
    return functools.partial(_finish, aggregates.catalogue_for(registry))


def _finish(catalogue: aggregates.StepCatalogue, conn: Connection, stored: list[Stored]) -> None:
    """After steps 1-3 of some submissions, in their transaction: append the decision records of
    those that stored a revision, in order, and write their aggregates."""
    new = [(s.record, s.item) for s in stored if s.record is not None and s.item is not None]
    items = [item for _, item in new]
    rows = _append(conn, [record for record, _ in new], items)
    parsed = [aggregates.Parsed(item.result, item.submission.checklist.incident.force) for item in items]
    aggregates.record(conn, catalogue, rows, parsed)


def _append(conn: Connection, records: list[PendingRecord], items: list[Prepared]) -> list[dict[str, Any]]:
    """Append to the decision log, timed; count the evaluations stored (not replayed retries) and
    the offline device decisions they carried, by whether they agreed with the server."""
    if not records:
        return []
    with metrics.DECISION_APPEND_LATENCY.time():
        rows = audit.append(conn, records)
    metrics.DECISION_RECORDS_APPENDED.inc(len(records))
    for item in items:
        metrics.observe_decision(item.decision, "submission")
        if item.device is not None:
            metrics.DEVICE_DECISIONS.labels(agreed=str(item.device.agreed).lower()).inc()
    return rows


def submit_batch(
    writer: GroupWriter,
    registry: RulesetRegistry,
    items: Sequence[dict[str, Any]],
    *,
    requested_by: str,
    force: str | None = None,
    pseudonymiser: history.Pseudonymiser | None = None,
) -> list[ItemOutcome]:
    """Apply queued submissions in device-time order, through the group writer, as single ones
    are; each item succeeds or fails alone and comes back as it would alone (its status and
    its stored response, or the error it raised, even an unexpected one: the items before it may
    be committed already). Blocks the calling thread until every item is committed or refused.

    Items are evaluated here in device-time order and queued to the writer one by one, so the
    writer stores the first while the next is evaluated; an item whose rule set reads history is
    evaluated in the writer's transaction, in its turn (it sees the history the items before it
    stored)."""
    pseudonymiser = pseudonymiser or history.default_pseudonymiser()
    outcomes: dict[int, ItemOutcome] = {}
    valid: list[tuple[int, BatchItem]] = []
    for index, raw in enumerate(items):
        try:
            valid.append((index, _batch_item(raw)))
        except InvalidItem as exc:
            ref = raw.get("incident_ref") if isinstance(raw.get("incident_ref"), str) else None
            outcomes[index] = Rejected(index, ref, exc)
    valid.sort(key=lambda pair: (pair[1].device_time, pair[0]))
    waiting: list[tuple[int, str, Future[Stored]]] = []
    for index, item in valid:
        try:
            work = queued(
                registry,
                item.incident_ref,
                item,
                idempotency_key=item.idempotency_key,
                if_match=None,
                requested_by=requested_by,
                force=force,
                pseudonymiser=pseudonymiser,
            )
        except Exception as exc:  # the item's own error, rendered as it would be alone (even a bug's)
            outcomes[index] = Rejected(index, item.incident_ref, exc)
            continue
        waiting.append((index, item.incident_ref, writer.submit(*work)))
    for index, ref, future in waiting:
        try:
            stored = future.result()
        except Exception as exc:  # as above: what the writer raised for this item alone
            outcomes[index] = Rejected(index, ref, exc)
        else:
            outcomes[index] = Applied(index, ref, stored.status_code, stored.replayed, stored.response)
    return [outcomes[i] for i in range(len(items))]


def _batch_item(raw: dict[str, Any]) -> BatchItem:
    """A batch item validated alone; ``InvalidItem`` names what is wrong with it."""
    if (where := unsafe_location(raw)) is not None:
        raise InvalidItem([{"loc": where, "msg": UNSAFE_TEXT_MESSAGE, "type": UNSAFE_TEXT_TYPE}])
    try:
        return BatchItem.model_validate(raw)
    except ValidationError as exc:
        raise InvalidItem(exc.errors()) from None
