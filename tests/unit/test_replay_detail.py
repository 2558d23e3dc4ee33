"""Replay result details: one typed shape per outcome, read back the same way everywhere."""

from __future__ import annotations

import orjson
import pytest
from pydantic import ValidationError

from app.schemas.replay import (
    ErasedDetail,
    FindingChangeDetail,
    ImpactDetail,
    NotReproducedDetail,
    ReplayDetail,
    ReplayErrorDetail,
    ReproducedDetail,
    detail_json,
    detail_of,
)

CHANGE = FindingChangeDetail(
    rule_id="CFC-VOICE-OF-CHILD",
    step_id="VOICE",
    kind="severity_changed",
    severity_before="high",
    severity_after="critical",
    outcome_before="missing",
    outcome_after="missing",
)
DETAILS: list[ReplayDetail] = [
    ReproducedDetail(stored_hash="a" * 64, replayed_hash="a" * 64),
    NotReproducedDetail(
        stored_hash="a" * 64,
        replayed_hash="b" * 64,
        differing_fields=["score"],
        stored_result={"score": 100.0},
        replayed_result={"score": 50.0},
    ),
    ReplayErrorDetail(error="rule set concern-for-a-child@9.0.0 not found", stored_result={"score": 1.0}),
    ErasedDetail(erased=["/input/children/0/full_name"]),
    ImpactDetail(
        blocking_before=False, blocking_after=True, score_before=80.0, score_after=None, changes=[CHANGE]
    ),
]


@pytest.mark.parametrize("detail", DETAILS, ids=lambda d: d.kind)
def test_every_detail_reads_back_as_the_shape_it_was_written_as(detail: ReplayDetail) -> None:
    stored = detail_json(detail)
    assert orjson.loads(stored)["kind"] == detail.kind
    assert detail_of(stored) == detail


def test_details_stored_before_the_kind_was_written_are_told_apart_by_their_keys() -> None:
    for detail in DETAILS:
        legacy = orjson.loads(detail_json(detail))
        del legacy["kind"]
        assert detail_of(orjson.dumps(legacy)) == detail


def test_a_detail_of_no_known_shape_is_refused() -> None:
    with pytest.raises(ValidationError):
        detail_of(b'{"stored_hash": "x"}')  # reproduced, but without its replayed hash
    with pytest.raises(ValidationError):
        detail_of(b'{"something": "else"}')
