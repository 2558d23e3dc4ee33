"""What retention erases from a decision record, fixed when the record is appended.

Which checklist fields are personal is read from the checklist model itself: a string without a
``pattern`` (identifiers such as references and collar numbers have one) or a ``date`` (a date of
birth; event times are datetimes). A new free-text field is therefore erased without anyone
remembering to list it. From the result, the text that finding details quote goes.

``plan(input, result)`` gives the JSON pointers of that content (``/input/children/0/full_name``,
``/result/findings/2/details/0/text``) and the canonical bytes of input and result with exactly
those nulled. The decision chain covers the pointers and the digests of the erased bytes, so a
later erasure is checked against what was promised at append time: it can remove that content and
nothing else, even after the checklist model has changed.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, Union

import orjson
from pydantic import BaseModel

from app.rules.canonical import canonical_json
from app.rules.checklist import Checklist

_PERSONAL, _KEEP = "personal", "keep"


def _kind(annotation: Any, metadata: list[Any]) -> str | type[BaseModel]:
    """``personal``, ``keep``, or the model class to descend into (also through lists/optionals)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        inner = [m for info in extra for m in getattr(info, "metadata", [info])]
        return _kind(base, metadata + inner)
    if origin in (Union, types.UnionType, list):
        kinds = {_kind(arg, metadata) for arg in typing.get_args(annotation) if arg is not type(None)}
        models = [k for k in kinds if not isinstance(k, str)]
        if models:
            return models[0]
        return _PERSONAL if _PERSONAL in kinds else _KEEP
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if annotation is str:
        has_pattern = any(getattr(m, "pattern", None) for m in metadata)
        return _KEEP if has_pattern else _PERSONAL
    if annotation is date:
        return _PERSONAL
    return _KEEP


@cache
def _fields(model: type[BaseModel]) -> dict[str, str | type[BaseModel]]:
    return {name: _kind(field.annotation, list(field.metadata)) for name, field in model.model_fields.items()}


def personal_fields(model: type[BaseModel] = Checklist, prefix: str = "") -> Iterator[str]:
    """Every personal field path of the checklist schema (for documentation and tests)."""
    for name, kind in _fields(model).items():
        if kind == _PERSONAL:
            yield f"{prefix}/{name}"
        elif not isinstance(kind, str):
            yield from personal_fields(kind, f"{prefix}/{name}")


def _personal_pointers(value: Any, model: type[BaseModel], pointer: str, found: list[str]) -> None:
    if not isinstance(value, dict):
        return
    for name, kind in _fields(model).items():
        child = value.get(name)
        if child is None:
            continue
        if kind == _PERSONAL:
            found.append(f"{pointer}/{name}")
        elif not isinstance(kind, str):
            items = child if isinstance(child, list) else [child]
            for index, item in enumerate(items):
                where = f"{pointer}/{name}/{index}" if isinstance(child, list) else f"{pointer}/{name}"
                _personal_pointers(item, kind, where, found)


def quoted_text(result: Any) -> list[str]:
    found = []
    for i, finding in enumerate(result.get("findings") or [] if isinstance(result, dict) else []):
        for j, detail in enumerate(finding.get("details") or []):
            if isinstance(detail, dict) and detail.get("text") is not None:
                found.append(f"/result/findings/{i}/details/{j}/text")
    return found


def null_pointers(document: Any, pointers: Sequence[str], root: str) -> Any:
    """Set each pointer under ``root`` (``/input`` or ``/result``) to null, in place."""
    for pointer in pointers:
        if not pointer.startswith(f"{root}/"):
            continue
        *path, last = pointer[len(root) + 1 :].split("/")
        node = document
        for part in path:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = None
        else:
            node[last] = None
    return document


@dataclass(frozen=True, slots=True)
class ErasurePlan:
    pointers: list[str]
    input: bytes  # canonical JSON of the input with the personal content nulled
    result: bytes

    @property
    def pointers_json(self) -> str:
        return orjson.dumps(self.pointers).decode("utf-8")


def plan(input_json: bytes | str, result_json: bytes | str) -> ErasurePlan:
    """The erasure a record will undergo, computed from the current checklist model."""
    data = orjson.loads(input_json)
    result = orjson.loads(result_json)
    pointers: list[str] = []
    _personal_pointers(data, Checklist, "/input", pointers)
    pointers += quoted_text(result)
    return ErasurePlan(
        pointers,
        canonical_json(null_pointers(data, pointers, "/input")),
        canonical_json(null_pointers(result, pointers, "/result")),
    )


def apply(input_json: str, result_json: str, pointers_json: str) -> tuple[str, str]:
    """Input and result with the recorded pointers nulled: what retention stores."""
    pointers: list[str] = orjson.loads(pointers_json)
    erased_input = canonical_json(null_pointers(orjson.loads(input_json), pointers, "/input"))
    erased_result = canonical_json(null_pointers(orjson.loads(result_json), pointers, "/result"))
    return erased_input.decode("utf-8"), erased_result.decode("utf-8")
