"""Loading rule-set files: clear errors naming file, rule and field; choosing the version in force."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from app.rules.errors import RulesetLoadError, RulesetNotFound
from app.rules.registry import RulesetRegistry
from tests.rules.helpers import document, rule
from tests.synthetic_rulesets import lock_all


def write(root: Path, data: dict[str, Any], name: str | None = None) -> Path:
    path: Path = root / data["id"] / f"{name or data['version']}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data), "utf-8")
    return path


def test_validation_errors_name_file_rule_and_field(tmp_path: Path) -> None:
    bad = rule("CFC-SEE-EVERY-CHILD", severity="urgent")
    path = write(tmp_path, document(rule("CR-ASK-CHILDREN-PRESENT"), bad))
    with pytest.raises(RulesetLoadError) as caught:
        RulesetRegistry.load(tmp_path)
    message = str(caught.value)
    assert str(path) in message
    assert "rule CFC-SEE-EVERY-CHILD: severity" in message


def test_unknown_fields_in_rules_are_refused(tmp_path: Path) -> None:
    write(tmp_path, document(rule("CFC-SEE-EVERY-CHILD", sevrity="high")))
    with pytest.raises(RulesetLoadError, match="rule CFC-SEE-EVERY-CHILD: sevrity: Extra inputs"):
        RulesetRegistry.load(tmp_path)


def test_a_rule_without_citation_is_refused(tmp_path: Path) -> None:
    write(tmp_path, document(rule("CFC-SEE-EVERY-CHILD", references=[])))
    with pytest.raises(RulesetLoadError, match="references"):
        RulesetRegistry.load(tmp_path)


def test_file_name_must_match_version(tmp_path: Path) -> None:
    write(tmp_path, document(rule("CFC-SEE-EVERY-CHILD")), name="9.9.9")
    with pytest.raises(RulesetLoadError, match=r"must be test-set/1\.0\.0\.yaml"):
        RulesetRegistry.load(tmp_path)


def test_yaml_syntax_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "test-set" / "1.0.0.yaml"
    path.parent.mkdir()
    path.write_text("id: [unclosed", "utf-8")
    with pytest.raises(RulesetLoadError, match="cannot read"):
        RulesetRegistry.load(tmp_path)


@pytest.fixture
def versions(tmp_path: Path) -> RulesetRegistry:
    r = rule("CFC-SEE-EVERY-CHILD")
    write(tmp_path, document(r, version="1.0.0", effective_from="2024-01-01", effective_to="2025-06-01"))
    write(tmp_path, document(r, version="1.1.0", effective_from="2025-06-01"))
    write(tmp_path, document(r, version="1.2.0", effective_from="2025-09-01", status="draft"))
    return RulesetRegistry.load(lock_all(tmp_path))


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (date(2024, 3, 1), "1.0.0"),
        (datetime(2025, 5, 31, 23, 0, tzinfo=UTC), "1.0.0"),
        (date(2025, 6, 1), "1.1.0"),
        (date(2026, 1, 1), "1.1.0"),  # a draft is never in force
        (None, "1.1.0"),
    ],
)
def test_version_in_force(versions: RulesetRegistry, at: date | None, expected: str) -> None:
    assert versions.in_force("test-set", at).document.version == expected


def test_nothing_in_force_before_the_first_version(versions: RulesetRegistry) -> None:
    with pytest.raises(RulesetNotFound, match="in force on 2023-01-01"):
        versions.in_force("test-set", date(2023, 1, 1))


def test_the_version_in_force_is_remembered_per_day_and_a_refusal_is_not(
    versions: RulesetRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``in_force`` answers each (id, day) once from its search: the same version again (and the
    same object), a time on the same day too; a day with none in force raises every time."""
    searches: list[date | None] = []
    search = versions._search_in_force

    def counting(ruleset_id: str, day: date | None) -> Any:
        searches.append(day)
        return search(ruleset_id, day)

    monkeypatch.setattr(versions, "_search_in_force", counting)
    first = versions.in_force("test-set", date(2025, 6, 1))
    assert versions.in_force("test-set", datetime(2025, 6, 1, 22, 30, tzinfo=UTC)) is first
    assert first.document.version == "1.1.0"
    assert versions.in_force("test-set", date(2024, 3, 1)).document.version == "1.0.0"
    for _ in range(2):
        with pytest.raises(RulesetNotFound):
            versions.in_force("test-set", date(2023, 1, 1))
    assert searches == [date(2025, 6, 1), date(2024, 3, 1), date(2023, 1, 1), date(2023, 1, 1)]


def test_versions_sort_numerically(tmp_path: Path) -> None:
    for v in ("1.10.0", "1.9.0", "1.2.0"):
        write(tmp_path, document(rule("CFC-SEE-EVERY-CHILD"), version=v))
    registry = RulesetRegistry.load(lock_all(tmp_path))
    assert [r.document.version for r in registry.versions("test-set")] == ["1.2.0", "1.9.0", "1.10.0"]
    with pytest.raises(RulesetNotFound):
        registry.get("test-set", "2.0.0")
    with pytest.raises(RulesetNotFound):
        registry.versions("nope")


def test_builtin_rulesets_load(registry: RulesetRegistry) -> None:
    ruleset = registry.in_force("concern-for-a-child", None)
    assert ruleset.document.status == "published"
    assert all(r.references for r in ruleset.document.rules)
