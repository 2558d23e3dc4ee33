"""The narrative language check (step LANG-NO-VICTIM-BLAMING): flag victim-blaming wording.

Language rules (``kind: language`` in a rule set) carry a list of terms, each a phrase or a regular
expression with the wording to use instead. Every free-text field of the checklist is scanned: the
``FreeText`` fields of the schema, found by walking it (``app/rules/shape.py``), so fields added by a
new schema version are scanned without a change here. How a term matches:

- case-insensitively, on word boundaries (``promiscuous`` does not match inside another word; a
  phrase's spaces also match line breaks and hyphens, so ``lifestyle-choice`` matches);
- a negated use is not flagged when the term is ``negatable`` (the default): ``not``, ``no``,
  ``never``, ``nor``, ``neither``, ``without``, ``cannot`` or an ``n't`` word among the three words
  before the term, in the same clause (no ``.,;:!?`` or brackets in between), or a ``non-`` prefix.
  "This is not a lifestyle choice" is not flagged. "Not only/just/simply/merely a lifestyle choice"
  and "no longer streetwise" are not negations and are flagged. Negation further away ("it must
  not be assumed that this is a lifestyle choice") is flagged: rewording is cheap, missing a term
  is not. Terms whose negation still frames the child wrongly set ``negatable: false``: about a
  child under 13, "not consensual" still treats consent as the question, when the law says any
  sexual activity with them is rape;
- a rule may exclude fields that record someone else's words verbatim (``exclude_fields``, schema
  paths such as ``children[].account``): the child's own words are evidence and are not reworded.

Outcomes: ``not_applicable`` when ``applies_if`` does not hold or no (non-excluded) free text is
recorded, since there is nothing to check, not something left to record; ``missing`` when any term
is used, with one finding detail per use (path such as ``narratives[2].text``, the matched text,
the suggestion); ``met`` when free text is recorded and no term is used. Never ``unknown``.

All terms of a rule-set version are compiled once into one regular expression; a checklist with no
free text costs one walk of the free-text paths and no regular-expression work.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.rules.decision import FindingDetail, Outcome
from app.rules.model import LanguageRule, Term
from app.rules.shape import FreeTextPaths, free_text_paths, iter_free_text

MAX_DETAILS_PER_RULE = 50
NEGATORS = frozenset(
    {"not", "no", "never", "nor", "neither", "without", "cannot", "nothing", "none", "nobody"}
)
NOT_NEGATING_NEXT = frozenset({"only", "just", "simply", "merely", "solely", "longer", "always"})
_CLAUSE_END = re.compile(r"[.,;:!?()\[\]\n]")
_WORD = re.compile(r"[\w'\u2019]+")
_INDEX = re.compile(r"\[\d+\]")


def _phrase_regex(phrase: str) -> str:
    return r"[\s\-]+".join(re.escape(word) for word in phrase.split())


def term_body(term: Term) -> str:
    """The term as a regular expression, without the word boundaries."""
    return _phrase_regex(term.phrase) if term.phrase is not None else f"(?:{term.pattern})"


def is_negated(text: str, start: int) -> bool:
    """A negation among the three words before ``start``, in the same clause, or a ``non-`` prefix."""
    before = text[max(0, start - 80) : start]
    if before.lower().endswith(("non-", "non ")):
        return True
    clause = _CLAUSE_END.split(before)[-1]
    words = [w.lower() for w in _WORD.findall(clause)][-3:]
    for i, word in enumerate(words):
        if word in NEGATORS or word.replace("\u2019", "'").endswith("n't"):
            following = words[i + 1] if i + 1 < len(words) else ""
            if following not in NOT_NEGATING_NEXT:
                return True
    return False


@dataclass(frozen=True, slots=True)
class _Alternative:
    rule_id: str
    term: Term


@dataclass(frozen=True)
class LanguageMatcher:
    """Every language rule's terms in one regular expression, compiled once per rule-set version."""

    regex: re.Pattern[str]
    alternatives: Mapping[str, _Alternative]
    excluded: Mapping[str, frozenset[str]]  # rule id -> schema paths it does not scan
    paths: FreeTextPaths

    def scan(self, facts: Mapping[str, Any]) -> Scan:
        hits: dict[str, list[FindingDetail]] = {}
        texts: list[str] = []
        for path, text in iter_free_text(facts, self.paths):
            schema_path = _INDEX.sub("[]", path)
            texts.append(schema_path)
            for match in self.regex.finditer(text):
                alternative = self.alternatives[match.lastgroup or ""]
                if schema_path in self.excluded[alternative.rule_id]:
                    continue
                if alternative.term.negatable and is_negated(text, match.start()):
                    continue
                found = hits.setdefault(alternative.rule_id, [])
                if len(found) < MAX_DETAILS_PER_RULE:
                    found.append(
                        FindingDetail(path=path, text=match.group(0), suggestion=alternative.term.suggestion)
                    )
        return Scan(texts=tuple(texts), hits=hits)


@dataclass(frozen=True, slots=True)
class Scan:
    texts: tuple[str, ...]  # schema paths of the free text found
    hits: dict[str, list[FindingDetail]]

    def outcome(self, rule: LanguageRule, excluded: frozenset[str]) -> Outcome:
        if rule.id in self.hits:
            return Outcome.missing
        if any(path not in excluded for path in self.texts):
            return Outcome.met
        return Outcome.not_applicable


def compile_language(rules: Iterable[LanguageRule]) -> LanguageMatcher | None:
    alternatives: dict[str, _Alternative] = {}
    excluded: dict[str, frozenset[str]] = {}
    parts: list[str] = []
    for rule in rules:
        excluded[rule.id] = frozenset(rule.exclude_fields)
        for term in rule.terms:
            group = f"t{len(parts)}"
            alternatives[group] = _Alternative(rule.id, term)
            parts.append(f"(?P<{group}>{term_body(term)})(?!\\w)")
    if not parts:
        return None
    # One shared "not after a letter" test first: most positions fail it at once, which makes the
    # scan several times faster than a word boundary inside each alternative.
    return LanguageMatcher(
        regex=re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")", re.IGNORECASE),
        alternatives=alternatives,
        excluded=excluded,
        paths=free_text_paths(),
    )


def language_outcomes(
    matcher: LanguageMatcher,
    rules: Sequence[tuple[LanguageRule, bool]],
    facts: Mapping[str, Any],
) -> tuple[dict[str, Outcome], dict[str, tuple[FindingDetail, ...]]]:
    """Outcomes of the language rules that apply (``(rule, applies)``) and the details of each use."""
    outcomes: dict[str, Outcome] = {}
    details: dict[str, tuple[FindingDetail, ...]] = {}
    if not any(applies for _, applies in rules):
        return {rule.id: Outcome.not_applicable for rule, _ in rules}, details
    scan = matcher.scan(facts)
    for rule, applies in rules:
        outcome = scan.outcome(rule, matcher.excluded[rule.id]) if applies else Outcome.not_applicable
        outcomes[rule.id] = outcome
        if outcome is Outcome.missing:
            details[rule.id] = tuple(scan.hits[rule.id])
    return outcomes, details
