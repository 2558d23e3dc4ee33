"""What retention erases from a decision record, fixed when the record is appended.

Which checklist fields are personal is read from the checklist schema by its one walker
(``personal`` leaves of ``app/rules/shape.py``): a string without a ``pattern`` (identifiers such as
references and collar numbers have one) or a ``date`` (a date of birth). A new free-text field is
therefore erased without anyone remembering to list it. From the result, the text that finding
details quote goes.

``plan(input, result)`` gives the JSON pointers of that content (``/input/children/0/full_name``,
``/result/findings/2/details/0/text``) and the canonical bytes of input and result with exactly
those nulled. The decision chain covers the pointers and the digests of the erased bytes, so a
later erasure is checked against what was promised at append time: it can remove that content and
nothing else, even after the checklist model has changed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from app.rules.canonical import canonical_json
from app.rules.shape import erase, personal_paths, schema_paths


def personal_fields() -> Iterator[str]:
    """Every personal field path of the checklist schema (for documentation and tests)."""
    yield from (f"/{path}" for path in schema_paths(personal_paths(), "", "/"))


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


def plan(input_json: bytes | str, result_json: bytes | str, *, canonical: bool = False) -> ErasurePlan:
    """The erasure a record will undergo, computed from the current checklist model.

    ``canonical``: ``result_json`` is canonical JSON bytes (a ``PendingRecord``'s). Then a result
    without a ``"text"`` key anywhere quotes nothing, and what retention leaves of it is those bytes
    themselves: not parsed and written again (``tests/services/test_erasure_plan.py``)."""
    data = orjson.loads(input_json)
    pointers: list[str] = []
    erase(data, personal_paths(), "/input", pointers)  # the schema walker's personal leaves, nulled
    if canonical and isinstance(result_json, bytes) and _TEXT_KEY not in result_json:
        return ErasurePlan(pointers, canonical_json(data), result_json)
    result = orjson.loads(result_json)
    quoted = quoted_text(result)
    return ErasurePlan(
        pointers + quoted, canonical_json(data), canonical_json(null_pointers(result, quoted, "/result"))
    )


# How a finding detail's quoted text starts in canonical JSON (a key; inside a string value the
# quotes would be escaped, so the bytes can only name more than is there, never less).
_TEXT_KEY = b'"text":'


def apply(input_json: str, result_json: str, pointers_json: str) -> tuple[str, str]:
    """Input and result with the recorded pointers nulled: what retention stores."""
    pointers: list[str] = orjson.loads(pointers_json)
    erased_input = canonical_json(null_pointers(orjson.loads(input_json), pointers, "/input"))
    erased_result = canonical_json(null_pointers(orjson.loads(result_json), pointers, "/result"))
    return erased_input.decode("utf-8"), erased_result.decode("utf-8")
