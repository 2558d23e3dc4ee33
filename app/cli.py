"""The ``safesteps`` command: a thin layer over the same services the API uses."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.table import Table

from app import __version__
from app.commands import calendar as calendar_commands
from app.commands import replay as replay_commands
from app.commands import rules as rules_commands
from app.commands.aggregates import aggregates_command
from app.commands.audit import audit_app
from app.commands.bundle import bundle_app, conformance_app
from app.commands.console import err, exit_error, out, validation_summary
from app.commands.migrate import migrate_command
from app.commands.security import keys_app, retention_app
from app.commands.serve import serve_command
from app.rules.decision import Decision
from app.rules.engine import ENGINE_VERSION, RulesetRef
from app.rules.errors import RulesError, RulesetCheckError
from app.rules.registry import RulesetRegistry, load_file, ruleset_files
from app.rules.testing import Covered, Report
from app.rules.testing import run as run_rule_tests
from app.schemas.evaluate import DEFAULT_RULESET, EvaluateRequest
from app.services.evaluation import evaluate_checklist
from app.services.rulesets import hook_catalogue
from app.settings import get_settings

app = typer.Typer(help="SafeSteps safeguarding-checklist decision support.", no_args_is_help=True)
BLOCKING_EXIT = 3  # `evaluate --exit-code`: 1 is an error, 2 a usage error
rules_app = typer.Typer(help="Rule-set files: check, test, list, diff.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")
app.add_typer(keys_app, name="keys")
app.add_typer(retention_app, name="retention")
app.add_typer(bundle_app, name="bundle")
app.add_typer(conformance_app, name="conformance")
rules_app.command("lock")(rules_commands.lock_command)
rules_app.command("list")(rules_commands.list_command)
rules_app.command("diff")(rules_commands.diff_command)
rules_app.command("calendar")(calendar_commands.calendar_command)
app.add_typer(audit_app, name="audit")
audit_app.command("aggregates")(aggregates_command)
app.command("replay")(replay_commands.replay_command)
app.command("replay-worker")(replay_commands.worker_command)
demo_app = typer.Typer(help="Synthetic data for demos and measurement.", no_args_is_help=True)
app.add_typer(demo_app, name="demo")
demo_app.command("seed")(replay_commands.seed_command)
app.command("migrate")(migrate_command)
app.command("serve")(serve_command)


def _print_version(wanted: bool) -> None:
    if wanted:
        out.print(f"safesteps {__version__} ({ENGINE_VERSION})", highlight=False, soft_wrap=True)
        raise typer.Exit()


@app.callback()
def options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """SafeSteps safeguarding-checklist decision support."""


@app.command("evaluate")
def evaluate_command(
    file: Annotated[Path, typer.Argument(help="Checklist JSON, or an evaluate request body.")],
    hook: Annotated[str | None, typer.Option(help="Workflow moment, e.g. scene.depart.")] = None,
    as_of: Annotated[datetime | None, typer.Option(help="Time for timing rules (ISO 8601).")] = None,
    ruleset: Annotated[str, typer.Option(help="Rule set id, optionally @version.")] = DEFAULT_RULESET,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    exit_code: Annotated[
        bool,
        typer.Option(
            "--exit-code", help=f"Exit with {BLOCKING_EXIT} when the result is BLOCKING (for scripts and CI)."
        ),
    ] = False,
) -> None:
    """Evaluate a checklist file and print the findings."""
    if fmt not in ("table", "json"):
        raise exit_error("--format must be table or json")
    try:
        data = json.loads(file.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise exit_error(f"cannot read {file}: {exc}") from None
    ruleset_id, _, version = ruleset.partition("@")
    body = data if isinstance(data, dict) and "checklist" in data else {"checklist": data}
    body = {
        **body,
        "hook": hook or body.get("hook"),
        "ruleset": {"id": ruleset_id, "version": version or None},
    }
    if as_of is not None:
        body["as_of"] = as_of.isoformat()
    try:
        request = EvaluateRequest.model_validate(body)
        registry = RulesetRegistry.load(get_settings().rulesets_dir)
        decision, _ = evaluate_checklist(
            registry,
            request.checklist,
            hook=request.hook,
            as_of=request.as_of,
            selector=request.ruleset,
        )
    except ValidationError as exc:
        raise exit_error(f"{file} is not a valid request: {validation_summary(exc)}") from None
    except RulesError as exc:
        raise exit_error(str(exc)) from None
    if fmt == "json":
        sys.stdout.write(decision.model_dump_json(indent=2) + "\n")
    else:
        print_decision(decision)
    if exit_code and decision.blocking:
        raise typer.Exit(BLOCKING_EXIT)


@app.command("hooks")
def hooks_command(
    ruleset: Annotated[str, typer.Option(help="Rule set id, optionally @version.")] = DEFAULT_RULESET,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """The workflow moments a client calls at, and the rules evaluated at each."""
    if fmt not in ("table", "json"):
        raise exit_error("--format must be table or json")
    ruleset_id, _, version = ruleset.partition("@")
    try:
        catalogue = hook_catalogue(
            RulesetRegistry.load(get_settings().rulesets_dir), RulesetRef(ruleset_id, version or None)
        )
    except RulesError as exc:
        raise exit_error(str(exc)) from None
    if fmt == "json":
        sys.stdout.write(catalogue.model_dump_json(indent=2) + "\n")
        return
    table = Table("hook", "blocking", "rules", "when", title=f"hooks of {catalogue.ruleset}")
    for hook in catalogue.hooks:
        table.add_row(hook.id, "yes" if hook.blocking else "", str(len(hook.rules)), hook.description)
    out.print(table)


def print_decision(decision: Decision) -> None:
    rs = decision.ruleset
    out.print(f"[bold]{rs.id}@{rs.version}[/] ({rs.hash[:12]}) hook={decision.hook or 'all rules'}")
    score = "n/a" if decision.score is None else f"{decision.score:.1f}"
    done = "n/a" if decision.completeness is None else f"{decision.completeness:.1f}%"
    flag = "[bold red]BLOCKING[/]" if decision.blocking else "not blocking"
    out.print(f"score {score}  completeness {done}  {flag}")
    based = any(f.basis for f in decision.findings)  # a rule set with due moments (semantics 2)
    table = Table("severity", "outcome", *(("basis",) if based else ()), "step", "message", "action")
    for f in decision.findings:
        basis = (f.basis.value if f.basis else "-",) if based else ()
        table.add_row(f.severity.value, f.outcome.value, *basis, f.step_id, f.message, f.action)
    out.print(table if decision.findings else "[green]No missing or unrecorded steps.[/]")


@rules_app.command("check")
def rules_check(
    root: Annotated[Path | None, typer.Option(help="Rule-set directory.")] = None,
) -> None:
    """Load, validate and compile every rule-set file; exit non-zero on any error."""
    root = root or get_settings().rulesets_dir
    problems = 0
    files = list(ruleset_files(root))
    for path in files:
        try:
            ruleset = load_file(path)
        except RulesetCheckError as exc:
            problems += 1
            count = len(exc.problems)
            err.print(
                f"[red]FAIL[/] {path}: {count} problem{'s' if count > 1 else ''}",
                highlight=False,
                soft_wrap=True,
            )
            for problem in exc.problems:
                err.print(f"  {problem}", highlight=False, soft_wrap=True, markup=False)
        except RulesError as exc:
            problems += 1
            err.print(f"[red]FAIL[/] {exc}", highlight=False, soft_wrap=True)
        else:
            out.print(
                f"[green]ok[/]   {path} ({len(ruleset.document.rules)} rules, {ruleset.hash[:12]})",
                soft_wrap=True,
            )
    if not files:
        raise exit_error(f"no rule-set files under {root}")
    if problems:
        raise exit_error(f"{problems} of {len(files)} rule-set files have errors")
    rules_commands.check_lock(root)


@rules_app.command("test")
def rules_test(
    root: Annotated[Path | None, typer.Option(help="Rule-set directory.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every rule's coverage.")] = False,
) -> None:
    """Run every rule set's test cases (<version>.cases/*.yaml), report outcome coverage, score the corpus."""
    root = root or get_settings().rulesets_dir
    report = run_rule_tests(root)
    print_test_report(report, verbose=verbose)
    if not report.rulesets and not report.problems:
        raise exit_error(f"no rule-set files under {root}")
    if not rules_commands.corpus_command_part(root, verbose=verbose):
        raise exit_error("the scenario corpus does not load (see the errors above)")
    if not report.ok:
        raise exit_error(
            f"{len(report.problems)} problems, {len(report.failures)} failed expectations, "
            f"rule coverage {report.rule_coverage:.1f}% (100% required)"
        )


