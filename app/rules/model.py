"""The rule-set file format: what a rules administrator writes, validated on load.

A rule set is data (YAML), one file per version. Each rule names the stable step it checks, the
workflow moments (hooks) at which it applies, and three conditions in the ZEN expression language:

- ``applies_if``: the rule is relevant to this checklist (otherwise ``not_applicable``);
- ``missing_if``: the data says the step was *not* done;
- ``met_if``: the data says the step *was* done.

A condition counts only when it evaluates to exactly ``true``; anything else (``false``, ``null``
because a field is absent) does not. When neither ``missing_if`` nor ``met_if`` holds, the outcome
is ``unknown``: absent data is never done and never not-done. ``missing_if`` is checked first, so
a recorded omission is never hidden by a contradictory record of the step being done.

A second kind of rule, ``kind: language``, checks the wording of the checklist's free text instead
of its facts: its data is a list of terms (a phrase or a regular expression, and the wording to use
instead). It is ``not_applicable`` when ``applies_if`` does not hold or no free text is recorded,
``missing`` when a term is used (each use is a finding detail with its path and a suggestion) and
``met`` otherwise; it is never ``unknown``. See ``app/rules/language.py`` for the matching rules.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, HttpUrl, Tag, model_validator

RULE_ID_PATTERN = r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*(\.[a-z0-9-]+)?$"
SEMVER_PATTERN = r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$"
RULESET_ID_PATTERN = r"^[a-z][a-z0-9-]{1,62}$"


class Severity(StrEnum):
    critical = "critical"
    high = "high"
    medium = "medium"
    low = "low"


# Weights of the compliance score; a critical step counts as much as two high ones.
SEVERITY_WEIGHT: dict[Severity, int] = {
    Severity.critical: 8,
    Severity.high: 4,
    Severity.medium: 2,
    Severity.low: 1,
}
SEVERITY_ORDER: dict[Severity, int] = {s: i for i, s in enumerate(Severity)}


class Status(StrEnum):
    draft = "draft"
    published = "published"
    retired = "retired"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


Text = Annotated[str, Field(min_length=1, max_length=2000)]
Expression = Annotated[str, Field(min_length=1, max_length=4000)]


class Reference(Strict):
    """Where the policy or law says so."""

    document: Text
    section: Text
    url: HttpUrl | None = None
    verified: bool = Field(
        description="False when the point rests on general knowledge or a paraphrase not yet "
        "checked against the primary text."
    )


class RuleBase(Strict):
    """What every kind of rule has: identity, step, severity, hooks, applicability and citations."""

    id: Annotated[str, Field(pattern=RULE_ID_PATTERN, max_length=80)]
    step: Annotated[str, Field(min_length=1, max_length=80)]
    title: Annotated[str, Field(min_length=1, max_length=140)]
    severity: Severity
    severity_reason: Text | None = Field(
        None, description="Why the severity differs from the step's suggestion, if it does."
    )
    hooks: Annotated[tuple[str, ...], Field(min_length=1)]
    applies_if: Expression
    message: Annotated[str, Field(min_length=1, max_length=140)]
    detail: Text | None = None
    action: Text
    references: Annotated[tuple[Reference, ...], Field(min_length=1)]
    notes: Text | None = None

    @property
    def verified(self) -> bool:
        return all(r.verified for r in self.references)


class Rule(RuleBase):
    """A rule over the checklist's facts: three ZEN conditions (see the module docstring)."""

    kind: Literal["condition"] = "condition"
    met_if: Expression
    missing_if: Expression
    never_unknown: Text | None = Field(
        None,
        description="Why this rule's data is always known when it applies (e.g. its applicability "
        "already requires the data); exempts it from `unknown` coverage in `safesteps rules test`.",
    )


