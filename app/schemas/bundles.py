"""Shapes of the bundle routes' JSON answers (the bundles themselves are signed documents)."""

from __future__ import annotations

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from app.rules.decision import Outcome, RulesetIdentity


class Jwk(BaseModel):
    kty: str = "OKP"
    crv: str = "Ed25519"
    x: str = Field(description="The raw public key, base64url without padding (RFC 8037).")
    kid: str
    use: str = "sig"


class BundleKey(BaseModel):
    key_id: str = Field(description="Named by a signed document's `key_id`: SHA-256 of the raw key, 16 hex.")
    algorithm: str = "Ed25519"
    public_key: str = Field(description="The raw 32-byte public key, base64.")
    current: bool = Field(description="The key new bundles are signed with; others are retired keys.")
    jwk: Jwk


class BundleKeys(BaseModel):
    keys: list[BundleKey]


class DeviceDecision(BaseModel):
    """A decision a device computed offline from a signed bundle, sent with a later submission.

    Marked as the device's own: the server evaluates the checklist itself and that evaluation is
    the one of record; this is only compared with it. The offline evaluator's decision can be sent
    as it returned it: the fields below are read, any others are ignored.
    """

    model_config = ConfigDict(extra="ignore")

    ruleset: RulesetIdentity = Field(description="The bundle's rule set: id, version, content hash.")
    engine_version: str = Field(
        min_length=1,
        max_length=200,
        description="The device's evaluator, e.g. `safesteps-offline-js/1.0.0 ...`.",
    )
    hook: str | None = Field(description="The hook the device evaluated at.")
    as_of: AwareDatetime | None = Field(description="The time the device evaluated at.")
    blocking: bool
    score: float | None
    outcomes: dict[str, Outcome] = Field(max_length=1000)


class DeviceAgreement(BaseModel):
    """Whether the device's offline decision agreed with the server's engine on the same inputs: the
    checklist submitted, at the device's hook, rule-set version and ``as_of`` (the server evaluates
    again at them when they differ from the submission's evaluation of record)."""

    agreed: bool = Field(description="Same outcome for every rule, same blocking, same score.")
    engine_version: str = Field(description="The device's evaluator, as it reported it.")
    differences: list[str] = Field(
        description="What differed: `blocking`, `score`, `ruleset`, or a rule id with both outcomes."
    )
