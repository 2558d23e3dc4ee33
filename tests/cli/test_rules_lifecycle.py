"""`safesteps rules lock|list|diff|check` on synthetic rule-set directories."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from app.cli import app
from app.rules import lock
from tests.synthetic_rulesets import document, edit, rule, write

runner = CliRunner()
VOICE = "CFC-VOICE-OF-CHILD"


def rules(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["rules", *args])
    return result.exit_code, result.output


def test_lock_records_published_versions_and_check_then_passes(tmp_path: Path) -> None:
    root = tmp_path / "rs"
    write(root, document("1.0.0"))
    write(root, document("1.1.0", status="draft"))
    code, output = rules("lock", "--check", "--root", str(root))
    assert code == 1
    assert "out of date" in output
    code, output = rules("lock", "--root", str(root))
    assert code == 0, output
    assert "locked concern-for-a-child@1.0.0" in output
    entries = json.loads(lock.lock_path(root).read_text("utf-8"))["rulesets"]["concern-for-a-child"]
    assert list(entries) == ["1.0.0"]
    assert rules("lock", "--check", "--root", str(root))[0] == 0
    assert rules("check", "--root", str(root))[0] == 0


def test_check_and_lock_refuse_an_altered_published_version(tmp_path: Path) -> None:
    root = tmp_path / "rs"
    path = write(root, document("1.0.0"))
    assert rules("lock", "--root", str(root))[0] == 0
    edit(path, rules=[rule(VOICE, severity="low")])
    for command in ("check", "lock"):
        code, output = rules(command, "--root", str(root))
        assert code == 1
        assert "published.lock.json" in output
        assert "concern-for-a-child@1.0.0" in output


def test_list_shows_status_dates_hash_and_lock_state(tmp_path: Path) -> None:
    root = tmp_path / "rs"
    write(root, document("1.0.0", effective_to="2026-01-01"))
    write(root, document("1.1.0", effective_from="2026-01-01"))
    write(root, document("1.2.0", status="draft", effective_from="2030-01-01"))
    assert rules("lock", "--root", str(root))[0] == 0
    code, output = rules("list", "--root", str(root), "--format", "json")
    assert code == 0
    rows = json.loads(output)
    assert [(r["version"], r["status"], r["lock"]) for r in rows] == [
        ("1.0.0", "published", "locked"),
        ("1.1.0", "published", "locked"),
        ("1.2.0", "draft", "draft"),
    ]
    assert rows[0]["effective_to"] == "2026-01-01"
    assert all(len(r["hash"]) == 64 for r in rows)
    code, table = rules("list", "--root", str(root))
    assert code == 0
    assert "1.2.0" in table
    assert rows[1]["hash"][:16] in table


def test_diff_prints_changes_grouped_by_step(tmp_path: Path) -> None:
    root = tmp_path / "rs"
    write(root, document("1.0.0"))
    rules_v2 = document()["rules"]
    rules_v2[1] = rule(VOICE, severity="critical")
    rules_v2.append(rule("CR-ASK-CHILDREN-PRESENT", hooks=["call.intake"]))
    write(root, document("1.1.0", status="draft", rules=rules_v2))
    assert rules("lock", "--root", str(root))[0] == 0
    code, output = rules(
        "diff", "concern-for-a-child@1.0.0", "concern-for-a-child@1.1.0", "--root", str(root)
    )
    assert code == 0, output
    assert "1 added, 0 removed, 1 changed, 2 unchanged" in output
    assert output.index("CR-ASK-CHILDREN-PRESENT") < output.index(VOICE)
    assert "severity: high → critical" in output
    code, output = rules(
        "diff", "concern-for-a-child@1.0.0", "1.1.0", "--root", str(root), "--format", "json"
    )
    assert code == 0
    assert json.loads(output)["summary"]["added"] == 1


def test_diff_of_an_unknown_version_fails_clearly(tmp_path: Path) -> None:
    root = tmp_path / "rs"
    write(root, document("1.0.0"))
    assert rules("lock", "--root", str(root))[0] == 0
    code, output = rules("diff", "concern-for-a-child@1.0.0", "2.0.0", "--root", str(root))
    assert code == 1
    assert "concern-for-a-child@2.0.0 not found" in output
    code, output = rules("diff", "1.0.0", "2.0.0", "--root", str(root))
    assert code == 1
    assert "RULESET@VERSION" in output


def test_repin_re_records_a_published_version_only_when_asked(tmp_path: Path) -> None:
    root = tmp_path / "rs"
    path = write(root, document("1.0.0"))
    assert rules("lock", "--root", str(root))[0] == 0
    edit(path, changelog="Corrected before first use.")
    assert rules("lock", "--root", str(root))[0] == 1
    code, output = rules("lock", "--root", str(root), "--repin", "concern-for-a-child@1.0.0")
    assert code == 0, output
    assert "re-pinning" in output
    assert rules("check", "--root", str(root))[0] == 0
    code, output = rules("lock", "--root", str(root), "--repin", "concern-for-a-child@9.0.0")
    assert code == 1
    assert "not recorded" in output