class Term(Strict):
    """One word or phrase a language rule flags, and what to write instead."""

    phrase: Annotated[str, Field(min_length=1, max_length=200)] | None = Field(
        None,
        description="Matched case-insensitively on word boundaries; spaces match any whitespace.",
    )
    pattern: Annotated[str, Field(min_length=1, max_length=500)] | None = Field(
        None,
        description="A Python regular expression, matched case-insensitively on word boundaries, "
        "for terms with variants (e.g. `putting (himself|herself|themselves) at risk`).",
    )
    words: Annotated[str, Field(min_length=1, max_length=500)] | None = Field(
        None,
        description="Words in the language check's small grammar (app/rules/language.py): `a|b` "
        "alternatives, `word~` with its inflections, `...` up to three other words, ` & ` parts "
        "in any order (e.g. `put~|place~ herself|himself|themselves ... at|in risk|danger`).",
    )
    suggestion: Text = Field(description="The wording to use instead, shown with each use.")
    negatable: bool = Field(
        True,
        description="A negated use (`not a lifestyle choice`) is not flagged. False for terms "
        "whose negation still frames the child wrongly (`not consensual` about a child under 13).",
    )
    notes: Text | None = None

    @model_validator(mode="after")
    def _one_of_phrase_or_pattern(self) -> Term:
        if sum(form is not None for form in (self.phrase, self.pattern, self.words)) != 1:
            raise ValueError("give exactly one of `phrase`, `pattern` or `words`")
        if self.pattern is not None:
            try:
                # As it will be used: one alternative of the rule set's combined expression.
                compiled = re.compile(f"x|(?:{self.pattern})", re.IGNORECASE)
            except re.error as exc:
                raise ValueError(f"pattern does not compile: {exc}") from None
            if compiled.groupindex:
                raise ValueError("pattern must not use named groups")
            if re.fullmatch(f"(?:{self.pattern})", ""):
                raise ValueError("pattern matches the empty string")
        if self.words is not None:
            from app.rules.language import words_regex  # the grammar lives with its matcher

            re.compile(words_regex(self.words), re.IGNORECASE)  # ValueError names the problem
        return self

    @property
    def label(self) -> str:
        return self.phrase or self.pattern or self.words or ""


class LanguageRule(RuleBase):
    """A rule over the wording of every free-text field (see ``app/rules/language.py``)."""

    kind: Literal["language"]
    applies_if: Expression = "true"
    terms: Annotated[tuple[Term, ...], Field(min_length=1, max_length=200)]
    exclude_fields: tuple[Annotated[str, Field(min_length=1, max_length=200)], ...] = Field(
        (),
        description="Free-text fields not scanned, as schema paths (`children[].account`): fields "
        "that record someone else's words verbatim.",
    )
    only_fields: tuple[Annotated[str, Field(min_length=1, max_length=200)], ...] = Field(
        (),
        description="If given, the only free-text fields scanned, as schema paths "
        "(`actions.supervision.notes`); empty: every free-text field.",
    )

    @property
    def never_unknown(self) -> str:
        """Language rules are never ``unknown``: free text is either there to check or not."""
        return "A language rule is met, missing or not applicable, never unknown."


def _rule_kind(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("kind", "condition"))
    return str(getattr(value, "kind", "condition"))


AnyRule = Annotated[
    Annotated[Rule, Tag("condition")] | Annotated[LanguageRule, Tag("language")],
    Discriminator(_rule_kind),
]


# Lifecycle metadata: what may change after publication without changing what a version *is*.
# The content hash covers every other field (rules, title, changelog, schema version), so closing a
# published version (``effective_to``) or retiring it leaves its recorded hash, and every decision
# that names that hash, valid. ``effective_from`` is pinned separately by the lock file.
LIFECYCLE_FIELDS: frozenset[str] = frozenset({"status", "effective_from", "effective_to"})


class RulesetDocument(Strict):
    id: Annotated[str, Field(pattern=RULESET_ID_PATTERN)]
    version: Annotated[str, Field(pattern=SEMVER_PATTERN)]
    title: Text
    status: Status
    effective_from: date
    effective_to: date | None = None
    changelog: Text
    checklist_schema_version: Annotated[int, Field(ge=1)] = 1
    rules: Annotated[tuple[AnyRule, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _dates_in_order(self) -> RulesetDocument:
        if self.effective_to is not None and self.effective_to <= self.effective_from:
            raise ValueError("effective_to must be after effective_from")
        return self
