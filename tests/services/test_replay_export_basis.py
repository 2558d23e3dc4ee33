"""Results in words: CSV exports (an impact names the basis of a missing outcome, semantics 2, e.g.
`unknown>missing/not_recorded`; a record not re-made says why, in both modes) and the workspace's
one-line description of a result."""

from __future__ import annotations

from types import SimpleNamespace

import orjson

from app.rules.replay import ChangeKind, FindingChange
from app.schemas.replay import ReplayMode, detail_of
from app.services.replay.export import AS_RECORDED_COLUMNS, IMPACT_COLUMNS, csv_row, describe


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
    assert (values["error"], values["erased"]) == ("", "false")
    assert values["outcome_changed"] == (
        "T-SEEN:unknown>missing/not_recorded T-ID:missing/recorded>missing/not_recorded "
        "T-VOICE:missing/recorded>unknown"
    )


ERASED: dict[str, object] = {"kind": "erased", "erased": ["/children/0/full_name"], "reproducible": False}
ERROR: dict[str, object] = {
    "kind": "error",
    "error": "the stored result is not a JSON object",
    "stored_result": None,
}


def _unmade_row(detail: dict[str, object] = ERASED) -> SimpleNamespace:
    return SimpleNamespace(
        seq=2,
        decision_id="d-2",
        incident_ref="NOR-2",
        recorded_ruleset="concern-for-a-child@1.2.0",
        flagged=True,
        newly_blocking=False,
        detail=orjson.dumps(detail).decode(),
    )


def test_a_record_not_compared_says_why_and_its_impact_columns_are_empty() -> None:
    for detail, why in ((ERASED, ("", "true")), (ERROR, ("the stored result is not a JSON object", "false"))):
        values = dict(zip(IMPACT_COLUMNS, csv_row(ReplayMode.impact, _unmade_row(detail)), strict=True))
        assert (values["error"], values["erased"]) == why
        assert (values["seq"], values["decision_id"], values["incident_ref"]) == (2, "d-2", "NOR-2")
        named = {"seq", "decision_id", "incident_ref", "recorded_ruleset", "error", "erased"}
        assert {values[c] for c in set(IMPACT_COLUMNS) - named} == {""}, "no change, blocking or score"


def test_an_erased_record_as_recorded_is_not_reproduced_and_says_why() -> None:
    values = dict(zip(AS_RECORDED_COLUMNS, csv_row(ReplayMode.as_recorded, _unmade_row()), strict=True))
    assert (values["reproduced"], values["error"], values["erased"]) == ("false", "", "true")


def test_each_kind_of_result_is_described_in_one_line() -> None:
    impact = {
        "kind": "impact",
        "blocking_before": False,
        "blocking_after": True,
        "score_before": 80.0,
        "score_after": 62.5,
        "changes": [
            FindingChange("T-ID", "CFC-IDENTIFY-ALL-CHILDREN", ChangeKind.appeared, None, "critical", None,
                          "missing", None, "not_recorded").to_json(),
            FindingChange("T-VOICE", "CFC-VOICE-OF-CHILD", ChangeKind.severity, "high", "critical", "missing",
                          "missing", "recorded", "recorded").to_json(),
        ],
    }  # fmt: skip
    unchanged = {**impact, "blocking_after": False, "score_after": 80.0, "changes": []}
    not_reproduced = {
        "kind": "not_reproduced",
        "stored_hash": "a" * 64,
        "replayed_hash": "b" * 64,
        "differing_fields": ["blocking", "score"],
        "stored_result": {},
        "replayed_result": {},
    }
    described = {
        "impact": describe(detail_of(orjson.dumps(impact))),
        "unchanged": describe(detail_of(orjson.dumps(unchanged))),
        "not_reproduced": describe(detail_of(orjson.dumps(not_reproduced))),
        "error": describe(detail_of(orjson.dumps(ERROR))),
        "erased": describe(detail_of(orjson.dumps(ERASED))),
        "reproduced": describe(detail_of(orjson.dumps({"kind": "reproduced", "stored_hash": "a" * 64,
                                                        "replayed_hash": "a" * 64}))),
    }  # fmt: skip
    assert described == {
        "impact": "appears T-ID(critical); severity T-VOICE:high>critical; now blocking; score 80.0 > 62.5",
        "unchanged": "no change",
        "not_reproduced": "not reproduced: blocking score differ",
        "error": "not re-made: the stored result is not a JSON object",
        "erased": "not re-made: retention erased 1 personal field",
        "reproduced": "reproduced",
    }
