"""Signed rule bundles and manifests: what an MDT downloads to evaluate with no signal.

A signed document is an envelope around the exact bytes that were signed::

    {"format": "safesteps-signed/1", "algorithm": "Ed25519", "key_id": "...",
     "signature": "<base64>", "payload": "<the bundle's canonical JSON, as a string>"}

A verifier checks the signature over the UTF-8 bytes of ``payload`` with the public key named by
``key_id`` (published at ``GET /v1/bundle-keys``; a device should hold it before it goes out), and
only then parses the payload. Ed25519 signatures are deterministic, so the same bundle signed with
the same key is the same bytes, and its ``ETag`` (SHA-256 of the envelope) is stable across
processes: an MDT polls with ``If-None-Match`` and downloads only when something changed.
"""

from __future__ import annotations

import base64
import binascii
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from threading import Lock
from typing import Any

import orjson
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app.errors import ServiceError
from app.models.base import utcnow
from app.rules import conformance
from app.rules.bundle import build_bundle, build_manifest, bundle_bytes
from app.rules.canonical import sha256_hex
from app.rules.decision import Decision
from app.rules.engine import Facts, RulesetRef, decide
from app.rules.errors import RulesError
from app.rules.registry import RulesetRegistry
from app.schemas.bundles import DeviceAgreement, DeviceDecision
from app.settings import Settings

log = logging.getLogger(__name__)

SIGNED_FORMAT = "safesteps-signed/1"
ALGORITHM = "Ed25519"
MEDIA_TYPE = "application/vnd.safesteps.signed+json"


class BundleSigningUnavailable(ServiceError):
    def __init__(self) -> None:
        super().__init__(
            "rule bundles are not signed on this service: SAFESTEPS_BUNDLE_SIGNING_KEY is not set"
        )


class InvalidBundleKey(ValueError):
    """A configured key that is not an Ed25519 key in a form this service reads."""


class BundleSignatureInvalid(ValueError):
    """A signed document whose signature does not verify, or that is not a signed document."""


def key_id(public: Ed25519PublicKey) -> str:
    """Names a key in envelopes and at ``/v1/bundle-keys``: the first 16 hex digits of the SHA-256
    of its raw 32 bytes."""
    return sha256_hex(raw_public(public))[:16]


