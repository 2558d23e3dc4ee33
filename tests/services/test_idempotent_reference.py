"""A submission's idempotent response is stored once: the key refers to its decision record's result
instead of holding a second copy (``app.services.idempotency``). A retry gets the same bytes as the
first answer, in the same transaction or later, and retention never leaves a key whose record has
lost those bytes (it deletes the key with the record)."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlmodel import Session

from app.db import begin_write, session_scope
from app.models.base import utcnow
from app.models.tables import KEYS, RECORDS, REVISIONS
from app.rules.registry import RulesetRegistry
from app.schemas.incidents import SubmissionCreate
from app.services import idempotency, submissions
from app.services.retention import erase_batch
from tests.auth_tests.personal import personal_submission
from tests.submissions import submission, url


def keys(engine: Engine) -> dict[str, Any]:
    with engine.connect() as conn:
        return {row.key: row for row in conn.execute(select(KEYS))}


def test_a_retry_gets_the_first_answer_byte_for_byte_and_the_result_is_stored_once(
    db_client: TestClient, db_engine: Engine
) -> None:
    headers = {"Idempotency-Key": "once-1"}
    first = db_client.post(url("WMP-ONCE"), json=submission("WMP-ONCE"), headers=headers)
    assert first.status_code == 201, first.text
    again = db_client.post(url("WMP-ONCE"), json=submission("WMP-ONCE"), headers=headers)
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert again.content == first.content

    row = keys(db_engine)["once-1"]
    with db_engine.connect() as conn:
        result = conn.execute(select(RECORDS.c.result)).scalar_one()
    assert row.decision_id == first.json()["decision_id"]
    assert result not in row.response
    assert len(row.response) == len(first.text) - len(result) - 1  # and the revision number, 1
    r, rev, ev = row.response, row.revision_at, row.evaluation_at
    assert (r[:rev] + "1" + r[rev:ev] + result + r[ev:]).encode() == first.content


@pytest.mark.parametrize("revision", [1, 9, 10, 123456])
@pytest.mark.parametrize("hook", ["scene.depart", None])
def test_the_stored_form_gives_back_the_plain_response(
    registry: RulesetRegistry, revision: int, hook: str | None
) -> None:
    body = SubmissionCreate.model_validate(submission("WMP-FORM", hook=hook))
    item = submissions.prepare(
        registry, "WMP-FORM", body, idempotency_key="form-1", base_revision=None, requested_by="key:t"
    )
    now = utcnow()
    evaluation = item.record.result.decode()
    reference = idempotency.Reference.of(
        201, submissions.response_body(item, 0, now), item.record.decision_id, evaluation
    )
    assert reference is not None
    assert reference.body(revision) == submissions.response_body(item, revision, now)
    assert evaluation not in reference.response
    # Not in the expected form (another result, no revision 0): stored whole instead.
    assert idempotency.Reference.of(201, submissions.response_body(item, 0, now), "d", "{}") is None
    assert idempotency.Reference.of(201, submissions.response_body(item, 1, now), "d", evaluation) is None


def test_a_retry_in_the_same_transaction_gets_the_same_answer(
    db_engine: Engine, registry: RulesetRegistry
) -> None:
    """The group writer and the batch apply several submissions before appending their records:
    a retry among them finds the key before the record it refers to exists."""
    body = SubmissionCreate.model_validate(submission("WMP-SAME"))
    item = submissions.prepare(
        registry, "WMP-SAME", body, idempotency_key="same-1", base_revision=None, requested_by="key:t"
    )
    with Session(db_engine) as session:
        conn = begin_write(session)
        now = utcnow()
        first = submissions.store(conn, item, "key:t", now)
        retried = submissions.store(conn, item, "key:t", now)
        submissions._finisher(registry)(conn, [first, retried])
        session.commit()
    assert (first.replayed, retried.replayed) == (False, True)
    assert retried.response == first.response
    with session_scope(engine=db_engine) as session:  # and after the commit, from the record
        conn = begin_write(session)
        later = idempotency.claim(conn, "key:t", "same-1", item.request_hash, utcnow())
    assert later == idempotency.StoredResponse(201, first.response)


def test_a_key_stored_whole_is_read_as_it_was(db_engine: Engine) -> None:
    """Keys stored before the reference form (``decision_id`` null) hold the whole response."""
    with session_scope(engine=db_engine) as session:
        conn = begin_write(session)
        assert idempotency.claim(conn, "key:t", "old-1", "h", utcnow()) is None
        conn.execute(
            KEYS.update().where(KEYS.c.key == "old-1").values(status_code=201, response='{"whole":true}')
        )
    with session_scope(engine=db_engine) as session:
        conn = begin_write(session)
        found = idempotency.claim(conn, "key:t", "old-1", "h", utcnow())
    assert found == idempotency.StoredResponse(201, '{"whole":true}')


def test_no_retention_batch_leaves_a_key_without_the_bytes_it_answered_with(
    db_client: TestClient, db_engine: Engine
) -> None:
    answers = {}
    for i in range(4):
        ref = f"WMP-KEEP-{i}"
        key = f"keep-{i}"
        created = db_client.post(url(ref), json=personal_submission(ref), headers={"Idempotency-Key": key})
        assert created.status_code == 201, created.text
        answers[key] = (ref, created.content)
    cutoff, run_id = utcnow() + timedelta(seconds=1), str(uuid.uuid4())
    while True:
        with session_scope(engine=db_engine) as session:
            done = erase_batch(session, cutoff=cutoff, now=utcnow(), run_id=run_id, limit=1)
        with db_engine.connect() as conn:
            erased = set(
                conn.execute(
                    select(REVISIONS.c.decision_id)
                    .join(RECORDS, RECORDS.c.decision_id == REVISIONS.c.decision_id)
                    .where(RECORDS.c.erasure_id.is_not(None))
                ).scalars()
            )
        left = keys(db_engine)
        assert not {row.decision_id for row in left.values()} & erased
        for key in left:  # every key still there answers exactly as it first did
            ref, content = answers[key]
            again = db_client.post(url(ref), json=personal_submission(ref), headers={"Idempotency-Key": key})
            assert (again.headers.get("Idempotent-Replayed"), again.content) == ("true", content)
        if not done.batches:
            break
    assert len(erased) == 4
    assert not left
    # A retry after its key is gone is a new submission (by then no client retries).
    ref, content = answers["keep-0"]
    late = db_client.post(url(ref), json=personal_submission(ref), headers={"Idempotency-Key": "keep-0"})
    assert late.status_code == 201
    assert late.headers.get("Idempotent-Replayed") is None
    assert late.json()["revision"] == 2
