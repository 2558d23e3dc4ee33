"""Test databases built by the real Alembic migrations, on SQLite always and on PostgreSQL when
``SAFESTEPS_TEST_DATABASE_URL`` is set.

Each test run migrates one template: a SQLite file (copied per test, which is cheaper than
migrating again) and a PostgreSQL schema of its own (emptied per test, dropped at the end).
Tests commit for real: idempotency, locking and hash-chain ordering are what is under test, and a
rolled-back outer transaction would hide exactly those.
"""

from __future__ import annotations

import os
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from app.db import build_engine, migrate
from app.models import metadata
from app.models.decision import GENESIS_HASH
from app.services.integrity import SIDE_CHAINS

PG_ENV = "SAFESTEPS_TEST_DATABASE_URL"


def pg_url() -> str | None:
    return os.environ.get(PG_ENV) or None


def backends() -> list[str]:
    return ["sqlite", "postgresql"] if pg_url() else ["sqlite"]


@dataclass
class TestDatabase:
    backend: str
    template: str
    workdir: Path
    schema: str | None = None
    _engine: Engine | None = field(default=None, repr=False)

    def fresh_url(self) -> str:
        """A URL to an empty, fully migrated database for one test."""
        if self.backend == "sqlite":
            target = self.workdir / f"{uuid.uuid4().hex}.db"
            shutil.copyfile(self.workdir / "template.db", target)
            return f"sqlite:///{target}"
        self._truncate()
        return self.template

    def _truncate(self) -> None:
        assert self._engine is not None
        tables = ", ".join(f'"{self.schema}".{t.name}' for t in metadata.sorted_tables)
        with self._engine.begin() as conn:
            # The append-only triggers refuse TRUNCATE; a test harness may switch them off.
            conn.execute(text("SET LOCAL session_replication_role = replica"))
            conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY"))
            conn.execute(
                text(f'INSERT INTO "{self.schema}".decision_chain_head (id, seq, hash) VALUES (1, 0, :h)'),
                {"h": GENESIS_HASH},
            )
            for chain in SIDE_CHAINS:
                conn.execute(
                    text(f'INSERT INTO "{self.schema}".chain_head (name, last_id, hash) VALUES (:n, 0, :h)'),
                    {"n": chain.name, "h": GENESIS_HASH},
                )

    def close(self) -> None:
        if self._engine is not None:
            with self._engine.begin() as conn:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{self.schema}" CASCADE'))
            self._engine.dispose()


def create(backend: str, workdir: Path) -> TestDatabase:
    if backend == "sqlite":
        url = f"sqlite:///{workdir / 'template.db'}"
        engine = build_engine(url)
        migrate(engine)
        engine.dispose()
        return TestDatabase("sqlite", url, workdir)
    base = pg_url()
    assert base is not None
    schema = f"safesteps_test_{uuid.uuid4().hex[:12]}"
    admin = build_engine(base, pool_size=1)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    rendered = (
        make_url(base)
        .update_query_dict({"options": f"-csearch_path={schema}"})
        .render_as_string(hide_password=False)
    )
    engine = build_engine(rendered, pool_size=2)
    migrate(engine)
    engine.dispose()
    return TestDatabase("postgresql", rendered, workdir, schema, _engine=admin)
