"""The OpenAPI document shows clients a complete submission."""

from __future__ import annotations

from app.main import create_app
from app.schemas.incidents import EXAMPLE_SUBMISSION, SubmissionCreate


def test_submission_schema_carries_a_full_valid_example() -> None:
    schema = create_app().openapi()
    examples = schema["components"]["schemas"]["SubmissionCreate"]["examples"]
    assert examples == [EXAMPLE_SUBMISSION]
    assert SubmissionCreate.model_validate(examples[0]).checklist.children
    operation = schema["paths"]["/v1/incidents/{incident_ref}/checklists"]["post"]
    assert operation["operationId"] == "submit_checklist"
    assert {"409", "412", "422"} <= set(operation["responses"])
    parameters = {p["name"] for p in operation["parameters"]}
    assert {"Idempotency-Key", "If-Match"} <= parameters
