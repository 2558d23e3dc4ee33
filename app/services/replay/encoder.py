"""The canonical JSON of a replayed decision, built from cached pieces (replay's hot path).

Reproducing a decision means comparing the canonical JSON of its re-evaluation with the stored
result, byte for byte. ``canonical_json(decision.model_dump(mode="json"))`` dumps the decision
model and sorts it: about 12 us a decision, a large share of a replay. Most of a decision never
varies: findings without details come from the rule set's finding table (shared objects), outcome
counts are interned, the rule-set identity belongs to the compiled rule set. ``ResultEncoder``
keeps the canonical JSON of each such object (held, so its id stays its own) and lets orjson sort
and join the few fields that do vary. ``tests/services/test_replay_encoder.py`` holds its bytes
equal to the plain dump's on every hook of every built-in rule-set version, with language details
and pinned times.
"""

from __future__ import annotations

from typing import Any

import orjson
from pydantic import BaseModel

from app.rules.canonical import canonical_json
from app.rules.decision import Decision, OutcomeCounts

_CANONICAL = orjson.OPT_SORT_KEYS | orjson.OPT_UTC_Z
# Decision fields other than ruleset, counts and findings (encoded from cached pieces) are plain
# values orjson encodes as Pydantic's JSON mode does (text, numbers, booleans, null, aware
# datetimes, string enums).
_LIMIT = 100_000  # cached objects; beyond it the cache starts again (it only ever saves time)


class ResultEncoder:
    def __init__(self) -> None:
        self._pieces: dict[int, tuple[BaseModel, orjson.Fragment]] = {}
        # The counts of a decision as one piece: its four interned ``OutcomeCounts`` (held, so
        # their ids stay theirs) and the severities they are keyed by.
        self._counts: dict[tuple[int, ...], tuple[tuple[Any, ...], orjson.Fragment]] = {}

    def _piece(self, model: BaseModel) -> orjson.Fragment:
        cached = self._pieces.get(id(model))
        if cached is not None and cached[0] is model:
            return cached[1]
        if len(self._pieces) >= _LIMIT:
            self._pieces.clear()
        piece = orjson.Fragment(canonical_json(model.model_dump(mode="json")))
        self._pieces[id(model)] = (model, piece)
        return piece

    def _counts_piece(self, counts: dict[Any, OutcomeCounts]) -> orjson.Fragment:
        held = (*counts, *counts.values())
        key = tuple(map(id, held))
        cached = self._counts.get(key)
        if cached is not None:
            return cached[1]
        if len(self._counts) >= _LIMIT:
            self._counts.clear()
        piece = orjson.Fragment(
            canonical_json({severity.value: c.model_dump(mode="json") for severity, c in counts.items()})
        )
        self._counts[key] = (held, piece)
        return piece

    def encode(self, decision: Decision) -> bytes:
        """``canonical_json(decision.model_dump(mode="json"))``, byte for byte."""
        # A model's fields are its ``__dict__`` (Pydantic keeps private state elsewhere).
        data: dict[str, Any] = dict(decision.__dict__)
        data["ruleset"] = self._piece(decision.ruleset)
        data["counts"] = self._counts_piece(decision.counts)
        piece = self._piece
        data["findings"] = [
            # A finding with details is built per evaluation: nothing to reuse.
            orjson.Fragment(canonical_json(f.model_dump(mode="json"))) if f.details else piece(f)
            for f in decision.findings
        ]
        return orjson.dumps(data, option=_CANONICAL)
