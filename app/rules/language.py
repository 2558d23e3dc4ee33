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
  paths such as ``children[].account``): the child's own words are evidence and are not reworded;
  or scan only some fields (``only_fields``, e.g. the supervisor's notes).

A term is a ``phrase`` (fixed words), a ``pattern`` (a regular expression) or ``words``, a small
grammar for the many forms victim-blaming wording takes, kept as data in the rule set:

- ``a|b`` alternatives for one word (``herself|himself|themselves``);
- ``word~`` the word with its regular inflections (``consent~``: consents, consented, consenting;
  ``put~``: puts, putting; ``place~``: placed, placing); irregular forms are listed (``take~|took``);
- ``...`` between two words: up to three other words may come between them (``in a ... relationship
  with`` matches "in a sexual relationship with");
- `` & `` between parts: the parts may come in any order, up to four words apart (``lifestyle &
  choice~|chose|chosen`` matches "a lifestyle choice" and "the lifestyle she has chosen").

Outcomes: ``not_applicable`` when ``applies_if`` does not hold or no (non-excluded) free text is
recorded, since there is nothing to check, not something left to record; ``missing`` when any term
is used, with one finding detail per use (path such as ``narratives[2].text``, the matched text,
the suggestion); ``met`` when free text is recorded and no term is used. Never ``unknown``.

Each rule's terms are compiled once per rule-set version into one regular expression; a checklist
with no free text costs one walk of the free-text paths and no regular-expression work, and a rule
that does not apply is not scanned.
"""

from __future__ import annotations

import itertools
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


# ---- the `words` grammar: inflections, alternatives, gaps and word order, as data --------------------

_SEP = r"[\s\-]+"
_GAP = r"(?:[\s\-]+[\w'\u2019]+){0,3}[\s\-]+"  # ``...``: up to three other words
_ORDER_GAP = r"(?:[\s\-]+[\w'\u2019]+){0,4}[\s\-]+"  # between the parts of an ``&`` term
_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxz")


def inflections(word: str) -> str:
    """A word and its regular English inflections, as a regular expression (``consent`` -> consents,
    consented, consenting; ``place`` -> placed, placing; ``carry`` -> carries, carried; ``put`` ->
    putting). Irregular forms are written as alternatives (``take~|took|taken``)."""
    stem = re.escape(word)
    if word.endswith("e"):
        return f"{re.escape(word[:-1])}(?:e|es|ed|ing)"
    if word.endswith("y") and len(word) > 2 and word[-2] in _CONSONANTS:
        return f"{re.escape(word[:-1])}(?:y|ies|ied|ying)"
    if len(word) > 2 and word[-1] in _CONSONANTS and word[-2] not in _CONSONANTS:
        doubled = re.escape(word[-1])
        return f"{stem}(?:s|es|ed|ing|{doubled}ed|{doubled}ing)?"
    return f"{stem}(?:s|es|ed|ing)?"


def _word(token: str) -> str:
    options = [inflections(a[:-1]) if a.endswith("~") else re.escape(a) for a in token.split("|") if a]
    return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"


def _part(text: str) -> str:
    out: list[str] = []
    gap = False
    for token in text.split():
        if token == "...":
            if not out or gap:
                raise ValueError(f"`...` must stand between two words: {text!r}")
            gap = True
            continue
        if out:
            out.append(_GAP if gap else _SEP)
        out.append(_word(token))
        gap = False
    if gap or not out:
        raise ValueError(f"`...` must stand between two words: {text!r}")
    return "".join(out)


def words_regex(words: str) -> str:
    """A ``words`` term as a regular expression (no word boundaries, no groups): see the module doc."""
    parts = [_part(p) for p in words.split(" & ")]
    if len(parts) > 3:
        raise ValueError("at most three parts in any order")
    if len(parts) == 1:
        return parts[0]
    orders = [_ORDER_GAP.join(order) for order in itertools.permutations(parts)]
    return "(?:" + "|".join(orders) + ")"


def term_body(term: Term) -> str:
    """The term as a regular expression, without the word boundaries."""
    if term.phrase is not None:
        return _phrase_regex(term.phrase)
    if term.words is not None:
        return words_regex(term.words)
    return f"(?:{term.pattern})"


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
    only: frozenset[str] = frozenset()  # if not empty, the only schema paths the rule scans

    def scans(self, where: str) -> bool:
        return where not in self.excluded and (not self.only or where in self.only)

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
    return RuleMatcher(regex, terms, frozenset(rule.exclude_fields), frozenset(rule.only_fields))


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
                if matcher.scans(where):
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
