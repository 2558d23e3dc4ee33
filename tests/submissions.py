"""Builders for submission bodies (synthetic incidents only)."""

from __future__ import annotations

import copy
from typing import Any

from app.schemas.incidents import EXAMPLE_SUBMISSION


def submission(
    ref: str = "WMP-20261122-0042",
    *,
    device_time: str = "2026-11-22T19:45:10+00:00",
    submitted_by: str = "MDT-0815 / PC4711",
    referral_made: bool | None = False,
    hook: str | None = "scene.depart",
    **extra: Any,
) -> dict[str, Any]:
    body = copy.deepcopy(EXAMPLE_SUBMISSION)
    body.pop("base_revision")
    body["checklist"]["incident"]["reference"] = ref
    body["checklist"]["actions"]["referral"]["made"] = referral_made
    body.update(device_time=device_time, submitted_by=submitted_by, hook=hook, **extra)
    return body


def url(ref: str = "WMP-20261122-0042") -> str:
    return f"/v1/incidents/{ref}/checklists"
