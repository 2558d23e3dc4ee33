"""A submission's result values and canonical bytes, built from the findings' shared values and bytes
(``submissions._result``), equal ``decision.model_dump(mode="json")`` and its canonical JSON, for
every rule-set version, hook and a varied corpus of checklists."""

from __future__ import annotations

from itertools import cycle, pairwise

import orjson

from app.rules.canonical import canonical_json
from app.rules.checklist import Checklist
from app.rules.decision import FindingTable, Outcome, finding_values, make_finding
from app.rules.registry import RulesetRegistry
from app.schemas.incidents import SubmissionCreate
from app.services import submissions
from benchmarks.corpus import generate
from tests.submissions import submission

HOOKS = (None, "scene.depart", "scene.arrival", "incident.close", "referral.followup")


def test_result_equals_the_decisions_json_values(registry: RulesetRegistry) -> None:
    versions = [c.document.version for i in registry.ids() for c in registry.versions(i)]
    seen_details = seen_basis = False
    for checklist, hook, version in zip(generate(90), cycle(HOOKS), cycle(versions), strict=False):
        ref = Checklist.model_validate(checklist).incident.reference
        fields = {**submission(ref, hook=hook), "checklist": checklist, "ruleset": {"version": version}}
        body = SubmissionCreate.model_validate(fields)
        item = submissions.prepare(
            registry, ref, body, idempotency_key="k", base_revision=None, requested_by="t"
        )
        expected = item.decision.model_dump(mode="json")
        assert item.result == expected
        assert list(item.result) == list(expected)
        assert all(type(v) is str for v in item.result["outcomes"].values())
        assert item.record.result == canonical_json(expected)
        assert item.findings == expected["findings"]
        seen_details = seen_details or any(f.details for f in item.decision.findings)
        seen_basis = seen_basis or any(f.basis is not None for f in item.decision.findings)
    assert seen_details  # findings made for one evaluation (not shared)
    assert seen_basis  # semantics-2 findings


def test_a_shared_findings_values_are_worked_out_once(registry: RulesetRegistry) -> None:
    rules = registry.versions(registry.ids()[0])[-1].document.rules
    shared = FindingTable(rules).get(rules[0], Outcome.missing, False)
    assert finding_values(shared)[0] is finding_values(shared)[0]
    own = make_finding(rules[0], Outcome.missing)  # not a table's: made again each time
    assert finding_values(own)[0] is not finding_values(own)[0]


def test_a_finding_gets_its_own_values_after_a_shared_one_has_gone(registry: RulesetRegistry) -> None:
    rules = registry.versions(registry.ids()[0])[-1].document.rules
    for first, second in pairwise(rules):
        table = FindingTable([first])
        finding_values(table.get(first, Outcome.missing, False))
        del table  # its findings' ids may be the next finding's
        fresh = make_finding(second, Outcome.unknown, evaluation_error=True)
        values = fresh.model_dump(mode="json")
        assert finding_values(fresh)[0] == values
        assert orjson.dumps(finding_values(fresh)[1]) == canonical_json(values)
