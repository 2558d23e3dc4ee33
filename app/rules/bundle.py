"""Rule bundles: one compiled rule-set version as a self-contained document an offline device runs.

A bundle holds everything an evaluator needs to reach the server's decision without the server:
each hook's ZEN program exactly as the compiler builds it (one list expression, one outcome code per
rule, in the order given), each rule's own expression (to isolate a rule that fails at run time),
the hooks and whether they block, every rule's texts and citations, the language rules' terms and
the matching constants, the checklist JSON Schema and where free text can be, the scoring weights,
the engine version and the rule set's content hash. Whatever the compiled rule set holds beyond
that (calendars, due moments) is carried generically from its document.

This module only builds the document and its canonical bytes (pure); signing is a service
(``app/services/bundles.py``): the key is a setting. ``clients/offline-js`` is the reference
evaluator and ``docs/bundles.md`` the format's description.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, get_args

from app.rules import language, vocabulary
from app.rules.canonical import canonical_json
from app.rules.checklist import Checklist
from app.rules.compiler import (
    MET,
    MISSING,
    NOT_APPLICABLE,
    NOT_RECORDED,
    UNKNOWN,
    CompiledRuleset,
    program_source,
    rule_expression,
)
from app.rules.decision import INDICATOR
from app.rules.engine import ENGINE_VERSIONS, LISTS_NULLABLE_FROM
from app.rules.model import LIFECYCLE_FIELDS, SEVERITY_WEIGHT, AnyRule, LanguageRule, Severity, Status
from app.rules.registry import RulesetRegistry
from app.rules.shape import FreeTextPaths, VersionTree, fill_tree, free_text_paths

BUNDLE_FORMAT = "safesteps-rule-bundle/1"
MANIFEST_FORMAT = "safesteps-bundle-manifest/1"
# Of a rule as written: notes are for rule authors, and the conditions are inside its ``expression``.
_NOT_CARRIED = frozenset({"notes", "severity_reason", "applies_if", "met_if", "missing_if"})
# ``document`` carries, generically, every top-level field of a rule-set document that is neither a
# rule nor lifecycle metadata nor already in ``ruleset`` (semantics, blocking hooks, times, calendars).
_IDENTITY_FIELDS = frozenset({"id", "version", "title", "changelog", "checklist_schema_version", "rules"})


def build_bundle(ruleset: CompiledRuleset) -> dict[str, Any]:
    """The bundle document of one compiled rule-set version (JSON-shaped; see the module doc)."""
    doc = ruleset.document
    semantics = doc.semantics
    hooks = vocabulary.hooks()
    programs: dict[str, Any] = {}
    for hook, program in ruleset.programs.items():
        programs[hook or vocabulary.ALL_RULES_HOOK] = {
            "rules": [rule.id for rule in program.rules],
            "expression": program_source(program.rules),
        }
    dumped = doc.model_dump(mode="json")
    return {
        "format": BUNDLE_FORMAT,
        "engine_version": ENGINE_VERSIONS[semantics],
        "ruleset": {
            "id": doc.id,
            "version": doc.version,
            "hash": ruleset.hash,
            "title": doc.title,
            "changelog": doc.changelog,
            "status": doc.status.value,
            "effective_from": doc.effective_from.isoformat(),
            "effective_to": doc.effective_to.isoformat() if doc.effective_to else None,
            "checklist_schema_version": doc.checklist_schema_version,
        },
        "document": {k: v for k, v in dumped.items() if k not in _IDENTITY_FIELDS | LIFECYCLE_FIELDS},
        "outcome_codes": _outcome_codes(semantics),
        "all_rules_hook": vocabulary.ALL_RULES_HOOK,
        "hooks": {
            hook.id: {"description": hook.description, "blocking": hook.id in ruleset.blocking_hooks}
            for hook in hooks.values()
        },
        "programs": programs,
        "rules": [
            _rule(ruleset, rule, entry) for rule, entry in zip(doc.rules, dumped["rules"], strict=True)
        ],
        "scoring": {
            "severity_order": [s.value for s in Severity],
            "severity_weight": {s.value: SEVERITY_WEIGHT[s] for s in Severity},
            "indicator": {s.value: INDICATOR[s].value for s in Severity},
        },
        "language": {
            "negators": sorted(language.NEGATORS),
            "not_negating_next": sorted(language.NOT_NEGATING_NEXT),
            "negation_window": language.NEGATION_WINDOW,
            "negation_words": language.NEGATION_WORDS,
            "clause_end": language._CLAUSE_END.pattern,
            "word": language._WORD.pattern,
            "max_details_per_rule": language.MAX_DETAILS_PER_RULE,
            "free_text_paths": _free_text_tree(free_text_paths()),
        },
        "checklist": {
            "schema_versions": list(_schema_versions()),
            "json_schema": Checklist.model_json_schema(),
            "list_defaults": {
                str(v): _version_tree(fill_tree(v)) for v in _schema_versions() if v < LISTS_NULLABLE_FROM
            },
        },
    }


def _outcome_codes(semantics: int) -> dict[str, dict[str, str]]:
    """Outcome code -> outcome (and, under semantics 2, the basis of a ``missing``)."""
    codes = {
        str(NOT_APPLICABLE): {"outcome": "not_applicable"},
        str(UNKNOWN): {"outcome": "unknown"},
        str(MISSING): {"outcome": "missing"},
        str(MET): {"outcome": "met"},
    }
    if semantics >= 2:
        codes[str(MISSING)]["basis"] = "recorded"
        codes[str(NOT_RECORDED)] = {"outcome": "missing", "basis": "not_recorded"}
    return codes


def _version_tree(tree: VersionTree) -> dict[str, Any]:
    """Where a checklist of a schema version before 3 reads absent or null lists as ``[]``: what
    the server's model fills in for such a checklist as a client wrote it, and how a rule set
    written for that schema reads a newer checklist's unrecorded (null) lists."""
    return {
        "fields": [name for name, _, _ in tree.fields],
        "children": [
            {"name": name, "list": is_list, "below": _version_tree(below)}
            for name, is_list, below in tree.children
        ],
    }


