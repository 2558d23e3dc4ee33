"""Decisions made under 1.0.0 and 1.1.0 replay as recorded after semantics-2 1.2.0 is the default.

Decisions are seeded before the change, through the real paths (the submission API on its database,
and the demo seeder), by a service that has only 1.0.0 and 1.1.0. Then 1.2.0 is published as the
version in force, and an as-recorded replay over the same database must reproduce every decision
byte for byte (canonical result, engine version included). It runs twice: with the real 1.2.0 of
this branch (published in a copy of the rule sets) and with a small test-only semantics-2 version,
so the property holds whatever the content of 1.2.0 is.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from app.db import build_engine
from app.main import create_app
from app.models.tables import RECORDS
from app.rules.engine import ENGINE_VERSIONS
from app.rules.registry import BUILTIN_RULESETS, RulesetRegistry, calendars_dir
from app.services import demo
from app.services.synthetic import incidents
from app.settings import Settings
from tests import database
from tests import replay_support as rs
from tests.auth import TEST_LIMITS, credentials_for
from tests.rules.semantics2 import due_rule
from tests.submissions import submission, url
from tests.synthetic_rulesets import lock_all

RULESET = "concern-for-a-child"
NEW = "1.2.0"
IN_FORCE_FROM = "2026-11-01"  # before the last synthetic incidents and today's submissions
SUBMITTED = 60


def _without_new_version(root: Path) -> None:
    folder = root / RULESET
    for path in folder.glob(f"{NEW}.*"):
        shutil.rmtree(path) if path.is_dir() else path.unlink()


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the rule-set folders below are made, once for the module: the tests only read them,
    so each is copied and locked once and its compiled registry reused (see ``tests/conftest.py``)."""
    return tmp_path_factory.mktemp("rulesets")


def _before(folders: Path) -> Path:
    """The rule sets as they were: 1.0.0 and 1.1.0 only."""
    root = folders / "before"
    if not root.exists():
        shutil.copytree(BUILTIN_RULESETS, root)
        _without_new_version(root)
        lock_all(root)
    return root


def _publish(root: Path, document: dict[str, Any], calendars: Path | None) -> None:
    path = root / RULESET / f"{NEW}.yaml"
    data = {**document, "status": "published", "effective_from": IN_FORCE_FROM}
    path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    if calendars is not None and calendars.is_dir():
        shutil.copytree(calendars, calendars_dir(path))


def _synthetic_new_version() -> dict[str, Any]:
    return {
        "id": RULESET,
        "version": NEW,
        "title": "Synthetic semantics-2 stand-in",
        "status": "draft",
        "effective_from": IN_FORCE_FROM,
        "changelog": "Test-only: one rule with a due moment.",
        "semantics": 2,
        "checklist_schema_version": 2,
        "rules": [due_rule("CFC-SEE-EVERY-CHILD", step="CFC-SEE-EVERY-CHILD")],
    }


def _after(folders: Path, which: str) -> RulesetRegistry:
    """The rule sets after the change: 1.2.0 published and in force, 1.0.0 and 1.1.0 untouched."""
    root = folders / f"after-{which}"
    if not root.exists():
        shutil.copytree(BUILTIN_RULESETS, root)
        _without_new_version(root)
        if which == "real":
            source = BUILTIN_RULESETS / RULESET / f"{NEW}.yaml"
            _publish(root, yaml.safe_load(source.read_text("utf-8")), calendars_dir(source))
        else:
            _publish(root, _synthetic_new_version(), None)
        lock_all(root)
    return RulesetRegistry.load(root)


def _settings(db: database.TestDatabase, rulesets: Path) -> Settings:
    return Settings(
        environment="test",
        database_url=db.fresh_url(),
        auto_migrate=False,
        rulesets_dir=rulesets,
        **TEST_LIMITS,
    )


