"""The migrations are the schema: upgrade, compare with the models, downgrade, upgrade again."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import make_url

from app.db import alembic_config, build_engine
from app.models import metadata
from app.models.base import UTCDateTime
from tests import database


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
