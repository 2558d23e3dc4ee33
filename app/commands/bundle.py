"""``safesteps bundle build|verify|keygen`` and ``safesteps conformance export``: signed rule bundles
for offline evaluation and the kit that proves an evaluator agrees with the server (issue 16)."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer

from app.commands.console import exit_error, out
from app.rules.compiler import CompiledRuleset
from app.rules.conformance import KIT_FORMAT, corpus_inputs, kit_cases, ruleset_test_inputs
from app.rules.errors import RulesError
from app.rules.registry import RulesetRegistry
from app.services.bundles import (
    BundleService,
    BundleSignatureInvalid,
    BundleSigningUnavailable,
    InvalidBundleKey,
    load_private_key,
    load_public_key,
    new_private_key_text,
    public_key_text,
    trusted_keys,
    verify,
)
from app.settings import get_settings

bundle_app = typer.Typer(help="Signed rule bundles for offline evaluation.", no_args_is_help=True)
conformance_app = typer.Typer(help="The conformance kit for bundle evaluators.", no_args_is_help=True)

Root = Annotated[Path | None, typer.Option(help="Rule-set directory (default: the configured one).")]


def _service(root: Path | None) -> tuple[Path, BundleService]:
    settings = get_settings()
    root = root or settings.rulesets_dir
    try:
        registry = RulesetRegistry.load(root)
        service = BundleService.from_settings(registry, settings)
    except (RulesError, InvalidBundleKey) as exc:
        raise exit_error(str(exc)) from None
    return root, service


def _size(body: bytes) -> str:
    return f"{len(body):,} bytes ({len(gzip.compress(body, 9)):,} gzipped)"


@bundle_app.command("build")
def build_command(
    ruleset_id: Annotated[str, typer.Argument(help="Rule set id, e.g. concern-for-a-child.")],
    version: Annotated[str, typer.Argument(help="Version, e.g. 1.1.0.")],
    output: Annotated[Path, typer.Option("--out", "-o", help="File to write the signed bundle to.")],
    root: Root = None,
) -> None:
    """Build and sign one version's bundle (the key: SAFESTEPS_BUNDLE_SIGNING_KEY)."""
    if get_settings().bundle_signing_key is None:
        raise exit_error("set SAFESTEPS_BUNDLE_SIGNING_KEY (`safesteps bundle keygen` makes one)")
    _, service = _service(root)
    try:
        signed = service.bundle(ruleset_id, version)
    except (RulesError, BundleSigningUnavailable) as exc:
        raise exit_error(str(exc)) from None
    output.write_bytes(signed.body)
    out.print(f"{output}: {ruleset_id}@{version}, {_size(signed.body)}, ETag {signed.etag}", highlight=False)


@bundle_app.command("verify")
def verify_command(
    file: Annotated[Path, typer.Argument(help="A signed bundle or manifest.")],
    public_key: Annotated[
        list[str] | None, typer.Option("--public-key", help="Trusted base64 public key (repeatable).")
    ] = None,
    keys_file: Annotated[
        Path | None, typer.Option("--keys", help="A /v1/bundle-keys answer or a kit's keys.json.")
    ] = None,
) -> None:
    """Check a signed document's signature against trusted public keys."""
    try:
        keys = [load_public_key(k) for k in public_key or []]
        if keys_file is not None:
            keys += trusted_keys(orjson.loads(keys_file.read_bytes())["keys"])
        if not keys:
            raise exit_error("give --public-key or --keys: a signature means nothing without a trusted key")
        payload = orjson.loads(verify(file.read_bytes(), keys))
    except (OSError, InvalidBundleKey, BundleSignatureInvalid, orjson.JSONDecodeError, KeyError) as exc:
        raise exit_error(f"{file}: {exc}") from None
    what = payload.get("ruleset", {}).get("version") or "manifest"
    out.print(f"[green]ok[/]   {file}: {payload.get('format')} ({what}), signature verifies", highlight=False)


@bundle_app.command("keygen")
def keygen_command() -> None:
    """Print a new signing key for SAFESTEPS_BUNDLE_SIGNING_KEY and its public key."""
    private = new_private_key_text()
    out.print(f"SAFESTEPS_BUNDLE_SIGNING_KEY={private}", highlight=False)
    out.print(f"# public key: {public_key_text(load_private_key(private).public_key())}", highlight=False)


def export_kit(
    service: BundleService, root: Path, directory: Path, rulesets: list[CompiledRuleset]
) -> dict[str, Any]:
    """Write the kit for ``rulesets`` into ``directory``; returns its index."""
    directory.mkdir(parents=True, exist_ok=True)
    index: dict[str, Any] = {
        "format": KIT_FORMAT,
        "keys": "keys.json",
        "rulesets": [],
    }
    (directory / "keys.json").write_bytes(
        orjson.dumps({"keys": service.public_keys()}, option=orjson.OPT_INDENT_2)
    )
    (directory / "README.md").write_text(KIT_README, "utf-8")
    for ruleset_id in sorted({r.document.id for r in rulesets}):
        (directory / ruleset_id).mkdir(parents=True, exist_ok=True)
        (directory / ruleset_id / "manifest.json").write_bytes(service.manifest(ruleset_id).body)
    for ruleset in rulesets:
        doc = ruleset.document
        here = directory / doc.id / doc.version
        here.mkdir(parents=True, exist_ok=True)
        inputs, problems = ruleset_test_inputs(ruleset, root)
        scenarios, more = corpus_inputs(ruleset, root)
        inputs += scenarios
        problems += more
        if problems:
            raise ValueError("; ".join(str(p) for p in problems))
        cases = list(kit_cases(ruleset, inputs))
        (here / "bundle.json").write_bytes(service.bundle(doc.id, doc.version).body)
        (here / "cases.json").write_bytes(orjson.dumps({"cases": cases}, option=orjson.OPT_INDENT_2))
        index["rulesets"].append(
            {
                "id": doc.id,
                "version": doc.version,
                "hash": ruleset.hash,
                "status": doc.status.value,
                "bundle": f"{doc.id}/{doc.version}/bundle.json",
                "cases": f"{doc.id}/{doc.version}/cases.json",
                "case_count": len(cases),
                "sources": sorted({c["source"] for c in cases}),
            }
        )
    (directory / "index.json").write_bytes(orjson.dumps(index, option=orjson.OPT_INDENT_2))
    return index


