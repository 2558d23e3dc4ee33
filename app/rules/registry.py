"""Load rule-set files and find the version a caller asks for, or the one in force at a time.

Layout: ``<root>/<ruleset-id>/<version>.yaml``, one file per version, and ``<root>/published.lock.json``
recording the hash of every published version (see ``lock``). The built-in rule sets live in
``app/rules/rulesets``; the caller passes the directory (the engine reads no environment).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from app.rules import lock, yamlio
from app.rules.compiler import CompiledRuleset, compile_ruleset
from app.rules.errors import RulesetLoadError, RulesetNotFound
from app.rules.lock import Lockfile, version_key
from app.rules.model import RulesetDocument, Status

BUILTIN_RULESETS = Path(__file__).parent / "rulesets"
_IN_FORCE_KEPT = 4096  # (id, day) answers of ``in_force`` kept; our own bound, far above real use


def _describe(error: ValidationError, data: object) -> list[str]:
    """Name the rule (by id, not index) and the field of each validation problem."""
    problems = []
    for err in error.errors():
        loc = list(err["loc"])
        where = ".".join(str(p) for p in loc)
        if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int) and isinstance(data, dict):
            rules = data.get("rules")
            rule = rules[loc[1]] if isinstance(rules, list) and loc[1] < len(rules) else None
            rule_id = rule.get("id") if isinstance(rule, dict) else None
            rest = loc[3:] if len(loc) > 2 and loc[2] in ("condition", "language") else loc[2:]
            field = ".".join(str(p) for p in rest) or "(rule)"
            where = f"rule {rule_id or '#' + str(loc[1])}: {field}"
        problems.append(f"{where}: {err['msg']}")
    return problems


def calendars_dir(ruleset_file: Path) -> Path:
    """Where a version's calendars ship: ``<id>/<version>.calendars/<name>.yaml``."""
    return ruleset_file.with_suffix(".calendars")


def _read_yaml(path: Path) -> Any:
    try:
        return yamlio.safe_load(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RulesetLoadError(str(path), [f"cannot read: {exc}"]) from None


def _with_calendars(path: Path, data: Any) -> Any:
    """The document with the calendars shipped beside it, so they are part of what it hashes to."""
    directory = calendars_dir(path)
    if not directory.is_dir():
        return data
    if isinstance(data, dict) and "calendars" in data:
        raise RulesetLoadError(str(path), [f"calendars: ship them as files in {directory}, not inline"])
    calendars = {file.stem: _read_yaml(file) for file in sorted(directory.glob("*.yaml"))}
    return {**data, "calendars": calendars} if isinstance(data, dict) and calendars else data


def load_document(path: Path) -> RulesetDocument:
    source = str(path)
    data = _with_calendars(path, _read_yaml(path))
    try:
        document = RulesetDocument.model_validate(data)
    except ValidationError as exc:
        raise RulesetLoadError(source, _describe(exc, data)) from None
    if path.stem != document.version or path.parent.name != document.id:
        raise RulesetLoadError(
            source, [f"file must be {document.id}/{document.version}.yaml to match its content"]
        )
    return document


def load_file(path: Path) -> CompiledRuleset:
    return compile_ruleset(load_document(path), source=str(path))


def ruleset_files(root: Path) -> Iterator[Path]:
    return iter(sorted(root.glob("*/*.yaml")))


def load_all(root: Path) -> list[CompiledRuleset]:
    """Every rule-set file under ``root``, compiled, without checking the lock file."""
    return [load_file(path) for path in ruleset_files(root)]


class RulesetRegistry:
    """Every loaded rule-set version, immutable once built."""

    def __init__(self, rulesets: list[CompiledRuleset], lockfile: Lockfile | None = None) -> None:
        self.lockfile = lockfile
        self._by_id: dict[str, list[CompiledRuleset]] = {}
        for ruleset in rulesets:
            self._by_id.setdefault(ruleset.document.id, []).append(ruleset)
        for versions in self._by_id.values():
            versions.sort(key=lambda r: version_key(r.document.version))
        # ``in_force``'s answers by (id, day): the registry never changes, and every evaluation
        # asks (a live request twice: does the version read history, then the decision).
        self._in_force: dict[tuple[str, date | None], CompiledRuleset] = {}

    @classmethod
    def load(cls, root: Path = BUILTIN_RULESETS) -> RulesetRegistry:
        """Load every version and refuse (``RulesetLockError``) if a published one was altered."""
        rulesets = load_all(root)
        return cls(rulesets, lock.verify(rulesets, root))

    def ids(self) -> list[str]:
        return sorted(self._by_id)

    def versions(self, ruleset_id: str) -> list[CompiledRuleset]:
        try:
            return list(self._by_id[ruleset_id])
        except KeyError:
            raise RulesetNotFound(ruleset_id) from None

    def get(self, ruleset_id: str, version: str) -> CompiledRuleset:
        for ruleset in self.versions(ruleset_id):
            if ruleset.document.version == version:
                return ruleset
        raise RulesetNotFound(ruleset_id, version)

    def in_force(self, ruleset_id: str, at: datetime | date | None) -> CompiledRuleset:
        """The latest published version effective on ``at`` (the latest published if ``at`` is None)."""
        day = at.date() if isinstance(at, datetime) else at
        found = self._in_force.get((ruleset_id, day))
        if found is None:
            found = self._search_in_force(ruleset_id, day)
            if len(self._in_force) >= _IN_FORCE_KEPT:  # days are the client's to choose: bounded
                self._in_force.clear()
            self._in_force[ruleset_id, day] = found
        return found

    def _search_in_force(self, ruleset_id: str, day: date | None) -> CompiledRuleset:
        published = [
            r
            for r in self.versions(ruleset_id)
            if r.document.status is Status.published
            and (
                day is None
                or (
                    r.document.effective_from <= day
                    and (r.document.effective_to is None or day < r.document.effective_to)
                )
            )
        ]
        if not published:
            when = f" in force on {day.isoformat()}" if day else " published"
            raise RulesetNotFound(ruleset_id, reason=f"no version of rule set {ruleset_id}{when}")
        return published[-1]
