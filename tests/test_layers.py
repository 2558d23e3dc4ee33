"""The import rule of docs/architecture.md, checked on the source (AST, so imports inside functions
count too): only the web layer imports FastAPI or Starlette, and no module imports a layer above its
own. ``tests/rules/test_purity.py`` holds the stricter rule for ``app/rules``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"
WEB_FRAMEWORKS = ("fastapi", "starlette")
# Lowest first. A module may import its own layer and the layers below it, never one above.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("app.rules",),
    ("app", "app.settings", "app.errors", "app.observability", "app.metrics"),
    ("app.models", "app.db", "app.schema_state"),
    ("app.auth", "app.schemas"),
    ("app.services",),
    ("app.http",),
    ("app.routers", "app.ui", "app.commands"),
    ("app.main", "app.cli"),
)
# The web layer: the only importers of fastapi/starlette (the auditor workspace's pages included).
WEB = ("app.http", "app.routers", "app.ui", "app.main")


def _within(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == p or (p != "app" and module.startswith(p + ".")) for p in packages)


def layer_of(module: str) -> int:
    """The layer of an ``app`` module: the most specific package that lists it."""
    best, length = -1, -1
    for index, packages in enumerate(LAYERS):
        for package in packages:
            if (module == package or module.startswith(package + ".")) and len(package) > length:
                best, length = index, len(package)
    if best < 0:
        raise AssertionError(f"{module} is in no layer: add it to LAYERS")
    return best


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(tree: ast.AST, module: str, is_package: bool) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append((node.lineno, target))
            # ``from app import db`` imports app.db, not just the package
            found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names if target == "app"]
    return found


def problems_in(path: Path, root: Path = APP) -> list[str]:
    module = module_name(path, root)
    own = layer_of(module)
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    problems = []
    for line, target in imports_of(tree, module, path.name == "__init__.py"):
        top = target.split(".")[0]
        if top in WEB_FRAMEWORKS and not _within(module, WEB):
            problems.append(f"{module}:{line} imports {target} (only the web layer may)")
        elif top == "app" and target != "app" and layer_of(target) > own:
            problems.append(f"{module}:{line} imports {target} (a layer above)")
    return problems


def sources(root: Path = APP) -> list[Path]:
    files = sorted(root.rglob("*.py"))
    assert files, f"no Python files under {root}"
    return files


@pytest.mark.parametrize("path", sources(), ids=lambda p: str(p.relative_to(APP)))
def test_module_imports_only_downwards(path: Path) -> None:
    assert problems_in(path) == []


@pytest.mark.parametrize(
    ("name", "source", "expected"),
    [
        ("db.py", "from fastapi import Depends", "app.db:1 imports fastapi (only the web layer may)"),
        (
            "auth/x.py",
            "def f():\n    from starlette.requests import Request",
            "app.auth.x:2 imports starlette",
        ),
        (
            "auth/x.py",
            "from app.services.apikeys import principal_of",
            "imports app.services.apikeys (a layer",
        ),
        ("services/x.py", "from app.http.errors import render", "imports app.http.errors (a layer above)"),
        ("models/x.py", "from app import schemas", "imports app.schemas (a layer above)"),
        ("services/x.py", "from ..routers import incidents", "imports app.routers (a layer above)"),
        ("http/x.py", "import app.routers.incidents", "imports app.routers.incidents (a layer above)"),
    ],
)
def test_checker_catches(tmp_path: Path, name: str, source: str, expected: str) -> None:
    """The checker itself: each forbidden form is reported (a checker that finds nothing proves nothing)."""
    root = tmp_path / "app"
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source + "\n", "utf-8")
    problems = problems_in(path, root)
    assert any(expected in p for p in problems), problems


def test_checker_allows_downward_and_web_imports(tmp_path: Path) -> None:
    root = tmp_path / "app"
    (root / "http").mkdir(parents=True)
    path = root / "http" / "x.py"
    path.write_text(
        "from fastapi import Depends\nfrom app.services import submissions\nfrom app.db import begin_write\n"
        "from . import errors\nfrom app.rules.engine import decide\n",
        "utf-8",
    )
    assert problems_in(path, root) == []