@conformance_app.command("export")
def export_command(
    directory: Annotated[Path, typer.Argument(help="Directory to write the kit into.")],
    ruleset: Annotated[
        list[str] | None,
        typer.Option(help="ID or ID@VERSION to export (repeatable; default: every version)."),
    ] = None,
    root: Root = None,
) -> None:
    """Write the conformance kit: every rule-set test and corpus case as JSON input and expected
    output, with each version's signed bundle, the public keys and a README."""
    root, service = _service(root)
    registry = service.registry
    chosen: list[CompiledRuleset] = []
    try:
        for selector in ruleset or registry.ids():
            ruleset_id, _, version = selector.partition("@")
            chosen += [registry.get(ruleset_id, version)] if version else registry.versions(ruleset_id)
        index = export_kit(service, root, directory, chosen)
    except (RulesError, BundleSigningUnavailable, ValueError, OSError) as exc:
        raise exit_error(str(exc)) from None
    for entry in index["rulesets"]:
        out.print(
            f"{directory / entry['cases']}: {entry['id']}@{entry['version']}, {entry['case_count']} cases",
            highlight=False,
        )


KIT_README = """\
# SafeSteps conformance kit

Proves that an evaluator of SafeSteps rule bundles (an MDT's offline evaluator, in any language)
reaches the server's decision. Generated by `safesteps conformance export DIR`; the reference
evaluator (`clients/offline-js`, Node.js) and the server's own engine pass every case.

## Files

- `index.json`: the kit's format and, per rule-set version, its content hash, status, bundle and
  cases (the bundle names the server engine's version).
- `keys.json`: the Ed25519 public keys the bundles are signed with (as `GET /v1/bundle-keys`).
- `<ruleset>/manifest.json`: the signed manifest (`GET /v1/bundles/<ruleset>`): which published
  version is in force on which dates.
- `<ruleset>/<version>/bundle.json`: the signed bundle, byte for byte as
  `GET /v1/bundles/<ruleset>/<version>` serves it. Verify it first (below).
- `<ruleset>/<version>/cases.json`: `{"cases": [...]}`, each case one evaluation.

## A case

| field | meaning |
|---|---|
| `id` | unique in the file: `ruleset-tests/<file>/<name>` or `corpus/<case>/[twin/]<n>-<hook>` |
| `source`, `file` | where it comes from: the rule-set tests or the scenario corpus |
| `hook` | the workflow moment evaluated (`null`: every rule, as `audit.replay`) |
| `as_of` | the time the rules were evaluated at (RFC 3339), already resolved |
| `context` | the object the engine adds to the facts as `context` (`hook`, `as_of`), verbatim |
| `checklist` | the checklist in its canonical form: every default filled, as the server stores it |
| `expected` | the server's decision (below) |
| `asserted` | rule-set tests only: the outcomes the test's author wrote down |

`expected` holds `outcomes` (rule id -> `met` / `missing` / `unknown` / `not_applicable`, for every
rule evaluated at the hook), `blocking`, `score` (these three are normative: an evaluator conforms
when it reproduces them on every case), and to help find a difference `completeness`, `counts`
(per severity) and `findings` (rule id, outcome, message, evaluation error, details, in order).

## How to evaluate a case with a bundle

1. Verify the bundle: parse the envelope, look up `key_id` among trusted keys, check the Ed25519
   `signature` over the UTF-8 bytes of `payload`, and only then parse `payload` as JSON.
2. Facts: the case's `checklist` with `context` added as a top-level field.
3. Program: `programs[hook]` (or `programs[all_rules_hook]` when `hook` is null): evaluate its
   `expression` (a ZEN expression) over the facts. It yields one outcome code per rule in `rules`,
   mapped by `outcome_codes`. If the joined expression raises, evaluate each rule's own
   `expression` alone; a rule that raises is `unknown` with `evaluation_error: true`.
4. Language rules (`kind: language`): code `unknown` means "applies: scan the free text". Scan every
   non-empty free-text field (`language.free_text_paths`) not in the rule's `exclude_fields`, with
   the rule's `regex` (Python syntax; named group `tN` is term N of `terms`), skipping negated uses
   of `negatable` terms (`language.*`: a negator among the `negation_words` words before the term
   in the same clause, or a `non-` prefix, unless followed by a word of `not_negating_next`).
   Uses found: `missing` with one detail per use (at most `max_details_per_rule`); free text
   scanned with none: `met`; no free text: `not_applicable`.
5. Score: severity-weighted (`scoring.severity_weight`) share of applicable rules with a known
   outcome that are `met`, rounded to one decimal, `null` when none is known. Blocking: the hook is
   `blocking` and a critical rule is `missing` or `unknown`.

A checklist as a client wrote it (not in canonical form) must first get the schema's defaults:
before schema 3, absent lists (`checklist.list_defaults`) are `[]`.
"""
