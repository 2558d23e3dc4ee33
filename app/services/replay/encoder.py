"""The canonical JSON of a replayed decision, built from cached pieces (replay's hot path).

Reproducing a decision means comparing the canonical JSON of its re-evaluation with the stored
result, byte for byte. ``app.rules.replay.result_json`` dumps the decision model and sorts it: about
12 us a decision, a large share of a replay. Most of a decision never varies: findings without
details come from the rule set's finding table (shared objects), outcome counts are interned, the
rule-set identity belongs to the compiled rule set. ``ResultEncoder`` keeps the canonical JSON of
each such object (held, so its id stays its own) and lets orjson sort and join the few fields that
do vary. ``tests/services/test_replay_encoder.py`` holds its bytes equal to ``result_json``'s on
every hook of every built-in rule-set version, with language details and pinned times.
"""

from __future__ import annotations

from typing import Any

import orjson
from pydantic import BaseModel

from app.rules.canonical import canonical_json
from app.rules.decision import Decision

_CANONICAL = orjson.OPT_SORT_KEYS | orjson.OPT_UTC_Z
# Decision fields encoded from cached pieces; every other field is a plain value orjson encodes as
# Pydantic's JSON mode does (text, numbers, booleans, null, aware datetimes, string enums).
_PIECES = frozenset({"ruleset", "counts", "findings"})
_PLAIN = tuple(name for name in Decision.model_fields if name not in _PIECES)
_LIMIT = 100_000  # cached objects; beyond it the cache starts again (it only ever saves time)


class ResultEncoder:
    def __init__(self) -> None:
        self._pieces: dict[int, tuple[BaseModel, orjson.Fragment]] = {}

    def _piece(self, model: BaseModel) -> orjson.Fragment:
        cached = self._pieces.get(id(model))
        if cached is not None and cached[0] is model:
            return cached[1]
        if len(self._pieces) >= _LIMIT:
            self._pieces.clear()
        piece = orjson.Fragment(canonical_json(model.model_dump(mode="json")))
        self._pieces[id(model)] = (model, piece)
        return piece

    def encode(self, decision: Decision) -> bytes:
        """``canonical_json(decision.model_dump(mode="json"))``, byte for byte."""
        data: dict[str, Any] = {name: getattr(decision, name) for name in _PLAIN}
        data["ruleset"] = self._piece(decision.ruleset)
        data["counts"] = {severity.value: self._piece(c) for severity, c in decision.counts.items()}
        data["findings"] = [
            # A finding with details is built per evaluation: nothing to reuse.
            orjson.Fragment(canonical_json(f.model_dump(mode="json"))) if f.details else self._piece(f)
            for f in decision.findings
        ]
        return orjson.dumps(data, option=_CANONICAL)
