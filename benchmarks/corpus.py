"""Synthetic checklists for benchmarks: invented people, varied completeness, a seeded RNG.

The generator walks the checklist schema (``app.rules.checklist.Checklist``) rather than listing its
fields, so a field added to the schema is filled without touching this file; a few fields get
coherent values by name (ids, counts, names, who is responsible for which child). Every checklist
is validated against the schema before use: a benchmark never times input the API would refuse.

Each checklist draws a completeness level: the chance that an optional field is recorded at all.
Recorded answers are mostly "done" and sometimes "not done", so every rule sees all of ``met``,
``missing``, ``unknown`` and ``not_applicable`` across a corpus.
"""

from __future__ import annotations

import json
import random
import types
import typing
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from typing import Any, Literal, Union

import annotated_types
from pydantic import AwareDatetime, BaseModel
from pydantic.fields import FieldInfo

from app.rules.checklist import SCHEMA_VERSION, Adult, AdultRole, Checklist, Child

# Invented names only: syllables that make plausible, non-real names.
_FIRST = ("Ari", "Bex", "Cal", "Dov", "Esk", "Fen", "Gry", "Hal", "Iso", "Jud", "Kes", "Lor", "Mab")
_END = ("an", "el", "ia", "o", "ryn", "is", "et", "wen", "ay")
_SURNAME = ("Thornquill", "Abbercrane", "Mistlefold", "Orrowby", "Quenby-Lark", "Vantrell")
_WORDS = (
    "officer", "noted", "child", "calm", "asleep", "kitchen", "recorded", "adult", "present",
    "advised", "checked", "room", "upstairs", "neighbour", "reported", "school", "visit", "safe",
)  # fmt: skip
_FLAGGED = ("lifestyle choice", "putting herself at risk", "streetwise", "absconded", "sexually active")
_BASE_TIME = datetime(2025, 3, 1, tzinfo=UTC)
# Sections that only some incidents have (a missing child, a child in custody, image abuse).
_SECTION_CHANCE = {"missing": 0.15, "custody": 0.15, "image_abuse": 0.15, "narratives": 0.4}
_ADULT_ROLES = (
    [AdultRole.parent],
    [AdultRole.parent, AdultRole.suspect],
    [AdultRole.parental_responsibility],
    [AdultRole.carer],
    [AdultRole.suspect],
    [AdultRole.witness],
    [AdultRole.other],
)


