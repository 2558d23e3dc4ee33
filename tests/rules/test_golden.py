"""Published versions replay byte for byte: the engine reproduces the frozen golden results.

See ``tests/rules/golden.py`` for what the fixtures hold and how they were made.
"""

from __future__ import annotations

import pytest

from app.rules.canonical import canonical_json
from app.rules.registry import RulesetRegistry
from tests.rules import golden


@pytest.fixture(scope="module")
def registry() -> RulesetRegistry:
    return RulesetRegistry.load()


def _mismatches(registry: RulesetRegistry, version: str, *, live: bool) -> list[str]:
    fixture = golden.load(version)
    ruleset = registry.get(fixture.ruleset_id, fixture.version)
    assert ruleset.hash == fixture.hash, "the published version itself changed"
    # Hooks added to the vocabulary later (missing.close, image.close) are not in the fixture; every
    # hook it covers must still exist, and its results are compared below.
    assert set(fixture.moments) <= set(golden.moments()), "a hook the fixture covers was removed"
    wrong = []
    for item in fixture.inputs:
        for moment, expected in zip(fixture.moments, fixture.results[item.name], strict=True):
            decision = golden.decide_input(registry, ruleset, item, moment, live=live)
            assert decision.engine_version == fixture.engine_version
            if golden.digest(canonical_json(decision.model_dump(mode="json"))) != expected:
                wrong.append(f"{item.name} at {moment or 'all rules'}")
    return wrong


@pytest.mark.parametrize("version", golden.VERSIONS)
@pytest.mark.parametrize("live", [False, True], ids=["stored-facts", "checklist"])
def test_published_versions_reproduce_their_golden_results(
    registry: RulesetRegistry, version: str, live: bool
) -> None:
    wrong = _mismatches(registry, version, live=live)
    assert not wrong, f"{len(wrong)} result(s) of {version} changed, e.g. {wrong[:5]}"


def test_the_fixtures_cover_cases_and_synthetic_checklists_at_every_moment() -> None:
    for version in golden.VERSIONS:
        fixture = golden.load(version)
        names = [i.name for i in fixture.inputs]
        assert sum(n.startswith("case:") for n in names) >= 60
        assert sum(n.startswith("synthetic:") for n in names) == golden.SYNTHETIC_COUNT
        assert len(fixture.moments) >= 20
        assert None in fixture.moments
        # the inputs really differ in what they decide (not one result repeated)
        assert len({d for row in fixture.results.values() for d in row}) > 1000


def test_a_changed_result_is_caught(registry: RulesetRegistry) -> None:
    """The comparison can fail: one rule's outcome flipped changes the digest."""
    fixture = golden.load("1.1.0")
    ruleset = registry.get(fixture.ruleset_id, fixture.version)
    item = fixture.inputs[0]
    decision = golden.decide_input(registry, ruleset, item, None, live=False)
    data = decision.model_dump(mode="json")
    rule_id = next(iter(data["outcomes"]))
    data["outcomes"][rule_id] = "met" if data["outcomes"][rule_id] != "met" else "missing"
    assert golden.digest(canonical_json(data)) != fixture.results[item.name][0]
    assert golden.digest(canonical_json(decision.model_dump(mode="json"))) == fixture.results[item.name][0]