@pytest.fixture
def seeded(folders: Path, test_database: database.TestDatabase) -> Iterator[tuple[Settings, Engine]]:
    """A decision log made before 1.2.0 existed: API submissions and demo-seeded incidents."""
    settings = _settings(test_database, _before(folders))
    with TestClient(create_app(settings)) as client:
        client.headers.update(credentials_for(client.app).headers("control_room"))  # type: ignore[arg-type]
        for n, item in enumerate(incidents(SUBMITTED, seed=20261201)):
            body = submission(item.reference, hook=item.hook, checklist=item.checklist)
            if n % 5 == 0:  # some clients name the version, some evaluate every rule
                body["ruleset"] = {"id": RULESET, "version": "1.0.0" if n % 2 else "1.1.0"}
                body["hook"] = None if n % 10 == 0 else body["hook"]
            response = client.post(url(item.reference), json=body)
            assert response.status_code == 201, response.text
    engine = build_engine(settings.database_url, pool_size=2)
    demo.seed(engine, RulesetRegistry.load(settings.rulesets_dir), 120, batch=60, closures=False)
    try:
        yield settings, engine
    finally:
        engine.dispose()


def _recorded(engine: Engine) -> list[Any]:
    with engine.connect() as conn:
        return list(conn.execute(select(RECORDS.c.ruleset_version, RECORDS.c.engine_version)).all())


@pytest.mark.parametrize("which", ["real", "synthetic"])
def test_old_decisions_replay_as_recorded_once_semantics_2_is_the_default(
    folders: Path, seeded: tuple[Settings, Engine], which: str
) -> None:
    if which == "real" and not (BUILTIN_RULESETS / RULESET / f"{NEW}.yaml").exists():
        pytest.skip("1.2.0 is not on this branch yet; the synthetic stand-in runs")
    _, engine = seeded
    before = _recorded(engine)
    assert {version for version, _ in before} == {"1.0.0", "1.1.0"}
    assert {engine_version for _, engine_version in before} == {ENGINE_VERSIONS[1]}

    after = _after(folders, which)
    new = after.in_force(RULESET, datetime.now(UTC))
    assert (new.document.version, new.document.semantics) == (NEW, 2)
    for version in ("1.0.0", "1.1.0"):  # the published versions are exactly as they were
        assert (
            after.get(RULESET, version).hash
            == RulesetRegistry.load(BUILTIN_RULESETS).get(RULESET, version).hash
        )

    job = rs.run(engine, after, mode="as_recorded")
    total = len(before)  # every decision in the log: the API's submissions and the seeder's
    assert total == SUBMITTED + 120
    assert (job.status, job.total, job.flagged) == ("succeeded", total, 0)
    assert job.summary == {"decisions": total, "reproduced": total, "failed": 0, "erased": 0}


def test_new_decisions_use_semantics_2_and_replay_too(folders: Path, seeded: tuple[Settings, Engine]) -> None:
    """After the switch the same service records 1.2.0 decisions (engine 2.0.0, findings with a basis),
    and the mixed log still replays as recorded; an impact replay names basis changes."""
    settings, engine = seeded
    after = _after(folders, "synthetic")
    switched = settings.model_copy(update={"rulesets_dir": folders / "after-synthetic"})
    with TestClient(create_app(switched)) as client:
        client.headers.update(credentials_for(client.app).headers("control_room"))  # type: ignore[arg-type]
        body = submission("NOR-20261201-0001", hook="scene.depart")
        body["checklist"]["children"] = [{"id": "C1", "age": 6}]  # nobody recorded seeing the child
        response = client.post(url("NOR-20261201-0001"), json=body)
        assert response.status_code == 201, response.text
        result = response.json()
        outstanding = client.get(f"{url('NOR-20261201-0001').rsplit('/', 1)[0]}/outstanding").json()
    decision = result["evaluation"]
    assert [(s["outcome"], s["basis"]) for s in result["outstanding"]] == [("missing", "not_recorded")]
    assert [(s["outcome"], s["basis"]) for s in outstanding["outstanding"]] == [("missing", "not_recorded")]
    assert decision["ruleset"]["version"] == NEW
    assert decision["engine_version"] == ENGINE_VERSIONS[2]
    [finding] = decision["findings"]
    assert (finding["outcome"], finding["basis"]) == ("missing", "not_recorded")
    assert decision["blocking"]

    job = rs.run(engine, after, mode="as_recorded")
    assert (job.flagged, job.summary["reproduced"]) == (0, len(_recorded(engine)))
    impact = rs.run(engine, after, mode="impact", ruleset={"id": RULESET, "version": NEW})
    changes = [c for r in rs.results(engine, impact.id) for c in r["detail"].get("changes", ())]
    assert any(c["basis_after"] == "not_recorded" for c in changes)
