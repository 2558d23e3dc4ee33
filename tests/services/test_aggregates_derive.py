"""The aggregates of a submission, derived from the values it has parsed already, equal those derived
from the stored record's text (``aggregates.derive``'s ``parsed``, used by the submission paths)."""

from __future__ import annotations

from itertools import cycle

from app.models.base import utcnow
from app.rules.checklist import Checklist
from app.rules.registry import RulesetRegistry
from app.schemas.incidents import SubmissionCreate
from app.services import aggregates, audit, submissions
from benchmarks.corpus import generate
from tests.submissions import submission

HOOKS = (None, "scene.depart", "scene.arrival", "incident.close", "referral.followup")


def test_derived_from_parsed_values_equals_derived_from_the_stored_text(registry: RulesetRegistry) -> None:
    catalogue = aggregates.catalogue_for(registry)
    versions = cycle([c.document.version for i in registry.ids() for c in registry.versions(i)])
    cases = zip(generate(60), cycle(HOOKS), versions, strict=False)
    for seq, (checklist, hook, version) in enumerate(cases, start=1):
        ref = Checklist.model_validate(checklist).incident.reference
        fields = {**submission(ref, hook=hook), "checklist": checklist, "ruleset": {"version": version}}
        body = SubmissionCreate.model_validate(fields)
        item = submissions.prepare(
            registry, ref, body, idempotency_key=None, base_revision=None, requested_by="t"
        )
        record = item.record.model_copy(update={"revision": 1, "recorded_at": utcnow()})
        row = {**audit._row(record), "seq": seq}
        parsed = aggregates.Parsed(item.result, body.checklist.incident.force)
        assert aggregates.derive(row, catalogue, parsed) == aggregates.derive(row, catalogue)
