"""Rule bundles: complete, deterministic, signed; a changed byte fails; the manifest picks the version."""

from __future__ import annotations

import base64
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import pytest
import zen
from cryptography.hazmat.primitives import serialization

from app.rules import vocabulary
from app.rules.bundle import BUNDLE_FORMAT, build_bundle, bundle_bytes
from app.rules.checklist import Checklist
from app.rules.engine import ENGINE_VERSIONS, EvaluationContext, Facts, checklist_facts, evaluate
from app.rules.registry import RulesetRegistry
from app.rules.testing import cases_dir, load_cases
from app.services.bundles import (
    BundleService,
    BundleSignatureInvalid,
    InvalidBundleKey,
    load_private_key,
    new_private_key_text,
    sign,
    verify,
)
from app.settings import Settings
from tests.synthetic_rulesets import compiled, document

KEY = new_private_key_text()


@pytest.fixture(scope="module")
def service(registry: RulesetRegistry) -> BundleService:
    return BundleService(registry, load_private_key(KEY))


# A pepper the production guard accepts (random, at least 96 bits); synthetic, never deployed.
PEPPER = "q7Vf2LxR9mTz4KwBn8YcJd3HsGp6UaEo1NiQvXrZtWlM"
HISTORY_SECRET = "Hs4mW9qTz2LxR7vKn3YcJd8PfGb6UaEo1NiQrXtZwVlB"


def payload(body: bytes) -> Any:
    return orjson.loads(orjson.loads(body)["payload"])


def test_bundle_holds_every_rule_hook_and_the_identity(registry: RulesetRegistry) -> None:
    for ruleset in registry.versions("concern-for-a-child"):
        bundle = build_bundle(ruleset)
        assert bundle["format"] == BUNDLE_FORMAT
        assert bundle["ruleset"]["hash"] == ruleset.hash
        assert bundle["engine_version"] == ENGINE_VERSIONS[ruleset.document.semantics]
        assert [r["id"] for r in bundle["rules"]] == [r.id for r in ruleset.document.rules]
        assert set(bundle["hooks"]) == set(vocabulary.hooks())
        blocking = {h for h, v in bundle["hooks"].items() if v["blocking"]}
        assert blocking == ruleset.blocking_hooks
        for hook, program in ruleset.programs.items():
            shipped = bundle["programs"][hook or vocabulary.ALL_RULES_HOOK]
            assert shipped["rules"] == [r.id for r in program.rules]
        rule = bundle["rules"][0]
        assert rule["references"]
        assert rule["message"]
        assert rule["action"]
        assert bundle["checklist"]["json_schema"]["title"] == "Checklist"
        assert bundle["checklist"]["schema_versions"] == [1, 2, 3]
        assert set(bundle["checklist"]["list_defaults"]) == {"1", "2"}


def test_shipped_programs_give_the_engines_outcome_codes(registry: RulesetRegistry) -> None:
    """Each hook's program, compiled from the bundle's text, computes what the engine computes."""
    ruleset = registry.get("concern-for-a-child", "1.1.0")
    bundle = build_bundle(ruleset)
    problems: list[Any] = []
    checked = 0
    for file in sorted(cases_dir(Path(ruleset.source)).glob("*.yaml")):
        for case in load_cases(file, ruleset, problems):
            checklist = Checklist.model_validate(case.checklist)
            facts = Facts.of(checklist)
            context = EvaluationContext(hook=case.hook, as_of=case.as_of or facts.latest_time)
            program = bundle["programs"][case.hook or vocabulary.ALL_RULES_HOOK]
            data = {**checklist_facts(checklist), "context": context.facts()}
            codes = zen.compile_expression(program["expression"]).evaluate(data)
            outcomes = dict(
                zip(
                    program["rules"],
                    (bundle["outcome_codes"][str(int(c))]["outcome"] for c in codes),
                    strict=True,
                )
            )
            decision = evaluate(ruleset, facts, context)
            language = {r["id"] for r in bundle["rules"] if r["kind"] == "language"}
            assert {k: v for k, v in outcomes.items() if k not in language} == {
                k: v.value for k, v in decision.outcomes.items() if k not in language
            }
            checked += 1
    assert not problems
    assert checked > 50


def test_bundle_bytes_are_deterministic_and_the_etag_stable(registry: RulesetRegistry) -> None:
    ruleset = registry.get("concern-for-a-child", "1.0.0")
    assert bundle_bytes(build_bundle(ruleset)) == bundle_bytes(build_bundle(ruleset))
    first = BundleService(registry, load_private_key(KEY)).bundle("concern-for-a-child", "1.0.0")
    second = BundleService(registry, load_private_key(KEY)).bundle("concern-for-a-child", "1.0.0")
    assert first == second  # Ed25519 is deterministic: same key, same bytes, same ETag