def print_test_report(report: Report, *, verbose: bool) -> None:
    for problem in report.problems:
        err.print(f"[red]ERROR[/] {problem}", highlight=False, soft_wrap=True)
    for failure in report.failures:
        err.print(f"[red]FAIL[/]  {failure}", highlight=False, soft_wrap=True)
    mark = {True: "[green]yes[/]", False: "[red]NO[/]", None: "-"}
    for ruleset in report.rulesets:
        out.print(f"[bold]{ruleset.key}[/]: {ruleset.passed}/{ruleset.cases} cases passed", soft_wrap=True)
        table = Table()
        table.add_column("rule", overflow="fold")
        columns = [Covered.met, Covered.missing, Covered.unknown]
        if any(Covered.not_recorded in rule.required for rule in ruleset.coverage):
            columns.append(Covered.not_recorded)
        for heading in (*columns, Covered.not_applicable):
            table.add_column(heading.value)
        for rule in ruleset.coverage:
            if not verbose and rule.complete:
                continue
            cells = [mark[o in rule.seen] if o in rule.required else mark[None] for o in columns]
            na = "seen" if Covered.not_applicable in rule.seen else "-"
            table.add_row(rule.rule_id, *cells, na)
        if table.rows:
            out.print(table)
    out.print(
        f"coverage: {report.rule_coverage:.1f}% of rules in every outcome they can have "
        f"({report.outcome_coverage:.1f}% of rule outcomes)",
        soft_wrap=True,
    )


def main() -> None:
    try:  # settings first: a refused setting is one line on stderr, never a traceback or a secret
        get_settings()
    except ValidationError as exc:
        for error in exc.errors(include_input=False, include_url=False):
            where = ".".join(str(part) for part in error["loc"]) or "settings"
            err.print(f"[bold red]error:[/] {where}: {error['msg']}", highlight=False, soft_wrap=True)
        raise SystemExit(2) from None
    app()
