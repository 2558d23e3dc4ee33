"""``safesteps rules lock|list|diff``: the rule-set lifecycle from the command line."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from app.commands.console import err, exit_error, out
from app.rules import corpus, lock
from app.rules.compiler import CompiledRuleset
from app.rules.corpus import StepResult
from app.rules.diff import FieldChange, RulesetDiff
from app.rules.engine import RulesetRef
from app.rules.errors import RulesError, RulesetNotFound
from app.rules.model import Severity
from app.rules.registry import RulesetRegistry, load_all, load_file, ruleset_files
from app.services import rulesets as service
from app.settings import get_settings

Root = Annotated[Path | None, typer.Option(help="Rule-set directory (default: the built-in sets).")]
Format = Annotated[str, typer.Option("--format", help="table or json.")]


def _load(root: Path | None) -> tuple[Path, list[CompiledRuleset]]:
    root = root or get_settings().rulesets_dir
    try:
        return root, load_all(root)
    except RulesError as exc:
        raise exit_error(str(exc)) from None


def check_lock(root: Path) -> None:
    """The lock half of ``rules check``: published versions match their recorded hashes."""
    _, rulesets = _load(root)
    try:
        lock.verify(rulesets, root)
    except RulesError as exc:
        raise exit_error(str(exc)) from None
    out.print(f"[green]ok[/]   {lock.lock_path(root)} (published versions match)")


def lock_command(
    root: Root = None,
    check: Annotated[bool, typer.Option("--check", help="Only check that the lock is up to date.")] = False,
    repin: Annotated[
        list[str] | None,
        typer.Option(
            help="RULESET@VERSION whose recorded hash to replace with its current content. Breaks "
            "replay of any decision made with it: only for a version never used in production."
        ),
    ] = None,
) -> None:
    """Record the hash of every published version in published.lock.json (run when publishing)."""
    root, rulesets = _load(root)
    path = lock.lock_path(root)
    try:
        current = lock.read_lock(path)
        pinned = current
        for ref in repin or []:
            ruleset_id, version = _split(ref, None)
            pinned = lock.unpin(pinned, ruleset_id, version)
            err.print(f"[bold yellow]warning:[/] re-pinning published {ref}: review this in the lock diff")
        updated = lock.relock(rulesets, pinned, str(path))
    except RulesError as exc:
        raise exit_error(str(exc)) from None
    before = path.read_text("utf-8") if path.exists() else ""
    if updated.dumps() == before:
        out.print(f"[green]ok[/] {path} is up to date")
        return
    changes = [
        f"{rid}@{version}: {entry.status} {entry.hash[:12]}"
        for rid, versions in updated.rulesets.items()
        for version, entry in versions.items()
        if current.entry(rid, version) != entry
    ]
    if check:
        raise exit_error(f"{path} is out of date ({'; '.join(changes)}): run `safesteps rules lock`")
    path.write_text(updated.dumps(), "utf-8")
    for change in changes:
        out.print(f"[green]locked[/] {change}")
    out.print(f"wrote {path}: commit it with the rule-set files")


def list_command(root: Root = None, fmt: Format = "table") -> None:
    """Every rule set and version with status, effective dates, hash and lock state."""
    root, rulesets = _load(root)
    try:
        lockfile = lock.read_lock(lock.lock_path(root))
    except RulesError as exc:
        raise exit_error(str(exc)) from None
    registry = RulesetRegistry(rulesets)
    today = datetime.now(UTC).date()
    rows = []
    for ruleset_id in registry.ids():
        try:
            in_force = registry.in_force(ruleset_id, today).document.version
        except RulesetNotFound:
            in_force = None
        for r in registry.versions(ruleset_id):
            doc = r.document
            rows.append(
                {
                    "id": doc.id,
                    "version": doc.version,
                    "status": doc.status.value,
                    "effective_from": doc.effective_from.isoformat(),
                    "effective_to": doc.effective_to.isoformat() if doc.effective_to else None,
                    "in_force_today": doc.version == in_force,
                    "rules": len(doc.rules),
                    "hash": r.hash,
                    "lock": lock.state(r, lockfile).value,
                }
            )
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return
    table = Table("rule set", "version", "status", "from", "to", "in force", "rules", "hash", "lock")
    for row in rows:
        table.add_row(
            str(row["id"]),
            str(row["version"]),
            str(row["status"]),
            str(row["effective_from"]),
            str(row["effective_to"] or "—"),
            "[bold green]yes[/]" if row["in_force_today"] else "",
            str(row["rules"]),
            str(row["hash"])[:16],
            _lock_label(str(row["lock"])),
        )
    out.print(table)


def _lock_label(state: str) -> str:
    colour = {"locked": "green", "draft": "dim", "unlocked": "yellow", "altered": "bold red"}[state]
    return f"[{colour}]{state}[/]"


def _split(ref: str, default_id: str | None) -> tuple[str, str]:
    ruleset_id, at, version = ref.rpartition("@")
    if not at:
        if default_id is None:
            raise exit_error(f"{ref!r}: give the first version as RULESET@VERSION")
        return default_id, ref
    return ruleset_id, version


def diff_command(
    base: Annotated[str, typer.Argument(help="RULESET@VERSION, e.g. concern-for-a-child@1.0.0.")],
    target: Annotated[str, typer.Argument(help="RULESET@VERSION, or just VERSION of the same set.")],
    root: Root = None,
    fmt: Format = "table",
) -> None:
    """Rules added, removed and changed between two versions, grouped by step."""
    ruleset_id, from_version = _split(base, None)
    other_id, to_version = _split(target, ruleset_id)
    if other_id != ruleset_id:
        raise exit_error(f"both versions must be of the same rule set ({ruleset_id} vs {other_id})")
    try:
        registry = RulesetRegistry.load(root or get_settings().rulesets_dir)
        diff = service.diff_versions(registry, ruleset_id, from_version, to_version)
    except RulesError as exc:
        raise exit_error(str(exc)) from None
    if fmt == "json":
        sys.stdout.write(diff.model_dump_json(indent=2) + "\n")
    else:
        print_diff(diff)


def print_diff(diff: RulesetDiff) -> None:
    a, b = diff.from_ruleset, diff.to_ruleset
    out.print(f"[bold]{diff.ruleset_id}[/] {a.version} ({a.hash[:12]}) → {b.version} ({b.hash[:12]})")
    s = diff.summary
    out.print(
        f"[green]{s.added} added[/], [red]{s.removed} removed[/], "
        f"[yellow]{s.changed} changed[/], {s.unchanged} unchanged"
    )
    for change in diff.ruleset_changes:
        _print_field(change, indent="  ")
    for step in diff.steps:
        out.print(f"\n[bold]{step.step_id}[/]")
        for ref in step.added:
            hooks = ", ".join(ref.hooks)
            out.print(f"  [green]+ {ref.rule_id}[/] {escape(ref.title)} ({ref.severity}; {hooks})")
        for ref in step.removed:
            out.print(f"  [red]- {ref.rule_id}[/] {escape(ref.title)} ({ref.severity})")
        for rule in step.changed:
            kinds = ", ".join(rule.categories)
            out.print(f"  [yellow]~ {rule.rule_id}[/] {escape(rule.title)} [dim]({kinds})[/]")
            for change in rule.changes:
                _print_field(change, indent="      ")


def _print_field(change: FieldChange, indent: str) -> None:
    if change.added or change.removed:
        out.print(f"{indent}{change.field}:", highlight=False)
        for item in change.removed:
            out.print(f"{indent}  [red]- {escape(_show(item))}[/]", highlight=False)
        for item in change.added:
            out.print(f"{indent}  [green]+ {escape(_show(item))}[/]", highlight=False)
        return
    before, after = escape(_show(change.before)), escape(_show(change.after))
    if len(before) + len(after) < 60:
        out.print(f"{indent}{change.field}: [red]{before}[/] → [green]{after}[/]", highlight=False)
    else:
        out.print(f"{indent}{change.field}:", highlight=False)
        out.print(f"{indent}  [red]- {before}[/]", highlight=False)
        out.print(f"{indent}  [green]+ {after}[/]", highlight=False)


def _show(value: object) -> str:
    if isinstance(value, dict):
        doc, section = value.get("document"), value.get("section")
        if doc and section:
            return f"{doc}, {section}" + ("" if value.get("verified", True) else " (unverified)")
    return "null" if value is None else str(value)


def corpus_command_part(root: Path, *, verbose: bool) -> bool:
    """The corpus half of ``rules test``: each rule set's scenario corpus, scored by every version.

    Returns False (after printing why) when a corpus exists but does not load; a rule-set id without
    a corpus directory is skipped. Broken rule-set files are reported by the cases half, not here.
    """
    by_id: dict[str, list[CompiledRuleset]] = {}
    for path in ruleset_files(root):
        try:
            ruleset = load_file(path)
        except RulesError:
            continue
        by_id.setdefault(ruleset.document.id, []).append(ruleset)
    ok = True
    for ruleset_id, versions in sorted(by_id.items()):
        directory = corpus.corpus_dir(root, ruleset_id)
        if not directory.is_dir():
            continue
        cases, problems = corpus.load(directory)
        for problem in problems:
            err.print(f"[red]ERROR[/] {problem}", highlight=False, soft_wrap=True, markup=False)
        if problems:
            ok = False
            continue
        expected = sum(len(c.case.missed_steps) for c in cases)
        out.print(
            f"\n[bold]corpus {ruleset_id}[/]: {len(cases)} cases from published investigations, "
            f"{expected} steps the sources say were missed ({directory})",
            soft_wrap=True,
        )
        registry = RulesetRegistry(versions)
        for ruleset in registry.versions(ruleset_id):
            report = corpus.run(registry, RulesetRef(ruleset_id, ruleset.document.version), cases)
            print_corpus_report(report)
            if verbose:
                print_corpus_cases(report)
    return ok


def print_corpus_report(report: corpus.CorpusReport) -> None:
    total, missing = len(report.expected), report.count(StepResult.missing)
    basis = ""
    if any(s.basis for s in report.expected):
        basis = (
            f" (recorded {report.count_basis('recorded')}, not recorded {report.count_basis('not_recorded')})"
        )
    targets = "[green]targets met[/]" if report.meets_targets else "[yellow]targets not met[/]"
    out.print(
        f"[bold]{report.ruleset}[/] {targets}\n"
        f"  missing at the last moment  {missing}/{total} ({report.share(StepResult.missing):.1f}%){basis}"
        f"  [dim]target {corpus.MISSING_TARGET:.0f}%[/]\n"
        f"  only unknown                {report.count(StepResult.unknown)}/{total} "
        f"({report.share(StepResult.unknown):.1f}%)\n"
        f"  not flagged                 {report.count(StepResult.not_flagged)}/{total} "
        f"({report.share(StepResult.not_flagged):.1f}%)\n"
        f"  critical steps that blocked {report.blocked}/{len(report.critical)} ({report.blocked_share:.1f}%)"
        f"  [dim]target {corpus.BLOCK_TARGET:.0f}%[/]\n"
        f"  false flags on twins        {report.false_flags(Severity.critical)} critical, "
        f"{report.false_flags(Severity.high)} high  [dim]target 0, 0 (done-well twins)[/]\n"
        f"  stress: minimal twins       {report.minimal_flags(Severity.critical)} critical, "
        f"{report.minimal_flags(Severity.high)} high  [dim]missed steps only; not a target[/]"
        + (
            f"\n  flagged only because of history {len(report.history_only)} steps in "
            f"{len({c for c, _ in report.history_only})} cases: "
            + (", ".join(f"{c} ({s})" for c, s in report.history_only) or "none")
            if report.reads_history
            else ""
        )
        + (
            f"\n  [yellow]evaluation errors[/]           {report.evaluation_errors} "
            "(rules that raised on an input; reported unknown)"
            if report.evaluation_errors
            else ""
        ),
        soft_wrap=True,
        highlight=False,
    )


_SHORT = {"missing": "[red]M[/]", "unknown": "[yellow]?[/]", "not_flagged": "-"}


def print_corpus_cases(report: corpus.CorpusReport) -> None:
    """One row per expected step: its outcome at each moment (M missing, ? unknown, - not flagged)."""
    table = Table()
    moments = "at each moment (M missing, ? unknown, - not flagged)"
    for heading in ("case", "step", moments, "last", "blocked"):
        table.add_column(heading, overflow="fold")
    mark = {True: "[green]yes[/]", False: "[red]no[/]"}
    for case in report.cases:
        for i, step in enumerate(case.steps):
            table.add_row(
                case.case_id if i == 0 else "",
                step.step_id + (" (critical)" if step.critical else ""),
                "  ".join(f"{h} {_SHORT[o]}" for h, o in zip(case.hooks, step.outcomes, strict=True)),
                step.at_last.value + (f" ({step.basis})" if step.basis else ""),
                mark[step.blocked] if step.critical else "-",
            )
        for label, flags in (("twin", case.false_flags), ("minimal twin", case.minimal_flags)):
            for flag in flags:
                hooks = ", ".join(flag.hooks)
                table.add_row("", f"[red]{label}: {flag.rule_id}[/]", hooks, flag.severity.value, "")
    out.print(table)
