"""Terminal output shared by the sub-commands."""

from __future__ import annotations

import sys

import typer
from pydantic import ValidationError
from rich.console import Console

# Piped output (CI logs, files) is not squeezed into rich's default 80 columns.
out = Console(width=None if sys.stdout.isatty() else 140)
err = Console(stderr=True, width=None if sys.stderr.isatty() else 140)


def validation_summary(exc: ValidationError) -> str:
    """A validation error on one line: each field's path and problem, without pydantic's header,
    input echo (it may be a child's name) or documentation links."""
    problems = []
    for error in exc.errors(include_url=False, include_input=False):
        path = ".".join(str(part) for part in error["loc"]) or "(the document)"
        problems.append(f"{path}: {error['msg']}")
    return "; ".join(problems)


def exit_error(message: str, code: int = 1) -> typer.Exit:
    """Print ``message`` as an error, on one line however long (scripts and log collectors read
    errors line by line); the caller raises the returned exit."""
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)
