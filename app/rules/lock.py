"""The lock file: the content hash of every published rule-set version, committed beside them.

A published version is immutable: decisions name it by id, version and hash, and replaying them
needs exactly that content. ``published.lock.json`` (at the root of the rule-set directory) records
each published version's hash and ``effective_from``; it is written by ``safesteps rules lock`` when
a reviewed draft is published, and checked every time the rule sets are loaded. What may still
change in a published version is its lifecycle: ``effective_to`` may be set (a later version takes
over) and its status may move from published to retired, never back. Drafts are not locked and may
change freely.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from app.rules.compiler import CompiledRuleset
from app.rules.errors import RulesetLockError
from app.rules.model import Status

LOCK_FILE = "published.lock.json"
LOCK_NOTE = (
    "Written by `safesteps rules lock`; do not edit by hand. Each published rule-set version's "
    "SHA-256 content hash (every field but status, effective_from and effective_to) and its "
    "effective_from. A published version is immutable: change rules in a new version."
)

Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class LockEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    hash: Sha256
    status: Literal[Status.published, Status.retired]
    effective_from: date


class Lockfile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    lock_version: Literal[1] = 1
    note: str = LOCK_NOTE
    rulesets: dict[str, dict[str, LockEntry]] = Field(default_factory=dict)

    def entry(self, ruleset_id: str, version: str) -> LockEntry | None:
        return self.rulesets.get(ruleset_id, {}).get(version)

    def dumps(self) -> str:
        """Stable text: sorted ids, versions in semantic order, one field a line."""
        ordered = {
            rid: dict(sorted(versions.items(), key=lambda kv: version_key(kv[0])))
            for rid, versions in sorted(self.rulesets.items())
        }
        return Lockfile(note=self.note, rulesets=ordered).model_dump_json(indent=2) + "\n"


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def lock_path(root: Path) -> Path:
    return root / LOCK_FILE


def read_lock(path: Path) -> Lockfile:
    """The lock at ``path``; an absent file is an empty lock (nothing published yet)."""
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return Lockfile()
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesetLockError(str(path), [f"cannot read: {exc}"]) from None
    try:
        return Lockfile.model_validate_json(text)
    except ValidationError as exc:
        problems = [f"{'.'.join(map(str, e['loc'])) or '(file)'}: {e['msg']}" for e in exc.errors()]
        raise RulesetLockError(str(path), problems) from None


def _locked(ruleset: CompiledRuleset) -> bool:
    return ruleset.document.status in (Status.published, Status.retired)


def immutability_problems(rulesets: Iterable[CompiledRuleset], lock: Lockfile) -> list[str]:
    """Breaches that re-locking must never paper over: a locked version changed or vanished."""
    problems: list[str] = []
    present: set[tuple[str, str]] = set()
    for ruleset in rulesets:
        doc = ruleset.document
        present.add((doc.id, doc.version))
        entry = lock.entry(doc.id, doc.version)
        if entry is None:
            continue
        where = f"{ruleset.key} ({ruleset.source})"
        if doc.status is Status.draft:
            problems.append(
                f"{where} is a draft but was published: a published version can only move to retired"
            )
        elif entry.status is Status.retired and doc.status is Status.published:
            problems.append(f"{where} was retired and cannot be published again")
        if ruleset.hash != entry.hash:
            problems.append(
                f"{where} content hash {ruleset.hash[:12]} does not match the published hash "
                f"{entry.hash[:12]}: a published version is immutable, so put the change in a new "
                "draft version (only status and effective_to may change)"
            )
        if doc.effective_from != entry.effective_from:
            problems.append(
                f"{where} effective_from {doc.effective_from} differs from the published "
                f"{entry.effective_from}: the date a version came into force cannot move"
            )
    for ruleset_id, versions in lock.rulesets.items():
        for version in versions:
            if (ruleset_id, version) not in present:
                problems.append(
                    f"{ruleset_id}@{version} is published but its file is missing: published versions "
                    "stay so that past decisions can be replayed (retire it instead)"
                )
    return problems


def lock_problems(rulesets: Iterable[CompiledRuleset], lock: Lockfile) -> list[str]:
    """Every way the loaded rule sets disagree with the lock, including versions not yet locked."""
    rulesets = list(rulesets)
    problems = immutability_problems(rulesets, lock)
    for ruleset in rulesets:
        entry = lock.entry(ruleset.document.id, ruleset.document.version)
        if entry is None and _locked(ruleset):
            problems.append(
                f"{ruleset.key} ({ruleset.source}) is {ruleset.document.status} but not recorded: "
                "after review, publish it with `safesteps rules lock`"
            )
    return problems


def verify(rulesets: Iterable[CompiledRuleset], root: Path) -> Lockfile:
    """Check the rule sets under ``root`` against its lock file; raise naming the file if not."""
    path = lock_path(root)
    lock = read_lock(path)
    problems = lock_problems(rulesets, lock)
    if problems:
        raise RulesetLockError(str(path), problems)
    return lock


def relock(rulesets: Iterable[CompiledRuleset], lock: Lockfile, lock_file: str) -> Lockfile:
    """The lock with newly published versions added and retirements recorded.

    Refuses (raising) when a locked version was changed or removed: that is never fixed by locking.
    """
    rulesets = list(rulesets)
    problems = immutability_problems(rulesets, lock)
    if problems:
        raise RulesetLockError(lock_file, problems)
    entries: dict[str, dict[str, LockEntry]] = {
        rid: dict(versions) for rid, versions in lock.rulesets.items()
    }
    for ruleset in rulesets:
        doc = ruleset.document
        if doc.status is not Status.draft:
            entries.setdefault(doc.id, {})[doc.version] = LockEntry(
                hash=ruleset.hash, status=doc.status, effective_from=doc.effective_from
            )
    return Lockfile(rulesets=entries)


def unpin(lock: Lockfile, ruleset_id: str, version: str) -> Lockfile:
    """The lock without one version's entry, so the next ``relock`` records its current content.

    Only for a version no decision was ever made with (e.g. one published by mistake or still
    being written before the first release): anything else breaks replay of past decisions.
    """
    entries = {rid: dict(versions) for rid, versions in lock.rulesets.items()}
    if entries.get(ruleset_id, {}).pop(version, None) is None:
        raise RulesetLockError("lock", [f"{ruleset_id}@{version} is not recorded in the lock"])
    return Lockfile(rulesets={rid: v for rid, v in entries.items() if v})


class LockState(StrEnum):
    draft = "draft"  # not published: free to change, not locked
    locked = "locked"  # published and matching its recorded hash
    unlocked = "unlocked"  # published or retired but not yet recorded
    altered = "altered"  # recorded, but the content no longer matches


def state(ruleset: CompiledRuleset, lock: Lockfile) -> LockState:
    entry = lock.entry(ruleset.document.id, ruleset.document.version)
    if entry is None:
        return LockState.unlocked if _locked(ruleset) else LockState.draft
    return LockState.locked if entry.hash == ruleset.hash else LockState.altered