def raw_public(public: Ed25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def load_private_key(text: str) -> Ed25519PrivateKey:
    """A PKCS#8 PEM, or base64 (standard or URL-safe) of the 32-byte seed."""
    text = text.strip()
    try:
        if text.startswith("-----BEGIN"):
            key = serialization.load_pem_private_key(text.encode(), password=None)
            if not isinstance(key, Ed25519PrivateKey):
                raise InvalidBundleKey("the bundle signing key must be an Ed25519 key")
            return key
        seed = base64.b64decode(text.replace("-", "+").replace("_", "/") + "=" * (-len(text) % 4))
        return Ed25519PrivateKey.from_private_bytes(seed)
    except (ValueError, TypeError, binascii.Error) as exc:
        if isinstance(exc, InvalidBundleKey):
            raise
        raise InvalidBundleKey(f"the bundle signing key is not an Ed25519 key: {exc}") from None


def load_public_key(text: str) -> Ed25519PublicKey:
    try:
        raw = base64.b64decode(text.strip() + "=" * (-len(text.strip()) % 4))
        return Ed25519PublicKey.from_public_bytes(raw)
    except (ValueError, binascii.Error) as exc:
        raise InvalidBundleKey(f"not a base64 Ed25519 public key: {exc}") from None


def new_private_key_text() -> str:
    """A fresh key in the form ``SAFESTEPS_BUNDLE_SIGNING_KEY`` takes (base64 of the seed)."""
    seed = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return base64.b64encode(seed).decode()


def public_key_text(public: Ed25519PublicKey) -> str:
    return base64.b64encode(raw_public(public)).decode()


def sign(private: Ed25519PrivateKey, payload: bytes) -> bytes:
    """The signed envelope around ``payload`` (canonical JSON bytes)."""
    return orjson.dumps(
        {
            "format": SIGNED_FORMAT,
            "algorithm": ALGORITHM,
            "key_id": key_id(private.public_key()),
            "signature": base64.b64encode(private.sign(payload)).decode(),
            "payload": payload.decode(),
        },
        option=orjson.OPT_SORT_KEYS,
    )


def verify(envelope: bytes, keys: Iterable[Ed25519PublicKey]) -> bytes:
    """The payload bytes of a signed envelope, once its signature verifies with the key it names."""
    try:
        data = orjson.loads(envelope)
        if data.get("format") != SIGNED_FORMAT or data.get("algorithm") != ALGORITHM:
            raise BundleSignatureInvalid(f"not a {SIGNED_FORMAT} document signed with {ALGORITHM}")
        payload = str(data["payload"]).encode()
        signature = base64.b64decode(data["signature"], validate=True)
        named = str(data["key_id"])
    except (orjson.JSONDecodeError, AttributeError, KeyError, TypeError, binascii.Error):
        raise BundleSignatureInvalid("not a signed document") from None
    by_id = {key_id(k): k for k in keys}
    if named not in by_id:
        raise BundleSignatureInvalid(f"signed with key {named}, which is not a trusted key")
    try:
        by_id[named].verify(signature, payload)
    except InvalidSignature:
        raise BundleSignatureInvalid("the signature does not verify: the document was altered") from None
    return payload


@dataclass(frozen=True, slots=True)
class Signed:
    """A signed document as served: its bytes and its strong ``ETag``."""

    body: bytes
    etag: str

    @classmethod
    def of(cls, body: bytes) -> Signed:
        return cls(body, f'"{sha256_hex(body)}"')

    def matches(self, if_none_match: str | None) -> bool:
        """``If-None-Match`` names this document (``*``, a list, weak or strong tags)."""
        if if_none_match is None:
            return False
        tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
        return "*" in tags or self.etag in tags


@dataclass
class BundleService:
    """Signs and caches the bundles of one registry (a process's rule sets never change while it
    runs, so each bundle is built and signed once)."""

    registry: RulesetRegistry
    private: Ed25519PrivateKey | None
    previous: tuple[Ed25519PublicKey, ...] = ()
    _cache: dict[tuple[str, str], Signed] = field(default_factory=dict, repr=False)
    _lock: Lock = field(default_factory=Lock, repr=False)

    @classmethod
    def from_settings(cls, registry: RulesetRegistry, settings: Settings) -> BundleService:
        previous = tuple(load_public_key(k) for k in settings.bundle_previous_public_keys)
        if settings.bundle_signing_key is not None:
            return cls(registry, load_private_key(settings.bundle_signing_key.get_secret_value()), previous)
        if settings.environment == "production":
            log.warning("SAFESTEPS_BUNDLE_SIGNING_KEY is not set: rule bundles are not served")
            return cls(registry, None, previous)
        private = Ed25519PrivateKey.generate()
        log.log(
            logging.INFO if settings.environment == "test" else logging.WARNING,
            "SAFESTEPS_BUNDLE_SIGNING_KEY is not set: rule bundles are signed with key %s, made at "
            "start-up (devices must fetch it again after every restart)",
            key_id(private.public_key()),
        )
        return cls(registry, private, previous)

    def _signer(self) -> Ed25519PrivateKey:
        if self.private is None:
            raise BundleSigningUnavailable()
        return self.private

    def public_keys(self) -> list[dict[str, Any]]:
        """The keys a device may trust, current first, each as raw base64 and as a JWK."""
        current = [self.private.public_key()] if self.private is not None else []
        return [
            {
                "key_id": key_id(k),
                "algorithm": ALGORITHM,
                "public_key": public_key_text(k),
                "current": i == 0 and bool(current),
                "jwk": {
                    "kty": "OKP",
                    "crv": "Ed25519",
                    "x": base64.urlsafe_b64encode(raw_public(k)).decode().rstrip("="),
                    "kid": key_id(k),
                    "use": "sig",
                },
            }
            for i, k in enumerate([*current, *self.previous])
        ]

    def bundle(self, ruleset_id: str, version: str) -> Signed:
        """The signed bundle of one version (``RulesetNotFound`` if there is none)."""
        ruleset = self.registry.get(ruleset_id, version)
        return self._cached(("bundle", ruleset.key), lambda: bundle_bytes(build_bundle(ruleset)))

    def manifest(self, ruleset_id: str) -> Signed:
        """The signed manifest: which published version is in force on which dates."""
        versions = self.registry.versions(ruleset_id)  # RulesetNotFound for an unknown id

        def build() -> bytes:
            digests = {
                r.document.version: sha256_hex(self.bundle(ruleset_id, r.document.version).body)
                for r in versions
            }
            return bundle_bytes(build_manifest(self.registry, ruleset_id, digests))

        return self._cached(("manifest", ruleset_id), build)

    def _cached(self, key: tuple[str, str], payload: Any) -> Signed:
        signer = self._signer()
        found = self._cache.get(key)
        if found is None:
            signed = Signed.of(sign(signer, payload()))
            with self._lock:
                found = self._cache.setdefault(key, signed)
        return found


def compare_device_decision(
    registry: RulesetRegistry, facts: Facts, of_record: Decision, device: DeviceDecision
) -> DeviceAgreement:
    """Compare a device's offline decision with the server's engine on the same inputs."""
    ref = RulesetRef(device.ruleset.id, device.ruleset.version)
    same_inputs = (device.hook, device.as_of, ref) == (
        of_record.hook,
        of_record.as_of,
        RulesetRef(of_record.ruleset.id, of_record.ruleset.version),
    )
    try:
        server = (
            of_record
            if same_inputs
            else decide(registry, facts, device.hook, as_of=device.as_of, ruleset=ref, today=utcnow().date())
        )
    except RulesError as exc:  # a rule set or hook this server does not know
        return DeviceAgreement(
            agreed=False, engine_version=device.engine_version, differences=[f"ruleset: {exc}"]
        )
    differences = []
    if server.ruleset.hash != device.ruleset.hash:
        differences.append(
            f"ruleset: the device's {ref.id}@{ref.version} is not this server's (hash differs)"
        )
    differences += conformance.differences(server.model_dump(mode="json"), device.model_dump(mode="json"))
    return DeviceAgreement(
        agreed=not differences, engine_version=device.engine_version, differences=differences
    )


def trusted_keys(entries: Iterable[Mapping[str, Any]]) -> list[Ed25519PublicKey]:
    """The public keys of a ``/v1/bundle-keys`` answer (or an exported kit's ``keys.json``)."""
    return [load_public_key(str(entry["public_key"])) for entry in entries]
