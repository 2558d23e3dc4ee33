"""GET /v1/rulesets/{id}/diff, and startup refusing altered published rule sets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient

from app.main import create_app
from app.rules import lock
from app.rules.errors import RulesetLockError
from app.rules.lock import Lockfile
from app.rules.registry import load_all
from app.settings import Settings
from tests.auth import as_role
from tests.synthetic_rulesets import copy_builtin, document, rule, write

VOICE = "CFC-VOICE-OF-CHILD"


@pytest.fixture
def two_versions(tmp_path: Path) -> Path:
    root = tmp_path / "rulesets"
    write(root, document("1.0.0", effective_to="2026-01-01"))
    rules = document()["rules"]
    rules[1] = rule(VOICE, severity="critical", severity_reason="Statutory duty in police protection.")
    write(root, document("1.1.0", effective_from="2026-01-01", rules=rules))
    lock.lock_path(root).write_text(lock.relock(load_all(root), Lockfile(), "x").dumps(), "utf-8")
    return root


@pytest.fixture
def diff_client(two_versions: Path, tmp_path: Path) -> Iterator[TestClient]:
    settings = Settings(
        environment="test",
        database_url=f"sqlite:///{tmp_path / 't.db'}",
        rulesets_dir=two_versions,
        auto_migrate=True,  # the diff needs no database, but API keys live in it
        replay_worker=False,
    )
    with TestClient(create_app(settings)) as client:
        client.headers.update(as_role(client, "rules_admin"))
        yield client


def test_diff_lists_changed_rules_by_step(diff_client: TestClient) -> None:
    response = diff_client.get("/v1/rulesets/concern-for-a-child/diff?from=1.0.0&to=1.1.0")
    assert response.status_code == 200
    body = response.json()
    assert body["from_ruleset"]["version"] == "1.0.0"
    assert body["to_ruleset"]["version"] == "1.1.0"
    assert body["summary"] == {"added": 0, "removed": 0, "changed": 1, "unchanged": 2}
    (step,) = body["steps"]
    assert step["step_id"] == VOICE
    (change,) = step["changed"]
    assert change["categories"] == ["severity"]
    severity = next(c for c in change["changes"] if c["field"] == "severity")
    assert (severity["before"], severity["after"]) == ("high", "critical")


def test_diff_in_reverse_shows_the_opposite_change(diff_client: TestClient) -> None:
    body = diff_client.get("/v1/rulesets/concern-for-a-child/diff?from=1.1.0&to=1.0.0").json()
    severity = body["steps"][0]["changed"][0]["changes"][0]
    assert (severity["field"], severity["before"], severity["after"]) == ("severity", "critical", "high")


def test_diff_of_an_unknown_version_is_404_in_the_common_shape(diff_client: TestClient) -> None:
    response = diff_client.get("/v1/rulesets/concern-for-a-child/diff?from=1.0.0&to=9.9.9")
    assert response.status_code == 404
    assert response.json() == {
        "error": "ruleset_not_found",
        "message": "No such rule set or version, or none in force at that time.",
    }
    assert diff_client.get("/v1/rulesets/nope/diff?from=1.0.0&to=1.1.0").status_code == 404


@pytest.mark.parametrize(
    ("query", "path"),
    [("from=1.0.0", "query.to"), ("to=1.1.0", "query.from"), ("from=latest&to=1.1.0", "query.from")],
)
def test_diff_needs_two_semantic_versions(diff_client: TestClient, query: str, path: str) -> None:
    response = diff_client.get(f"/v1/rulesets/concern-for-a-child/diff?{query}")
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "validation_error"
    assert [f["path"] for f in body["fields"]] == [path]


def test_the_service_refuses_to_start_when_a_published_version_was_altered(tmp_path: Path) -> None:
    root = copy_builtin(tmp_path)
    path = root / "concern-for-a-child" / "1.0.0.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["rules"][0]["message"] = "Softened wording."
    path.write_text(yaml.safe_dump(data), "utf-8")
    settings = Settings(environment="test", rulesets_dir=root)
    with pytest.raises(RulesetLockError, match=r"published\.lock\.json"):
        create_app(settings)