class _Gen:
    def __init__(self, rng: random.Random, completeness: float) -> None:
        self.rng, self.p = rng, completeness
        self.start = _BASE_TIME + timedelta(minutes=rng.randrange(0, 60 * 24 * 300))
        self.serial = 0

    # -- values by type -------------------------------------------------------------------------

    def answer(self) -> bool:
        return self.rng.random() < 0.78

    def text(self, max_length: int) -> str:
        words = self.rng.choices(_WORDS, k=self.rng.randint(3, 12))
        if self.rng.random() < 0.02:  # the wording the language rules exist to catch
            words.insert(self.rng.randrange(len(words)), self.rng.choice(_FLAGGED))
        return " ".join(words).capitalize()[:max_length]

    def token(self) -> str:
        """Matches both the reference pattern and the force-code pattern of the schema."""
        self.serial += 1
        return f"Q{self.rng.randrange(1000, 9999)}{self.serial}"

    def when(self) -> datetime:
        return self.start + timedelta(minutes=self.rng.randint(0, 600))

    def name(self) -> str:
        first = self.rng.choice(_FIRST) + self.rng.choice(_END)
        return f"{first} {self.rng.choice(_SURNAME)}"

    def value(self, annotation: Any, metadata: list[Any], name: str) -> Any:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            inner, *extra = typing.get_args(annotation)
            more = [m for e in extra for m in (e.metadata if isinstance(e, FieldInfo) else [e])]
            return self.value(inner, metadata + more, name)
        if origin in (Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            return self.value(self.rng.choice(options), metadata, name)
        if origin is Literal:
            return self.rng.choice(typing.get_args(annotation))
        if origin is list:
            (item,) = typing.get_args(annotation)
            high = min(_bound(metadata, "max_length", 3), 3)
            return [self.value(item, [], name) for _ in range(self.rng.randint(1, high))]
        if isinstance(annotation, type):
            if issubclass(annotation, BaseModel):
                return self.model(annotation)
            if issubclass(annotation, Enum):
                return self.rng.choice(list(annotation)).value
            if annotation is bool:
                return self.answer()
            if annotation is int:
                low, high = _bound(metadata, "ge", 0), _bound(metadata, "le", 60)
                return self.rng.randint(low, min(high, low + 60))
            if annotation in (datetime, AwareDatetime):
                return self.when().isoformat()
            if annotation is date:
                return (date(2010, 1, 1) + timedelta(days=self.rng.randrange(0, 5000))).isoformat()
            if annotation is str:
                if any(getattr(m, "pattern", None) for m in metadata):
                    return self.token()
                if name.endswith("name"):
                    return self.name()
                return self.text(_bound(metadata, "max_length", 200))
        raise TypeError(f"corpus: no generator for {annotation!r} ({name}); teach benchmarks/corpus.py")

    def model(
        self, cls: type[BaseModel], chance: dict[str, float] | None = None, **fixed: Any
    ) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for field, info in cls.model_fields.items():
            if field in fixed:
                out[field] = fixed[field]
            elif info.is_required() or self.rng.random() < (chance or {}).get(field, self.p):
                out[field] = self.value(info.annotation, list(info.metadata), field)
        return out

    # -- a coherent checklist -------------------------------------------------------------------

    def checklist(self) -> dict[str, Any]:
        n_children, n_adults = self.rng.randint(1, 8), self.rng.randint(1, 6)
        adults = [
            self.model(Adult, id=f"A{i + 1}", roles=[r.value for r in self.rng.choice(_ADULT_ROLES)])
            for i in range(n_adults)
        ]
        children = [
            self.model(
                Child,
                id=f"C{i + 1}",
                responsible_adult_id=self.rng.choice(adults)["id"],
                age=self.rng.randint(0, 17),
            )
            for i in range(n_children)
        ]
        for child in children:
            if self.rng.random() > self.p:  # responsible adult not recorded
                del child["responsible_adult_id"]
        data = self.model(
            Checklist, _SECTION_CHANCE, schema_version=SCHEMA_VERSION, children=children, adults=adults
        )
        call = data.get("call")
        if call and "children_count" in call:  # the caller's count; sometimes a child is missed
            call["children_count"] = n_children + self.rng.choice((0, 0, 0, 1))
        return data


def _bound(metadata: list[Any], attr: str, default: int) -> int:
    for item in metadata:
        if isinstance(item, annotated_types.BaseMetadata) and hasattr(item, attr):
            value: int = getattr(item, attr)
            return value
    return default


def generate(count: int, seed: int = 20251122) -> list[dict[str, Any]]:
    """``count`` checklists as a client would send them (absent fields left out).

    Each is validated against ``Checklist``; a schema change the generator cannot follow fails here.
    """
    rng = random.Random(seed)
    corpus = []
    for _ in range(count):
        completeness = rng.choice((0.1, 0.3, 0.5, 0.7, 0.9, 1.0))
        raw = _Gen(rng, completeness).checklist()
        Checklist.model_validate(raw)
        corpus.append(raw)
    return corpus


def as_facts(checklist: dict[str, Any]) -> dict[str, Any]:
    """The form the service passes to the engine: the validated checklist dumped as JSON data."""
    return Checklist.model_validate(checklist).model_dump(mode="json")


def request_body(checklist: dict[str, Any], hook: str | None = "scene.depart") -> dict[str, Any]:
    """An evaluate request for ``checklist`` (the body both HTTP endpoints receive)."""
    return {"checklist": checklist, "hook": hook}


def request_bodies(count: int, hook: str, seed: int) -> list[bytes]:
    """``count`` evaluate request bodies as compact JSON, for ``hook`` (``all``: every rule)."""
    chosen = None if hook == "all" else hook
    checklists = generate(count, seed=seed)
    return [json.dumps(request_body(c, chosen), separators=(",", ":")).encode() for c in checklists]
