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

Each rule's terms are compiled once per rule-set version into one regular expression; a checklist
with no free text costs one walk of the free-text paths and no regular-expression work, and a rule
that does not apply is not scanned.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from app.rules.decision import FindingDetail, Outcome
from app.rules.model import LanguageRule, Term
from app.rules.shape import FreeTextPaths, free_text_paths, iter_free_text

MAX_DETAILS_PER_RULE = 50
NEGATION_WINDOW = 80  # characters before a term searched for a negation
NEGATION_WORDS = 3  # words before a term (in the same clause) that may negate it
NEGATORS = frozenset(
    {"not", "no", "never", "nor", "neither", "without", "cannot", "nothing", "none", "nobody"}
)
NOT_NEGATING_NEXT = frozenset({"only", "just", "simply", "merely", "solely", "longer", "always"})
_CLAUSE_END = re.compile(r"[.,;:!?()\[\]\n]")
_WORD = re.compile(r"[\w'\u2019]+")
_INDEX = re.compile(r"\[\d+\]")


@lru_cache(maxsize=4096)
def schema_path(path: str) -> str:
    """``children[2].account`` -> ``children[].account`` (memoised: the same paths recur)."""
    return _INDEX.sub("[]", path)


def _phrase_regex(phrase: str) -> str:
    return r"[\s\-]+".join(re.escape(word) for word in phrase.split())


def term_body(term: Term) -> str:
    """The term as a regular expression, without the word boundaries."""
    return _phrase_regex(term.phrase) if term.phrase is not None else f"(?:{term.pattern})"


def is_negated(text: str, start: int) -> bool:
    """A negation among the three words before ``start``, in the same clause, or a ``non-`` prefix."""
    before = text[max(0, start - NEGATION_WINDOW) : start]
    if before.lower().endswith(("non-", "non ")):
        return True
    clause = _CLAUSE_END.split(before)[-1]
    words = [w.lower() for w in _WORD.findall(clause)][-NEGATION_WORDS:]
    for i, word in enumerate(words):
        if word in NEGATORS or word.replace("\u2019", "'").endswith("n't"):
            following = words[i + 1] if i + 1 < len(words) else ""
            if following not in NOT_NEGATING_NEXT:
                return True
    return False


@dataclass(frozen=True, slots=True)
class RuleMatcher:
    """One language rule's terms in one regular expression, compiled once per rule-set version."""

    regex: re.Pattern[str]
    terms: Mapping[str, Term]  # group name -> term
    excluded: frozenset[str]  # schema paths the rule does not scan

    def hits(self, path: str, text: str, found: list[FindingDetail]) -> None:
        for match in self.regex.finditer(text):
            term = self.terms[match.lastgroup or ""]
            if term.negatable and is_negated(text, match.start()):
                continue
            if len(found) < MAX_DETAILS_PER_RULE:
                found.append(FindingDetail(path=path, text=match.group(0), suggestion=term.suggestion))


def compile_rule(rule: LanguageRule) -> RuleMatcher:
    terms = {f"t{i}": term for i, term in enumerate(rule.terms)}
    parts = [f"(?P<{group}>{term_body(term)})(?!\\w)" for group, term in terms.items()]
    # One shared "not after a letter" test first: most positions fail it at once, which makes the
    # scan several times faster than a word boundary inside each alternative.
    regex = re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")", re.IGNORECASE)
    return RuleMatcher(regex, terms, frozenset(rule.exclude_fields))


@dataclass(frozen=True)
class LanguageMatcher:
    """The compiled language rules of a rule-set version and where free text can be."""

    rules: Mapping[str, RuleMatcher]
    paths: FreeTextPaths

    def scan(
        self, rule_ids: Iterable[str], facts: Mapping[str, Any]
    ) -> dict[str, Outcome | list[FindingDetail]]:
        """Per rule: its uses (non-empty list), or ``met`` / ``not_applicable`` when none.

        One walk of the free text; one regular-expression pass per rule and text. A rule that does
        not apply is not scanned, and a term of one rule never hides a term of another.
        """
        matchers = {rule_id: self.rules[rule_id] for rule_id in rule_ids}
        found: dict[str, list[FindingDetail]] = {rule_id: [] for rule_id in matchers}
        scanned: set[str] = set()
        for path, text in iter_free_text(facts, self.paths):
            where = schema_path(path)
            for rule_id, matcher in matchers.items():
                if where not in matcher.excluded:
                    scanned.add(rule_id)
                    matcher.hits(path, text, found[rule_id])
        return {
            rule_id: uses or (Outcome.met if rule_id in scanned else Outcome.not_applicable)
            for rule_id, uses in found.items()
        }


def compile_language(rules: Iterable[LanguageRule]) -> LanguageMatcher | None:
    matchers = {rule.id: compile_rule(rule) for rule in rules}
    return LanguageMatcher(matchers, free_text_paths()) if matchers else None


def language_outcomes(
    matcher: LanguageMatcher,
    rules: Sequence[tuple[LanguageRule, bool]],
    facts: Mapping[str, Any],
) -> tuple[dict[str, Outcome], dict[str, tuple[FindingDetail, ...]]]:
    """Outcomes of the language rules (``(rule, applies)``) and the details of each use."""
    outcomes = {rule.id: Outcome.not_applicable for rule, _ in rules}
    details: dict[str, tuple[FindingDetail, ...]] = {}
    applicable = [rule.id for rule, applies in rules if applies]
    if not applicable:
        return outcomes, details
    for rule_id, result in matcher.scan(applicable, facts).items():
        if isinstance(result, list):
            outcomes[rule_id] = Outcome.missing
            details[rule_id] = tuple(result)
        else:
            outcomes[rule_id] = result
    return outcomes, details
