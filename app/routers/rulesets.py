"""Rule-set catalogue and hook discovery."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from app.http.deps import RegistryDep
from app.http.guards import AUTH_ERRORS, Authorize
from app.rules.diff import RulesetDiff
from app.rules.engine import RulesetRef
from app.rules.model import RULESET_ID_PATTERN, SEMVER_PATTERN
from app.schemas.errors import error_responses
from app.schemas.evaluate import (
    DEFAULT_RULESET,
    HookCatalogue,
    RulesetSummary,
    RulesetVersionDetail,
)
from app.services import rulesets as service

router = APIRouter(prefix="/v1", tags=["rulesets"], responses=AUTH_ERRORS)
READ = [Depends(Authorize("ruleset:read"))]

RulesetId = Annotated[str, Query(pattern=RULESET_ID_PATTERN)]
Version = Annotated[str | None, Query(pattern=SEMVER_PATTERN)]
FromVersion = Annotated[
    str, Query(alias="from", pattern=SEMVER_PATTERN, description="The older version, e.g. 1.0.0.")
]
ToVersion = Annotated[
    str, Query(alias="to", pattern=SEMVER_PATTERN, description="The newer version, e.g. 1.1.0.")
]


@router.get("/rulesets", response_model=list[RulesetSummary], dependencies=READ)
def list_rulesets(registry: RegistryDep) -> list[RulesetSummary]:
    """Every rule set with all its versions, statuses, effective dates and hashes."""
    return service.list_rulesets(registry)


@router.get(
    "/rulesets/{ruleset_id}/versions/{version}",
    response_model=RulesetVersionDetail,
    responses=error_responses(404),
    dependencies=READ,
)
def get_ruleset_version(ruleset_id: str, version: str, registry: RegistryDep) -> RulesetVersionDetail:
    """One rule-set version with every rule, its conditions and its citations."""
    return service.version_detail(registry.get(ruleset_id, version))


@router.get(
    "/rulesets/{ruleset_id}/diff",
    response_model=RulesetDiff,
    responses=error_responses(404, 422),
    dependencies=READ,
)
def diff_ruleset_versions(
    ruleset_id: str, from_version: FromVersion, to_version: ToVersion, registry: RegistryDep
) -> RulesetDiff:
    """Rules added, removed and changed between two versions, with what changed, grouped by step."""
    return service.diff_versions(registry, ruleset_id, from_version, to_version)


@router.get("/hooks", response_model=HookCatalogue, responses=error_responses(404, 422), dependencies=READ)
def list_hooks(
    registry: RegistryDep, ruleset_id: RulesetId = DEFAULT_RULESET, version: Version = None
) -> HookCatalogue:
    """The workflow moments and the rules that apply at each (latest published version by default)."""
    return service.hook_catalogue(registry, RulesetRef(ruleset_id, version))
