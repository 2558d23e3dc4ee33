"""The migrations are the schema: upgrade, compare with the models, downgrade, upgrade again."""

from __future__ import annotations

import importlib
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.db import alembic_config, begin_write, build_engine
from app.models import metadata
from app.models.base import UTCDateTime
from app.rules.registry import RulesetRegistry
from app.schemas.incidents import SubmissionCreate
from app.services import idempotency, submissions
from tests import database
from tests.submissions import submission

perf1 = importlib.import_module("migrations.versions.20261201_perf1_lz4_large_text")
perf2 = importlib.import_module("migrations.versions.20261201_perf2_idempotent_response_once")


def _render_item(kind: str, obj: object, _: object) -> str | bool:
    return "sa.DateTime(timezone=True)" if kind == "type" and isinstance(obj, UTCDateTime) else False


@pytest.fixture(params=database.backends())
def empty_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        engine = build_engine(f"sqlite:///{tmp_path / 'empty.db'}")
        yield engine
        engine.dispose()
        return
    base = database.pg_url()
    assert base is not None
    schema = f"safesteps_mig_{uuid.uuid4().hex[:12]}"
    admin = build_engine(base, pool_size=1)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    engine = build_engine(url.render_as_string(hide_password=False), pool_size=1)
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def test_upgrade_matches_models_and_downgrade_reverses(empty_engine: Engine) -> None:
    with empty_engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    assert _tables(empty_engine) == set(metadata.tables)

    with empty_engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "target_metadata": metadata})
        assert compare_metadata(context, metadata) == []

    with empty_engine.begin() as conn:
        command.downgrade(alembic_config(conn), "base")
    assert _tables(empty_engine) == set()

    with empty_engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
        head = conn.execute(text("SELECT id, seq, hash FROM decision_chain_head")).all()
    assert head == [(1, 0, "0" * 64)]


def _add_incident(conn: Any, reference: str, force: str) -> None:
    conn.execute(
        text(
            "INSERT INTO incident (reference, force, incident_type, revision, latest_decision_id,"
            " latest_blocking, created_at, updated_at) VALUES (:ref, :force, 'missing_child', 1,"
            " :decision, false, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
        ),
        {"ref": reference, "force": force, "decision": str(uuid.uuid4())},
    )


def _incidents(engine: Engine) -> list[tuple[str, str]]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT reference, force FROM incident ORDER BY force, reference"))
        return [(row.reference, row.force) for row in rows]


def test_references_unique_per_force_up_and_down_with_data(empty_engine: Engine) -> None:
    with empty_engine.begin() as conn:
        command.upgrade(alembic_config(conn), "ops2")
        _add_incident(conn, "REF-1", "WMP")
        _add_incident(conn, "REF-2", "NTH")
    with empty_engine.begin() as conn:
        command.upgrade(alembic_config(conn), "force1")
    assert _incidents(empty_engine) == [("REF-2", "NTH"), ("REF-1", "WMP")]
    with empty_engine.begin() as conn:
        _add_incident(conn, "REF-1", "NTH")  # another force, the same reference
    with pytest.raises(IntegrityError), empty_engine.begin() as conn:
        _add_incident(conn, "REF-1", "WMP")  # still unique within a force
    # Going back while two forces share a reference would lose an incident: refused, nothing changed.
    with pytest.raises(RuntimeError, match="more than one force"), empty_engine.begin() as conn:
        command.downgrade(alembic_config(conn), "ops2")
    with empty_engine.begin() as conn:
        conn.execute(text("DELETE FROM incident WHERE reference = 'REF-1' AND force = 'NTH'"))
        command.downgrade(alembic_config(conn), "ops2")
    assert _incidents(empty_engine) == [("REF-2", "NTH"), ("REF-1", "WMP")]
    with pytest.raises(IntegrityError), empty_engine.begin() as conn:
        _add_incident(conn, "REF-1", "NTH")  # unique across forces again


def _compression(conn: Any) -> dict[str, str]:
    query = text(
        "SELECT attcompression FROM pg_attribute WHERE attrelid = CAST(:t AS regclass) AND attname = :c"
    )
    return {f"{t}.{c}": str(conn.execute(query, {"t": t, "c": c}).scalar_one()) for t, c in perf1.COLUMNS}


def test_large_text_is_compressed_with_lz4_on_postgresql_and_downgrade_restores_the_default(
    empty_engine: Engine,
) -> None:
    if empty_engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL column compression")
    with empty_engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
        if not conn.execute(text("SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = :n"),
                            {"n": "default_toast_compression"}).scalar():  # fmt: skip
            pytest.skip("this server is built without LZ4")
        assert set(_compression(conn).values()) == {"l"}
        conn.execute(
            text(
                "INSERT INTO idempotency_key (scope, key, request_hash, status_code, response, created_at)"
                " VALUES ('s', 'k', 'h', 201, :body, CURRENT_TIMESTAMP)"
            ),
            {"body": "".join(f'{{"n": {i}, "rule": "step-{i % 37}"}}' for i in range(2000))},
        )
        stored = conn.execute(text("SELECT pg_column_compression(response) FROM idempotency_key")).scalar()
        assert stored == "lz4"
    with empty_engine.begin() as conn:
        command.downgrade(alembic_config(conn), perf1.down_revision)
        assert set(_compression(conn).values()) == {""}  # the server's default again


def test_idempotent_responses_stored_once_read_whole_again_after_downgrade(empty_engine: Engine) -> None:
    """perf2: a key written as a reference to its record's result gets its whole response back on
    the way down (the previous release reads it), and is read whole again on the way up."""
    with empty_engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    registry = RulesetRegistry.load()
    body = SubmissionCreate.model_validate(submission("WMP-MIG"))
    with Session(empty_engine) as session:
        stored = submissions.submit(
            session, registry, "WMP-MIG", body, idempotency_key="mig-1", if_match=None, requested_by="key:t"
        )
        session.commit()
    with empty_engine.begin() as conn:
        assert conn.execute(text("SELECT decision_id FROM idempotency_key")).scalar() is not None
        command.downgrade(alembic_config(conn), perf2.down_revision)
        assert conn.execute(text("SELECT response FROM idempotency_key")).scalar() == stored.response
        command.upgrade(alembic_config(conn), "head")
    with Session(empty_engine) as session:
        conn = begin_write(session)
        assert stored.item is not None
        found = idempotency.earlier(conn, "key:t", "mig-1", stored.item.request_hash)
        session.rollback()
    assert found == idempotency.StoredResponse(201, stored.response)
