"""`safesteps rules check` and `safesteps rules test` from the command line."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from app.cli import app
from tests.rules.helpers import checklist, condition_rule, write_cases, write_ruleset

runner = CliRunner()


def test_rules_test_on_the_built_in_rule_sets_passes_with_full_coverage() -> None:
    result = runner.invoke(app, ["rules", "test"])
    assert result.exit_code == 0, result.output
    assert "coverage: 100.0% of rules" in result.output


def test_rules_test_fails_and_prints_the_gap(tmp_path: Path) -> None:
    path = write_ruleset(tmp_path, [condition_rule()])
    cases = [
        {
            "name": "seen",
            "checklist": checklist(children=[{"id": "C1", "seen": True}]),
            "expect": {"T-SEEN": "met"},
        }
    ]
    write_cases(path, "seen.yaml", cases)
    result = runner.invoke(app, ["rules", "test", "--root", str(tmp_path)])
    assert result.exit_code == 1
    assert "T-SEEN" in result.output
    assert "coverage: 0.0% of rules" in result.output
    assert "33.3% of rule outcomes" in result.output


def test_rules_test_prints_failures(tmp_path: Path) -> None:
    path = write_ruleset(tmp_path, [condition_rule()])
    cases = [
        {
            "name": "wrong",
            "checklist": checklist(children=[{"id": "C1", "seen": False}]),
            "expect": {"T-SEEN": "met"},
        }
    ]
    write_cases(path, "seen.yaml", cases)
    result = runner.invoke(app, ["rules", "test", "--root", str(tmp_path)])
    assert result.exit_code == 1
    assert "case wrong: T-SEEN: expected met, got missing" in result.output


def test_rules_check_lists_every_problem_with_file_rule_and_field(tmp_path: Path) -> None:
    path = write_ruleset(
        tmp_path,
        [
            condition_rule("T-ONE", met_if="all(children, #.sen == true)"),
            condition_rule("T-TWO", step="CFC-NOPE"),
        ],
    )
    result = runner.invoke(app, ["rules", "check", "--root", str(tmp_path)])
    assert result.exit_code == 1
    assert f"{path}: rule T-ONE: met_if: children[].sen" in result.output
    assert f"{path}: rule T-TWO: step: unknown step id 'CFC-NOPE'" in result.output


def test_rules_check_on_the_built_in_rule_sets() -> None:
    result = runner.invoke(app, ["rules", "check"])
    assert result.exit_code == 0, result.output
