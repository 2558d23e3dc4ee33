"""Signed rule bundles for offline evaluation (issue 16): the manifest, each version's bundle and
the public keys that verify them. The format: ``docs/bundles.md``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Request, Response

from app.http.guards import AUTH_ERRORS, Authorize, anonymous
from app.rules.model import RULESET_ID_PATTERN, SEMVER_PATTERN
from app.schemas.bundles import BundleKeys
from app.schemas.errors import error_responses
from app.services.bundles import MEDIA_TYPE, BundleService, Signed

router = APIRouter(prefix="/v1", tags=["bundles"], responses=AUTH_ERRORS)
READ = [Depends(Authorize("bundle:read"))]

RulesetId = Annotated[str, Path(pattern=RULESET_ID_PATTERN)]
Version = Annotated[str, Path(pattern=SEMVER_PATTERN)]
IfNoneMatch = Annotated[
    str | None, Header(description="An ETag from an earlier download: 304 if it is still current.")
]
SIGNED: dict[int | str, dict[str, Any]] = {
    200: {"content": {MEDIA_TYPE: {}}, "description": "The signed document (see docs/bundles.md)."},
    304: {"description": "Not modified: the ETag given in If-None-Match is still current."},
}


async def get_bundles(request: Request) -> BundleService:
    service: BundleService = request.app.state.bundles
    return service


BundlesDep = Annotated[BundleService, Depends(get_bundles)]


def signed_response(signed: Signed, if_none_match: str | None) -> Response:
    # Bundles change only with a deployment: devices may keep them, but must revalidate.
    headers = {"ETag": signed.etag, "Cache-Control": "private, no-cache"}
    if signed.matches(if_none_match):
        return Response(status_code=304, headers=headers)
    return Response(signed.body, 200, headers, media_type=MEDIA_TYPE)


@router.get(
    "/bundles/{ruleset_id}",
    response_class=Response,
    responses={**SIGNED, **error_responses(404, 503)},
    dependencies=READ,
)
def get_bundle_manifest(
    ruleset_id: RulesetId, bundles: BundlesDep, if_none_match: IfNoneMatch = None
) -> Response:
    """Signed manifest: every published version with its effective dates, content hash and the
    SHA-256 of its signed bundle, so a device offline for days picks the version in force."""
    return signed_response(bundles.manifest(ruleset_id), if_none_match)


@router.get(
    "/bundles/{ruleset_id}/{version}",
    response_class=Response,
    responses={**SIGNED, **error_responses(404, 503)},
    dependencies=READ,
)
def get_bundle(
    ruleset_id: RulesetId, version: Version, bundles: BundlesDep, if_none_match: IfNoneMatch = None
) -> Response:
    """Signed, self-contained rule bundle of one version: every hook's compiled ZEN program, the
    rules' texts and citations, the checklist JSON Schema, blocking flags and scoring."""
    return signed_response(bundles.bundle(ruleset_id, version), if_none_match)


@router.get("/bundle-keys", response_model=BundleKeys, dependencies=[Depends(anonymous)])
def list_bundle_keys(bundles: BundlesDep) -> BundleKeys:
    """The Ed25519 public keys that sign bundles (current first, then retired ones still trusted).
    Public: a device should be provisioned with them before it goes out of signal."""
    return BundleKeys.model_validate({"keys": bundles.public_keys()})