def test_signature_verifies_and_any_changed_byte_fails(service: BundleService) -> None:
    signed = service.bundle("concern-for-a-child", "1.1.0")
    keys = [service.private.public_key()]  # type: ignore[union-attr]
    assert payload(signed.body)["ruleset"]["version"] == "1.1.0"
    assert verify(signed.body, keys) == orjson.loads(signed.body)["payload"].encode()
    envelope = orjson.loads(signed.body)
    text = envelope["payload"]
    for position in (0, len(text) // 2, len(text) - 2):
        changed = text[:position] + ("X" if text[position] != "X" else "Y") + text[position + 1 :]
        with pytest.raises(BundleSignatureInvalid, match="altered"):
            verify(orjson.dumps({**envelope, "payload": changed}), keys)
    # A severity lowered in place: still valid JSON, still a bundle, refused.
    lowered = text.replace('"severity":"critical"', '"severity":"low"', 1)
    assert lowered != text
    with pytest.raises(BundleSignatureInvalid):
        verify(orjson.dumps({**envelope, "payload": lowered}), keys)
    signature = bytearray(base64.b64decode(envelope["signature"]))
    signature[0] ^= 1
    with pytest.raises(BundleSignatureInvalid):
        verify(orjson.dumps({**envelope, "signature": base64.b64encode(signature).decode()}), keys)


def test_a_bundle_signed_with_another_key_is_refused(service: BundleService) -> None:
    other = load_private_key(new_private_key_text())
    forged = sign(other, bundle_bytes({"format": BUNDLE_FORMAT}))
    with pytest.raises(BundleSignatureInvalid, match="not a trusted key"):
        verify(forged, [service.private.public_key()])  # type: ignore[union-attr]
    with pytest.raises(BundleSignatureInvalid, match="not a signed document"):
        verify(b"[1, 2]", [other.public_key()])


def in_force(manifest: Mapping[str, Any], day: date) -> str | None:
    """What a device offline picks from a manifest for ``day`` (``clients/offline-js`` does it for
    real): the latest listed version whose dates cover it, ``RulesetRegistry.in_force``'s rule."""
    found = None
    for entry in manifest["versions"]:
        start = date.fromisoformat(entry["effective_from"])
        end = date.fromisoformat(entry["effective_to"]) if entry["effective_to"] else None
        if start <= day and (end is None or day < end):
            found = entry["version"]  # versions are listed in ascending order
    return found


def test_manifest_picks_the_version_in_force_on_a_past_date(
    registry: RulesetRegistry, service: BundleService
) -> None:
    manifest = payload(service.manifest("concern-for-a-child").body)
    versions = registry.versions("concern-for-a-child")
    assert [v["version"] for v in manifest["versions"]] == [
        r.document.version for r in versions if r.document.status.value == "published"
    ]
    for entry in manifest["versions"]:
        digest = entry["bundle_sha256"]
        assert service.bundle("concern-for-a-child", entry["version"]).etag == f'"{digest}"'
    assert in_force(manifest, date(2025, 3, 1)) == "1.0.0"
    assert in_force(manifest, date(2026, 6, 30)) == "1.0.0"
    assert in_force(manifest, date(2026, 7, 1)) == "1.1.0"
    assert in_force(manifest, date(2024, 12, 31)) is None
    for day in (date(2025, 1, 1), date(2026, 6, 30), date(2026, 7, 1), date(2030, 1, 1)):
        assert in_force(manifest, day) == registry.in_force("concern-for-a-child", day).document.version


def test_manifest_lists_only_published_versions() -> None:
    """A draft is in no manifest (a device never picks it), though its bundle can be fetched to test."""
    registry = RulesetRegistry(
        [
            compiled(document("1.0.0")),
            compiled(document("1.1.0", status="draft", effective_from="2026-01-01")),
        ]
    )
    service = BundleService(registry, load_private_key(KEY))
    manifest = payload(service.manifest("concern-for-a-child").body)
    assert [v["version"] for v in manifest["versions"]] == ["1.0.0"]
    assert in_force(manifest, date(2026, 6, 1)) == "1.0.0"
    assert payload(service.bundle("concern-for-a-child", "1.1.0").body)["ruleset"]["status"] == "draft"


def test_signing_keys_from_settings() -> None:
    seed = new_private_key_text()
    pem = load_private_key(seed).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    assert load_private_key(pem.decode()).public_key() == load_private_key(seed).public_key()
    with pytest.raises(InvalidBundleKey):
        load_private_key("not a key")
    registry = RulesetRegistry.load()
    production = Settings(environment="production", key_pepper=PEPPER, history_secret=HISTORY_SECRET)
    assert BundleService.from_settings(registry, production).private is None
    configured = Settings(
        environment="production", key_pepper=PEPPER, history_secret=HISTORY_SECRET, bundle_signing_key=seed
    )
    service = BundleService.from_settings(registry, configured)
    assert service.public_keys()[0]["current"] is True
