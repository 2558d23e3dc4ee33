"""Every worked request in docs/integration.md, sent in order to the service, gets the response shown.

A request is an ```http block (method and path, headers, a JSON body); the line after it says
"Response `NNN`", optionally with `Header: value` pairs, and the ```json block that follows is an
abridged response: every field shown must be in the real one with that value (lists compare item
by item from the start)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, NamedTuple

from fastapi.testclient import TestClient

from tests.auth import Credentials

DOC = Path(__file__).resolve().parents[2] / "docs" / "integration.md"
EXAMPLE = re.compile(
    r"```http\n(?P<request>.*?)```\s*\n+"
    r"Response `(?P<status>\d{3})`(?P<note>(?:(?!```).)*?)\n+"
    r"```json\n(?P<body>.*?)```",
    re.S,
)
KEYS = {"<control-room key>": "control_room", "<MDT key>": "mdt"}
FORCE = "WMP"


class Example(NamedTuple):
    line: int
    method: str
    path: str
    headers: dict[str, str]
    body: Any
    status: int
    response_headers: dict[str, str]
    expected: Any


def examples() -> list[Example]:
    text = DOC.read_text("utf-8")
    found = []
    for match in EXAMPLE.finditer(text):
        head, _, body = match["request"].partition("\n\n")
        request_line, *header_lines = head.splitlines()
        method, path = request_line.split()[:2]
        headers = dict(line.split(": ", 1) for line in header_lines)
        shown = dict(re.findall(r"`([A-Za-z-]+): ([^`]+)`", match["note"]))
        found.append(
            Example(
                line=text.count("\n", 0, match.start()) + 1,
                method=method,
                path=path,
                headers=headers,
                body=json.loads(body) if body.strip() else None,
                status=int(match["status"]),
                response_headers=shown,
                expected=json.loads(match["body"]),
            )
        )
    return found


def contains(actual: Any, expected: Any, where: str = "") -> list[str]:
    """Where ``actual`` differs from the abridged ``expected``."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{where}: expected an object, got {actual!r}"]
        problems = []
        for key, value in expected.items():
            if key not in actual:
                problems.append(f"{where}.{key}: absent")
            else:
                problems += contains(actual[key], value, f"{where}.{key}")
        return problems
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) < len(expected):
            return [f"{where}: expected at least {len(expected)} items, got {actual!r}"]
        return [p for i, item in enumerate(expected) for p in contains(actual[i], item, f"{where}[{i}]")]
    return [] if actual == expected else [f"{where}: expected {expected!r}, got {actual!r}"]


def test_the_document_has_an_example_for_every_hook_a_client_calls() -> None:
    from app.rules import vocabulary

    shown = {e.body.get("hook") for e in examples() if isinstance(e.body, dict)}
    shown |= {
        item.get("hook") for e in examples() if isinstance(e.body, dict) for item in e.body.get("items", [])
    }
    assert set(vocabulary.hooks()) - shown == {"audit.replay"}  # run by replay jobs, not clients


def test_every_worked_request_gets_the_response_shown(
    anonymous_client: TestClient, creds: Credentials
) -> None:
    cases = examples()
    assert len(cases) >= 20
    for example in cases:
        headers = dict(example.headers)
        role = KEYS[headers.pop("Authorization").removeprefix("Bearer ")]
        headers.update(creds.headers(role, force=FORCE))
        response = anonymous_client.request(example.method, example.path, headers=headers, json=example.body)
        where = f"docs/integration.md line {example.line}: {example.method} {example.path}"
        assert response.status_code == example.status, (
            f"{where}: {response.status_code} {response.text[:600]}"
        )
        for name, value in example.response_headers.items():
            assert response.headers.get(name) == value, f"{where}: header {name}"
        problems = contains(response.json(), example.expected)
        assert problems == [], f"{where}:\n" + "\n".join(problems)
