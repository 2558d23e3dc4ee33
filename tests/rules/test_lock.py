"""Published rule-set versions are immutable: the lock file records them and loading checks it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from app.rules import lock
from app.rules.compiler import content_hash
from app.rules.errors import RulesetLockError
from app.rules.lock import Lockfile, LockState
from app.rules.model import RulesetDocument
from app.rules.registry import BUILTIN_RULESETS, RulesetRegistry, load_all
from tests.synthetic_rulesets import copy_builtin, document, edit, rule, write


def published(tmp_path: Path, *versions: dict[str, object]) -> Path:
    """A rule-set directory with the given versions, locked as they are."""
    root = tmp_path / "rulesets"
    for data in versions:
        write(root, dict(data))
    lock.lock_path(root).write_text(lock.relock(load_all(root), Lockfile(), "lock").dumps(), "utf-8")
    return root


def refusal(root: Path) -> str:
    with pytest.raises(RulesetLockError) as caught:
        RulesetRegistry.load(root)
    message = str(caught.value)
    assert str(lock.lock_path(root)) in message  # names the file to look at
    return message


def test_builtin_rulesets_match_a_lock_that_is_up_to_date() -> None:
    rulesets = load_all(BUILTIN_RULESETS)
    path = lock.lock_path(BUILTIN_RULESETS)
    assert lock.verify(rulesets, BUILTIN_RULESETS).rulesets["concern-for-a-child"]
    assert lock.relock(rulesets, lock.read_lock(path), str(path)).dumps() == path.read_text("utf-8")


def test_tampering_with_a_copied_published_version_refuses_to_load(tmp_path: Path) -> None:
    root = copy_builtin(tmp_path)
    path = root / "concern-for-a-child" / "1.0.0.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["rules"][0]["severity"] = "low"
    path.write_text(yaml.safe_dump(data), "utf-8")
    message = refusal(root)
    assert "concern-for-a-child@1.0.0" in message
    assert "immutable" in message


def test_reformatting_a_published_file_without_changing_it_is_harmless(tmp_path: Path) -> None:
    root = copy_builtin(tmp_path)
    path = root / "concern-for-a-child" / "1.0.0.yaml"
    path.write_text(yaml.safe_dump(yaml.safe_load(path.read_text("utf-8"))), "utf-8")
    assert RulesetRegistry.load(root).get("concern-for-a-child", "1.0.0")


def test_a_published_version_missing_from_the_lock_refuses_to_load(tmp_path: Path) -> None:
    root = published(tmp_path, document("1.0.0"))
    write(root, document("1.1.0", effective_from="2026-01-01"))
    message = refusal(root)
    assert "concern-for-a-child@1.1.0" in message
    assert "safesteps rules lock" in message


def test_published_versions_without_any_lock_file_refuse_to_load(tmp_path: Path) -> None:
    root = tmp_path / "rulesets"
    write(root, document("1.0.0"))
    assert "not recorded" in refusal(root)


def test_closing_and_retiring_a_published_version_keeps_its_hash(tmp_path: Path) -> None:
    root = published(tmp_path, document("1.0.0"))
    before = RulesetRegistry.load(root).get("concern-for-a-child", "1.0.0").hash
    edit(root / "concern-for-a-child" / "1.0.0.yaml", effective_to="2026-01-01", status="retired")
    after = RulesetRegistry.load(root).get("concern-for-a-child", "1.0.0")
    assert after.hash == before
    assert after.document.effective_to is not None


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"status": "draft"}, "can only move to retired"),
        ({"effective_from": "2024-06-01"}, "cannot move"),
        ({"changelog": "Rewritten history."}, "immutable"),
        ({"title": "Another title"}, "immutable"),
        ({"rules": [rule("CFC-VOICE-OF-CHILD", severity="critical")]}, "immutable"),
    ],
)
def test_changes_other_than_lifecycle_are_refused(
    tmp_path: Path, change: dict[str, object], expected: str
) -> None:
    root = published(tmp_path, document("1.0.0"))
    edit(root / "concern-for-a-child" / "1.0.0.yaml", **change)
    assert expected in refusal(root)


def test_a_retired_version_cannot_be_published_again(tmp_path: Path) -> None:
    root = published(tmp_path, document("1.0.0", status="retired"))
    edit(root / "concern-for-a-child" / "1.0.0.yaml", status="published")
    assert "cannot be published again" in refusal(root)


def test_deleting_a_published_version_refuses_to_load(tmp_path: Path) -> None:
    root = published(tmp_path, document("1.0.0"), document("1.1.0", effective_from="2026-01-01"))
    (root / "concern-for-a-child" / "1.0.0.yaml").unlink()
    assert "concern-for-a-child@1.0.0 is published but its file is missing" in refusal(root)


def test_drafts_change_freely_and_are_not_locked(tmp_path: Path) -> None:
    root = published(tmp_path, document("1.0.0"), document("1.1.0", status="draft"))
    assert lock.read_lock(lock.lock_path(root)).entry("concern-for-a-child", "1.1.0") is None
    edit(root / "concern-for-a-child" / "1.1.0.yaml", rules=[rule("CFC-VOICE-OF-CHILD")])
    registry = RulesetRegistry.load(root)
    assert len(registry.get("concern-for-a-child", "1.1.0").document.rules) == 1


def test_relock_adds_new_publications_and_records_retirement(tmp_path: Path) -> None:
    root = published(tmp_path, document("1.0.0"))
    edit(root / "concern-for-a-child" / "1.0.0.yaml", status="retired")
    write(root, document("1.1.0", effective_from="2026-01-01"))
    rulesets = load_all(root)
    relocked = lock.relock(rulesets, lock.read_lock(lock.lock_path(root)), "lock")
    entries = relocked.rulesets["concern-for-a-child"]
    assert entries["1.0.0"].status == "retired"
    assert entries["1.1.0"].hash == next(r.hash for r in rulesets if r.document.version == "1.1.0")
    assert entries["1.1.0"].effective_from.isoformat() == "2026-01-01"


def test_relock_never_accepts_an_altered_published_version(tmp_path: Path) -> None:
    root = published(tmp_path, document("1.0.0"))
    edit(root / "concern-for-a-child" / "1.0.0.yaml", changelog="Quietly changed.")
    with pytest.raises(RulesetLockError, match="immutable"):
        lock.relock(load_all(root), lock.read_lock(lock.lock_path(root)), "lock")


def test_lock_states_name_each_case(tmp_path: Path) -> None:
    root = published(tmp_path, document("1.0.0"), document("1.1.0", effective_from="2026-01-01"))
    write(root, document("1.2.0", status="draft"))
    write(root, document("2.0.0", effective_from="2027-01-01"))
    edit(root / "concern-for-a-child" / "1.1.0.yaml", changelog="Altered.")
    lockfile = lock.read_lock(lock.lock_path(root))
    states = {r.document.version: lock.state(r, lockfile) for r in load_all(root)}
    assert states == {
        "1.0.0": LockState.locked,
        "1.1.0": LockState.altered,
        "1.2.0": LockState.draft,
        "2.0.0": LockState.unlocked,
    }


def test_a_malformed_lock_file_is_named(tmp_path: Path) -> None:
    root = published(tmp_path, document("1.0.0"))
    lock.lock_path(root).write_text('{"rulesets": {"concern-for-a-child": {"1.0.0": {}}}}', "utf-8")
    assert "rulesets.concern-for-a-child.1.0.0.hash" in refusal(root)


def test_lock_text_is_stable_and_in_semantic_version_order(tmp_path: Path) -> None:
    root = published(
        tmp_path,
        document("1.10.0", effective_from="2027-01-01"),
        document("1.9.0", effective_from="2026-01-01"),
    )
    text = lock.lock_path(root).read_text("utf-8")
    assert text.index('"1.9.0"') < text.index('"1.10.0"')
    assert lock.read_lock(lock.lock_path(root)).dumps() == text


def test_content_hash_covers_content_not_lifecycle() -> None:
    base = RulesetDocument.model_validate(document())
    lifecycle = base.model_copy(
        update={"status": "retired", "effective_to": base.effective_from.replace(year=2030)}
    )
    assert content_hash(lifecycle) == content_hash(base)
    reworded = base.model_copy(update={"changelog": "Different."})
    assert content_hash(reworded) != content_hash(base)
    dated = base.model_copy(update={"effective_from": base.effective_from.replace(year=2020)})
    assert content_hash(dated) == content_hash(base)  # pinned by the lock instead, see above


def test_an_unreadable_lock_file_is_named(tmp_path: Path) -> None:
    root = published(tmp_path, document("1.0.0"))
    lock.lock_path(root).write_bytes(b"\xff\xfe not utf-8")
    assert "cannot read" in refusal(root)


def test_unpin_drops_one_entry_and_refuses_an_unknown_one(tmp_path: Path) -> None:
    root = published(tmp_path, document("1.0.0"), document("1.1.0", effective_from="2026-01-01"))
    current = lock.read_lock(lock.lock_path(root))
    unpinned = lock.unpin(current, "concern-for-a-child", "1.0.0")
    assert list(unpinned.rulesets["concern-for-a-child"]) == ["1.1.0"]
    with pytest.raises(RulesetLockError, match=r"concern-for-a-child@9\.9\.9 is not recorded"):
        lock.unpin(current, "concern-for-a-child", "9.9.9")
    emptied = lock.unpin(unpinned, "concern-for-a-child", "1.1.0")
    assert emptied.rulesets == {}
