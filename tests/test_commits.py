"""One transaction owner: only ``app/db.py`` calls ``commit()`` (the request's unit of work, the access
audit's write scope, ``session_scope``). Services flush; a second commit site would let two service
calls that belong together land apart. Checked on the source (AST)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"
OWNER = APP / "db.py"


def commits_in(path: Path) -> list[int]:
    """Lines of ``<anything>.commit(...)`` calls."""
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "commit"
    ]


def offenders(root: Path = APP, owner: Path = OWNER) -> list[str]:
    return [
        f"{path.relative_to(root.parent)}:{line}"
        for path in sorted(root.rglob("*.py"))
        if path != owner
        for line in commits_in(path)
    ]


def test_only_db_commits() -> None:
    assert commits_in(OWNER), "app/db.py commits nowhere: the check would prove nothing"
    assert offenders() == [], "commit through app.db (session_scope, the request's unit of work)"


@pytest.mark.parametrize(
    "source",
    [
        "session.commit()",
        "def f(s):\n    with s.begin():\n        s.connection().commit()",
        "self.session.commit()",
    ],
)
def test_checker_catches(tmp_path: Path, source: str) -> None:
    root = tmp_path / "app"
    root.mkdir()
    (root / "db.py").write_text("s.commit()\n", "utf-8")
    (root / "service.py").write_text(source + "\n", "utf-8")
    assert offenders(root, root / "db.py") != []
