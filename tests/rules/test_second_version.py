"""concern-for-a-child 1.1.0: what changed from 1.0.0, when it is in force, and its lock."""

from __future__ import annotations

from datetime import date

from app.rules.diff import ChangeCategory, diff_rulesets
from app.rules.lock import LockState, state
from app.rules.registry import RulesetRegistry

VOICE = "CFC-VOICE-OF-CHILD"
VOICE_PP = "CFC-VOICE-OF-CHILD.police-protection"


def test_1_1_0_takes_over_from_1_0_0_on_1_july_2026(registry: RulesetRegistry) -> None:
    assert registry.in_force("concern-for-a-child", date(2026, 6, 30)).document.version == "1.0.0"
    assert registry.in_force("concern-for-a-child", date(2026, 7, 1)).document.version == "1.1.0"
    old = registry.get("concern-for-a-child", "1.0.0")
    assert old.document.effective_to == date(2026, 7, 1)
    assert registry.lockfile is not None
    assert state(old, registry.lockfile) is LockState.locked  # closing 1.0.0 kept its hash


def test_the_diff_shows_the_split_and_the_raised_severity(registry: RulesetRegistry) -> None:
    diff = diff_rulesets(
        registry.get("concern-for-a-child", "1.0.0"), registry.get("concern-for-a-child", "1.1.0")
    )
    assert (diff.summary.added, diff.summary.removed, diff.summary.changed) == (1, 0, 2)
    steps = {s.step_id: s for s in diff.steps}
    assert set(steps) == {VOICE, "PP-INFORM-CHILD-WISHES"}
    assert [r.rule_id for r in steps[VOICE].added] == [VOICE_PP]
    assert steps[VOICE].added[0].severity == "critical"
    voice = diff.rule_change(VOICE)
    assert voice is not None
    assert voice.categories == (ChangeCategory.conditions,)
    assert "police_protection.used != true" in str(voice.changes[0].after)
    wishes = diff.rule_change("PP-INFORM-CHILD-WISHES")
    assert wishes is not None
    severity = next(c for c in wishes.changes if c.field == "severity")
    assert (severity.before, severity.after) == ("high", "critical")
