"""Errors raised by the rules engine. They know nothing about HTTP."""

from __future__ import annotations


class RulesError(Exception):
    """Base of every rules-engine error."""


class RulesetLoadError(RulesError):
    """A rule-set file could not be read, parsed or validated."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))


class RuleCompileError(RulesError):
    """A rule's condition does not compile or fails a static check."""

    def __init__(self, source: str, rule_id: str, field: str, message: str) -> None:
        self.source, self.rule_id, self.field, self.message = source, rule_id, field, message
        super().__init__(f"{source}: rule {rule_id}: {field}: {message}")


class RulesetCheckError(RuleCompileError):
    """A rule set fails static checks; ``problems`` holds every one (the first is also unpacked)."""

    def __init__(self, source: str, problems: list[RuleCompileError]) -> None:
        first = problems[0]
        super().__init__(source, first.rule_id, first.field, first.message)
        self.problems = tuple(problems)
        self.args = ("\n".join(str(p) for p in problems),)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class RulesetNotFound(RulesError):
    """No rule set (or no such version, or none in force at the given time)."""

    def __init__(self, ruleset_id: str, version: str | None = None, reason: str | None = None) -> None:
        self.ruleset_id, self.version = ruleset_id, version
        what = f"{ruleset_id}@{version}" if version else ruleset_id
        super().__init__(reason or f"rule set {what} not found")


class UnknownHook(RulesError):
    """The hook named by a caller is not in the vocabulary."""

    def __init__(self, hook: str) -> None:
        self.hook = hook
        super().__init__(f"unknown hook {hook!r}")


class RulesetLockError(RulesError):
    """Published rule-set versions do not match the lock file that records them."""

    def __init__(self, lock_file: str, problems: list[str]) -> None:
        self.lock_file, self.problems = lock_file, problems
        listed = "".join(f"\n  - {p}" for p in problems)
        super().__init__(f"published rule sets do not match {lock_file}:{listed}")
