"""A record's erasure plan (``erasure.plan``) equals the plain computation - both documents parsed,
personal leaves and quoted text nulled, both dumped canonically - for submissions over every rule-set
version and hook of a varied corpus (with and without quoted finding details), and for results that
only look like they quote something."""

from __future__ import annotations

from itertools import cycle
from typing import Any

import orjson

from app.rules.canonical import canonical_json
from app.rules.checklist import Checklist
from app.rules.registry import RulesetRegistry
from app.rules.shape import erase, personal_paths
from app.schemas.incidents import SubmissionCreate
from app.services import erasure, submissions
from benchmarks.corpus import generate
from tests.submissions import submission

HOOKS = (None, "scene.depart", "scene.arrival", "incident.close", "referral.followup")


def _plain(input_json: bytes, result_json: bytes) -> erasure.ErasurePlan:
    data = orjson.loads(input_json)
    result = orjson.loads(result_json)
    pointers: list[str] = []
    erase(data, personal_paths(), "/input", pointers)
    quoted = erasure.quoted_text(result)
    nulled = erasure.null_pointers(result, quoted, "/result")
    return erasure.ErasurePlan(pointers + quoted, canonical_json(data), canonical_json(nulled))


def _same(got: erasure.ErasurePlan, expected: erasure.ErasurePlan) -> None:
    assert got.pointers == expected.pointers
    assert got.input == expected.input
    assert got.result == expected.result
    assert got.pointers_json == expected.pointers_json


def test_the_plan_of_every_record_equals_the_plain_computation(registry: RulesetRegistry) -> None:
    versions = [c.document.version for i in registry.ids() for c in registry.versions(i)]
    quoting = plain_results = 0
    for checklist, hook, version in zip(generate(120), cycle(HOOKS), cycle(versions), strict=False):
        ref = Checklist.model_validate(checklist).incident.reference
        fields = {**submission(ref, hook=hook), "checklist": checklist, "ruleset": {"version": version}}
        item = submissions.prepare(
            registry,
            ref,
            SubmissionCreate.model_validate(fields),
            idempotency_key=None,
            base_revision=None,
            requested_by="t",
        )
        record = item.record
        expected = _plain(record.input, record.result)
        _same(erasure.plan(record.input, record.result), expected)
        _same(erasure.plan(record.input.decode(), record.result.decode()), expected)
        if any(p.startswith("/result/") for p in expected.pointers):
            quoting += 1
        else:
            plain_results += 1
    assert quoting  # some results quote checklist text in finding details
    assert plain_results


def test_results_that_only_look_like_they_quote_are_planned_alike() -> None:
    checklist = canonical_json({"children": [{"full_name": "Test Child", "id": "C1"}]})
    results: list[dict[str, Any]] = [
        {"findings": [{"details": []}, {"details": None}]},
        {"findings": [{"details": [{"text": None, "path": "x"}]}]},
        {"findings": [{"details": [{"text": "quoted"}]}, {"details": []}]},
        {"findings": [{"title": 'a "details":[{"text":"x"}] b', "details": []}]},
        {"findings": [], "details": [{"text": "not a finding's"}]},
        {"outcomes": {"r1": "met"}},
    ]
    for result in results:
        encoded = canonical_json(result)
        _same(erasure.plan(checklist, encoded), _plain(checklist, encoded))