def bundle_bytes(bundle: Mapping[str, Any]) -> bytes:
    """The canonical bytes a bundle is signed and served as."""
    return canonical_json(bundle)


def _rule(ruleset: CompiledRuleset, rule: AnyRule, dumped: dict[str, Any]) -> dict[str, Any]:
    """A rule's texts, citations and conditions as written, with its own compiled expression; a
    language rule also carries its terms as the one regular expression the server compiles
    (Python syntax; group ``tN`` is term N)."""
    entry = {
        **{k: v for k, v in dumped.items() if k not in _NOT_CARRIED},
        "verified": rule.verified,
        "expression": rule_expression(rule),
    }
    if isinstance(rule, LanguageRule) and ruleset.language is not None:
        matcher = ruleset.language.rules[rule.id]
        entry["regex"] = {"pattern": matcher.regex.pattern, "flags": "i", "dialect": "python"}
        entry["term_groups"] = list(matcher.terms)
        entry["terms"] = [{k: v for k, v in t.items() if k != "notes"} for t in dumped["terms"]]
    return entry


def _free_text_tree(paths: FreeTextPaths) -> dict[str, Any]:
    return {
        "fields": list(paths.fields),
        "children": [
            {"name": name, "list": is_list, "below": _free_text_tree(below)}
            for name, is_list, below in paths.children
        ],
    }


def _schema_versions() -> Iterable[int]:
    return sorted(int(v) for v in get_args(Checklist.model_fields["schema_version"].annotation))


def build_manifest(registry: RulesetRegistry, ruleset_id: str, bundles: Mapping[str, str]) -> dict[str, Any]:
    """Which version is in force on which date: every published version with its dates, hash and
    the SHA-256 of its signed bundle (``bundles``: version -> digest). An evaluator offline for
    days picks the version in force at its ``as_of`` from it by the server's rule
    (``RulesetRegistry.in_force``; ``clients/offline-js`` does)."""
    versions = []
    for ruleset in registry.versions(ruleset_id):
        doc = ruleset.document
        if doc.status is not Status.published:
            continue
        versions.append(
            {
                "version": doc.version,
                "hash": ruleset.hash,
                "effective_from": doc.effective_from.isoformat(),
                "effective_to": doc.effective_to.isoformat() if doc.effective_to else None,
                "bundle_sha256": bundles[doc.version],
            }
        )
    return {"format": MANIFEST_FORMAT, "ruleset_id": ruleset_id, "versions": versions}
