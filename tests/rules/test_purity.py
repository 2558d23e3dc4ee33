"""app/rules is a pure library: no web framework, database, other app code, clock or environment.

Checked on the source (AST), so a forbidden import inside a function or behind a condition is
caught too. Replay depends on this: a decision must be a function of its inputs only.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

RULES = Path(__file__).resolve().parents[2] / "app" / "rules"
FORBIDDEN_PACKAGES = ("fastapi", "starlette", "sqlmodel", "sqlalchemy")
# Module-qualified calls that read the clock or the environment.
FORBIDDEN_CALLS = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
    ("time", "time"),
    ("time", "time_ns"),
    ("os", "getenv"),
    ("os", "getenvb"),
}
FORBIDDEN_ATTRIBUTES = {("os", "environ"), ("os", "environb")}
FORBIDDEN_NAMES = {  # from-imports of the same things
    ("datetime", "now"), ("time", "time"), ("time", "time_ns"), ("os", "environ"), ("os", "getenv"),
}  # fmt: skip


def sources() -> list[Path]:
    files = sorted(RULES.rglob("*.py"))
    assert files, f"no Python files under {RULES}"
    return files


def imported_modules(tree: ast.AST) -> list[tuple[int, str, list[str]]]:
    found: list[tuple[int, str, list[str]]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative import: resolve against app.rules
                found.append((node.lineno, "app.rules" + ("." + node.module if node.module else ""), []))
            elif node.module:
                found.append((node.lineno, node.module, [alias.name for alias in node.names]))
    return found


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def problems_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    problems: list[str] = []
    for line, module, names in imported_modules(tree):
        top = module.split(".")[0]
        if top in FORBIDDEN_PACKAGES:
            problems.append(f"{path.name}:{line} imports {module}")
        elif top == "app" and not (module == "app.rules" or module.startswith("app.rules.")):
            problems.append(f"{path.name}:{line} imports {module} (outside app.rules)")
        for name in names:
            if (module, name) in FORBIDDEN_NAMES:
                problems.append(f"{path.name}:{line} imports {name} from {module}")
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            dotted = _dotted(node)
            parts = tuple(dotted.split(".")[-2:])
            if len(parts) == 2 and (parts in FORBIDDEN_CALLS or parts in FORBIDDEN_ATTRIBUTES):
                problems.append(f"{path.name}:{node.lineno} uses {dotted}")
    return problems


@pytest.mark.parametrize("path", sources(), ids=lambda p: str(p.relative_to(RULES)))
def test_rules_module_is_pure(path: Path) -> None:
    assert problems_in(path) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import fastapi", "imports fastapi"),
        ("from sqlalchemy.orm import Session", "imports sqlalchemy.orm"),
        ("def f():\n    from starlette.requests import Request", "imports starlette.requests"),
        ("from app.settings import get_settings", "outside app.rules"),
        ("import app.services.evaluation", "outside app.rules"),
        ("from datetime import datetime\nx = datetime.now()", "uses datetime.now"),
        ("import datetime\nx = datetime.datetime.utcnow()", "uses datetime.datetime.utcnow"),
        ("from datetime import date\nx = date.today()", "uses date.today"),
        ("import time\nx = time.time()", "uses time.time"),
        ("import os\nx = os.environ['HOME']", "uses os.environ"),
        ("import os\nx = os.getenv('HOME')", "uses os.getenv"),
        ("from os import environ", "imports environ from os"),
    ],
)
def test_checker_catches(tmp_path: Path, source: str, expected: str) -> None:
    """The checker itself: each forbidden form is reported (a checker that finds nothing proves nothing)."""
    path = tmp_path / "sample.py"
    path.write_text(source + "\n", "utf-8")
    problems = problems_in(path)
    assert any(expected in p for p in problems), problems


def test_checker_allows_the_engine_own_imports(tmp_path: Path) -> None:
    path = tmp_path / "sample.py"
    path.write_text(
        "from datetime import datetime\nfrom app.rules.model import Rule\nfrom . import vocabulary\n"
        "import zen\nx = datetime.fromisoformat('2025-01-01T00:00:00+00:00')\n",
        "utf-8",
    )
    assert problems_in(path) == []
