"""Impact exports name the basis of a missing outcome (semantics 2), e.g. `unknown>missing/not_recorded`."""

from __future__ import annotations

from types import SimpleNamespace

import orjson

from app.rules.replay import ChangeKind, FindingChange
from app.schemas.replay import ReplayMode
from app.services.replay.export import IMPACT_COLUMNS, csv_row


def test_outcome_changes_in_csv_carry_the_basis() -> None:
    changes = [
        FindingChange("T-SEEN", "CFC-SEE-EVERY-CHILD", ChangeKind.outcome, "critical", "critical", "unknown",
                      "missing", None, "not_recorded"),
        FindingChange("T-ID", "CFC-IDENTIFY-ALL-CHILDREN", ChangeKind.outcome, "high", "high", "missing",
                      "missing", "recorded", "not_recorded"),
        FindingChange("T-VOICE", "CFC-VOICE-OF-CHILD", ChangeKind.outcome, "high", "high", "missing",
                      "unknown", "recorded", None),
    ]  # fmt: skip
    detail = {
        "blocking_before": False,
        "blocking_after": True,
        "score_before": 50.0,
        "score_after": 25.0,
        "changes": [c.to_json() for c in changes],
    }
    row = SimpleNamespace(
        seq=1,
        decision_id="d-1",
        incident_ref="NOR-1",
        recorded_ruleset="concern-for-a-child@1.1.0",
        flagged=True,
        newly_blocking=True,
        detail=orjson.dumps(detail).decode(),
    )
    values = dict(zip(IMPACT_COLUMNS, csv_row(ReplayMode.impact, row), strict=True))
    assert values["outcome_changed"] == (
        "T-SEEN:unknown>missing/not_recorded T-ID:missing/recorded>missing/not_recorded "
        "T-VOICE:missing/recorded>unknown"
    )
