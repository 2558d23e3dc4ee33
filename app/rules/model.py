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

**Semantics 2** (``semantics: 2`` at the top of the document; absent means 1, the original meaning,
which published versions 1.0.0 and 1.1.0 keep byte for byte) adds *due moments*. A condition rule
may say when its record is due (``due``: hooks, and/or a ``by`` time). Before that moment an absent
record is ``unknown``; at or after it, it is ``missing`` with basis ``not_recorded``, distinct from
``missing`` with basis ``recorded`` (``missing_if`` held: the data says the step was not done). Each
outcome has its own text: ``message`` (missing, recorded), ``message_unknown`` (unknown: says what
is not yet recorded, never states the failure as fact) and ``message_not_recorded`` (missing, not
recorded by its due moment); ``hooks_rationale`` says why the rule runs at the hooks it does.
Semantics 2 also offers engine-computed times (``times``, over calendars shipped beside the version
in ``<version>.calendars/<name>.yaml``) and a rule-set list of ``blocking_hooks``.
"""

from __future__ import annotations

import json
import re
from datetime import date, time
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
    hooks_rationale: Text | None = Field(
        None,
        description="Semantics 2 (required there): why each hook of the workflow is or is not one "
        "where this rule runs.",
    )

    @property
    def verified(self) -> bool:
        return all(r.verified for r in self.references)


Message = Annotated[str, Field(min_length=1, max_length=140)]


class Due(Strict):
    """Semantics 2: the moment by which a rule's record must exist (see the module docstring)."""

    hooks: tuple[str, ...] = Field(
        (), description="At these hooks (a subset of the rule's) an absent record is missing."
    )
    by: Expression | None = Field(
        None,
        description="A ZEN expression giving an ISO 8601 time (or null): from `context.as_of` at or "
        "after it, an absent record is missing.",
    )

    @model_validator(mode="after")
    def _hooks_or_by(self) -> Due:
        if not self.hooks and self.by is None:
            raise ValueError("give `hooks`, `by` or both")
        return self

    def expression(self) -> str:
        """ZEN, true at or after the due moment: at one of its hooks, or once ``as_of`` reaches ``by``."""
        parts = []
        if self.hooks:
            parts.append(f"(context.hook in {json.dumps(list(self.hooks))})")
        if self.by is not None:
            parts.append(
                f"(context.as_of != null and (({self.by}) != null) "
                f"and not d(context.as_of).isBefore(d({self.by})))"
            )
        return " or ".join(parts)


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
    due: Due | None = Field(None, description="Semantics 2: when an absent record becomes missing.")
    message_unknown: Message | None = Field(
        None, description="Semantics 2: the text of an `unknown` finding (what is not yet recorded)."
    )
    message_not_recorded: Message | None = Field(
        None, description="Semantics 2: the text of a `missing` finding with basis `not_recorded`."
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

    due: None = None  # a language rule is never unknown, so nothing is ever due
    message_unknown: None = None
    message_not_recorded: None = None


def _rule_kind(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("kind", "condition"))
    return str(getattr(value, "kind", "condition"))


AnyRule = Annotated[
    Annotated[Rule, Tag("condition")] | Annotated[LanguageRule, Tag("language")],
    Discriminator(_rule_kind),
]


class Holiday(Strict):
    date: date
    name: Text


class Calendar(Strict):
    """Non-working days, shipped beside a rule-set version and covered by its content hash, so a
    replay uses exactly the calendar the decision was made with. Generated at authoring time
    (``safesteps rules calendar``), never fetched at run time."""

    description: Text
    source: Text = Field(description="Where the dates come from, with the generator's version.")
    valid_from: date
    valid_to: date = Field(description="Past this day the calendar says nothing: computed times are null.")
    holidays: tuple[Holiday, ...]

    @model_validator(mode="after")
    def _dates_sorted_and_covered(self) -> Calendar:
        if self.valid_to < self.valid_from:
            raise ValueError("valid_to must not be before valid_from")
        days = [h.date for h in self.holidays]
        if days != sorted(set(days)):
            raise ValueError("holidays must be in date order, each day once")
        if days and (days[0] < self.valid_from or days[-1] > self.valid_to):
            raise ValueError("every holiday must fall between valid_from and valid_to")
        return self


TimeOfDay = Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]


class NextWorkingDay(Strict):
    """The ``working_days``-th working day's ``at`` (local time in ``zone``) strictly after the time
    at ``after``. Working days: Monday to Friday, except the holidays of ``calendar``. Null when
    ``after`` is not recorded or the result would fall past the calendar's ``valid_to``.

    E.g. Operation Encompass's "before the next school day": ``at: "08:30"``, ``working_days: 1``:
    attended Friday 19:00 before a bank-holiday Monday gives Tuesday 08:30."""

    kind: Literal["next_working_day"]
    after: Annotated[str, Field(pattern=r"^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$", max_length=200)] = Field(
        description="Dotted path of a recorded time in the checklist (no lists), e.g. `incident.attended_at`."
    )
    at: TimeOfDay
    zone: Annotated[str, Field(min_length=1, max_length=64)] = "Europe/London"
    calendar: Annotated[str, Field(min_length=1, max_length=64)]
    working_days: Annotated[int, Field(ge=1, le=30)] = 1

    def time_of_day(self) -> time:
        hour, minute = self.at.split(":")
        return time(int(hour), int(minute))


TIME_NAME_PATTERN = r"^[a-z][a-z0-9_]{0,62}$"
CALENDAR_NAME_PATTERN = r"^[a-z][a-z0-9-]{0,62}$"


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
    semantics: Literal[1, 2] = Field(
        1, description="1: the original meaning (no due moments); 2: due moments (module docstring)."
    )
    blocking_hooks: tuple[str, ...] | None = Field(
        None,
        description="Semantics 2: the hooks at which an open critical step blocks (default: the "
        "vocabulary's blocking hooks).",
    )
    times: dict[Annotated[str, Field(pattern=TIME_NAME_PATTERN)], NextWorkingDay] = Field(
        default_factory=dict,
        description="Semantics 2: engine-computed times, read by conditions as `context.times.<name>`.",
    )
    calendars: dict[Annotated[str, Field(pattern=CALENDAR_NAME_PATTERN)], Calendar] = Field(
        default_factory=dict,
        description="Loaded from `<version>.calendars/<name>.yaml` beside the file; not written inline.",
    )
    history: Literal[1] | None = Field(
        None,
        description="The history-facts format this version's conditions read as `context.history` "
        "(app/rules/history.py); absent: it reads none, and the service computes none for it.",
    )
    rules: Annotated[tuple[AnyRule, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _dates_in_order(self) -> RulesetDocument:
        if self.effective_to is not None and self.effective_to <= self.effective_from:
            raise ValueError("effective_to must be after effective_from")
        return self


# Fields added with semantics 2, and their defaults. The content hash leaves a field out while it
# holds its default, so the hashes of documents that do not use them (1.0.0, 1.1.0) never change.
SEMANTICS_2_DOCUMENT_FIELDS: dict[str, Any] = {
    "semantics": 1,
    "blocking_hooks": None,
    "times": {},
    "calendars": {},
    "history": None,  # 1.3.0: history facts
}
SEMANTICS_2_RULE_FIELDS: dict[str, Any] = {
    "hooks_rationale": None,
    "due": None,
    "message_unknown": None,
    "message_not_recorded": None,
    "only_fields": [],  # language rules (1.2.0): scan only these free-text fields
}
# Term fields added for 1.2.0 (the `words` grammar), left out of the hash while at their default.
TERM_FIELDS_ADDED: dict[str, Any] = {"words": None}
