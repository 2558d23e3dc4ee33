"""Rule-set catalogue: listing versions and the rules that apply at each hook."""

from __future__ import annotations

from app.rules import vocabulary
from app.rules.compiler import CompiledRuleset
from app.rules.diff import RulesetDiff, diff_rulesets
from app.rules.engine import RulesetRef, resolve
from app.rules.registry import RulesetRegistry
from app.schemas.evaluate import (
    HookCatalogue,
    HookInfo,
    HookRule,
    RulesetSummary,
    RulesetVersionDetail,
    RulesetVersionSummary,
)


def version_summary(ruleset: CompiledRuleset) -> RulesetVersionSummary:
    doc = ruleset.document
    return RulesetVersionSummary(
        version=doc.version,
        status=doc.status,
        effective_from=doc.effective_from,
        effective_to=doc.effective_to,
        changelog=doc.changelog,
        hash=ruleset.hash,
        rule_count=len(doc.rules),
    )


def list_rulesets(registry: RulesetRegistry) -> list[RulesetSummary]:
    return [
        RulesetSummary(
            id=ruleset_id,
            title=versions[-1].document.title,
            versions=[version_summary(v) for v in versions],
        )
        for ruleset_id in registry.ids()
        for versions in [registry.versions(ruleset_id)]
    ]


def version_detail(ruleset: CompiledRuleset) -> RulesetVersionDetail:
    doc = ruleset.document
    return RulesetVersionDetail(
        **version_summary(ruleset).model_dump(),
        id=doc.id,
        title=doc.title,
        checklist_schema_version=doc.checklist_schema_version,
        rules=list(doc.rules),
    )


def hook_catalogue(registry: RulesetRegistry, ref: RulesetRef) -> HookCatalogue:
    """The hooks and the rules of ``ref`` that apply at each (no version: the latest published)."""
    ruleset = resolve(registry, ref, None)
    hooks = [
        HookInfo(
            id=hook.id,
            description=hook.description,
            blocking=hook.blocking,
            rules=[
                HookRule(
                    rule_id=r.id,
                    step_id=r.step,
                    severity=r.severity,
                    title=r.title,
                    references=r.references,
                )
                for r in ruleset.program(hook.id).rules
            ],
        )
        for hook in vocabulary.hooks().values()
    ]
    return HookCatalogue(ruleset=ruleset.key, hooks=hooks)


def diff_versions(
    registry: RulesetRegistry, ruleset_id: str, from_version: str, to_version: str
) -> RulesetDiff:
    """Rules added, removed and changed from one version to another (both must exist)."""
    return diff_rulesets(registry.get(ruleset_id, from_version), registry.get(ruleset_id, to_version))
