"""Signed checkpoints: anchoring the audit chains outside the database.

Someone able to rewrite the whole tail of a chain *and* its head leaves nothing inside the database
to notice. As Certificate Transparency's signed tree heads and ledger tables' digests do, a
checkpoint states each chain's length and head hash at a moment, signed with an Ed25519 key that
the database never holds (``SAFESTEPS_CHECKPOINT_SIGNING_KEY``). Kept elsewhere (a file, a WORM
bucket, another force's mailbox), it lets anyone with the public key prove later that the log still
*extends* it: every chain at least as long, with the record at the checkpointed position hashing to
the checkpointed head, and the whole chain verifying from there on.

File format (JSON)::

    {"statement": {"format": "safesteps-checkpoint/1", "issued_at": "...Z", "key_id": "<16 hex>",
                   "chains": {"decision_record": {"length": N, "head_hash": "..."}, ...}},
     "signature": "<base64 Ed25519 signature of canonical_json(statement)>"}
"""

from __future__ import annotations

import base64
import logging
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import Engine, select
from sqlmodel import Session

from app.models.base import utcnow
from app.models.decision import GENESIS_HASH
from app.models.tables import RECORDS
from app.rules.canonical import canonical_json, sha256_hex
from app.services import integrity, statements

log = logging.getLogger("safesteps.checkpoint")

FORMAT = "safesteps-checkpoint/1"
DECISIONS = "decision_record"


class CheckpointError(ValueError):
    """A key or checkpoint file that cannot be used; the message says what is wrong."""


# ---- keys -------------------------------------------------------------------------------------------


def _b64decode(text: str) -> bytes:
    cleaned = text.strip()
    try:
        return base64.urlsafe_b64decode(cleaned + "=" * (-len(cleaned) % 4))
    except ValueError:
        raise CheckpointError("not base64") from None


def load_private_key(text: str) -> Ed25519PrivateKey:
    """A PEM (PKCS#8) Ed25519 private key, or the base64 of its 32-byte seed."""
    if "BEGIN" in text:
        key = serialization.load_pem_private_key(text.encode("ascii"), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise CheckpointError("the checkpoint signing key must be an Ed25519 key")
        return key
    seed = _b64decode(text)
    if len(seed) != 32:
        raise CheckpointError("an Ed25519 signing key is 32 bytes (base64 of the seed)")
    return Ed25519PrivateKey.from_private_bytes(seed)


def load_public_key(text: str) -> Ed25519PublicKey:
    """A PEM Ed25519 public key, or the base64 of its 32 raw bytes."""
    if "BEGIN" in text:
        key = serialization.load_pem_public_key(text.encode("ascii"))
        if not isinstance(key, Ed25519PublicKey):
            raise CheckpointError("the checkpoint public key must be an Ed25519 key")
        return key
    raw = _b64decode(text)
    if len(raw) != 32:
        raise CheckpointError("an Ed25519 public key is 32 bytes (base64)")
    return Ed25519PublicKey.from_public_bytes(raw)


def public_text(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def key_id(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return sha256_hex(raw)[:16]


def new_key() -> tuple[str, str]:
    """A fresh key pair: (base64 seed for SAFESTEPS_CHECKPOINT_SIGNING_KEY, base64 public key)."""
    private = Ed25519PrivateKey.generate()
    seed = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return base64.urlsafe_b64encode(seed).decode("ascii").rstrip("="), public_text(private.public_key())


# ---- statements ---------------------------------------------------------------------------------------


def heads(session: Session) -> dict[str, dict[str, Any]]:
    """Each chain's length and head hash, as the database says now."""
    head = session.execute(statements.READ_HEAD).one()
    chains = {DECISIONS: {"length": int(head.seq), "head_hash": str(head.hash)}}
    for chain in integrity.SIDE_CHAINS:
        last_id, digest = integrity.read_head(session, chain)
        chains[chain.name] = {"length": last_id, "head_hash": digest}
    return chains


def create(
    session: Session, private_key: Ed25519PrivateKey, *, now: datetime | None = None
) -> dict[str, Any]:
    """A signed checkpoint of every chain (read in one transaction, so the heads are consistent)."""
    statement = {
        "format": FORMAT,
        "issued_at": now or utcnow(),
        "key_id": key_id(private_key.public_key()),
        "chains": heads(session),
    }
    signed = canonical_json(statement)
    signature = base64.b64encode(private_key.sign(signed)).decode("ascii")
    return {"statement": orjson.loads(signed), "signature": signature}


def dumps(checkpoint: Mapping[str, Any]) -> bytes:
    return orjson.dumps(checkpoint, option=orjson.OPT_INDENT_2) + b"\n"


@dataclass(frozen=True, slots=True)
class CheckpointCheck:
    verified: bool
    issued_at: str | None = None
    reason: str | None = None
    chain: str | None = None

    def as_dict(self) -> dict[str, Any]:
        values = {
            "verified": self.verified,
            "issued_at": self.issued_at,
            "reason": self.reason,
            "chain": self.chain,
        }
        return {k: v for k, v in values.items() if v is not None}


def _statement(data: bytes, public_key: Ed25519PublicKey) -> dict[str, Any]:
    try:
        document = orjson.loads(data)
        statement, signature = document["statement"], base64.b64decode(document["signature"], validate=True)
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
        raise CheckpointError("not a SafeSteps checkpoint file") from None
    if not isinstance(statement, dict) or statement.get("format") != FORMAT:
        raise CheckpointError(f"not a {FORMAT} statement")
    if statement.get("key_id") != key_id(public_key):
        raise CheckpointError("signed with another key than the one configured")
    try:
        public_key.verify(signature, canonical_json(statement))
    except InvalidSignature:
        raise CheckpointError("the signature does not verify: the file was altered") from None
    return statement


def _hash_at(session: Session, chain: str, position: int) -> str | None:
    if position == 0:
        return GENESIS_HASH
    if chain == DECISIONS:
        query = select(RECORDS.c.hash).where(RECORDS.c.seq == position)
    else:
        table = next(c.table for c in integrity.SIDE_CHAINS if c.name == chain)
        query = select(table.c.hash).where(table.c.id == position)
    found = session.execute(query).scalar_one_or_none()
    return None if found is None else str(found)


def check(session: Session, data: bytes, public_key: Ed25519PublicKey) -> CheckpointCheck:
    """Does the log still extend this checkpoint? (The caller also verifies the chains themselves:
    a link that breaks after the checkpointed head is a break like any other.)"""
    statement = _statement(data, public_key)
    issued_at = str(statement.get("issued_at"))
    now = heads(session)
    for name, stated in (statement.get("chains") or {}).items():
        if name not in now:
            return CheckpointCheck(False, issued_at, "unknown_chain", name)
        length, digest = int(stated["length"]), str(stated["head_hash"])
        if now[name]["length"] < length:
            return CheckpointCheck(False, issued_at, "shorter_than_checkpoint", name)
        if _hash_at(session, name, length) != digest:
            return CheckpointCheck(False, issued_at, "rewritten_since_checkpoint", name)
    return CheckpointCheck(True, issued_at)


# ---- periodic checkpoints --------------------------------------------------------------------------


def write_into(directory: Path, checkpoint: Mapping[str, Any], *, bucket: str) -> Path | None:
    """Write ``checkpoint-<bucket>.json`` unless another process already wrote that bucket."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"checkpoint-{bucket}.json"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o640)
    except FileExistsError:
        return None
    with os.fdopen(fd, "wb") as handle:
        handle.write(dumps(checkpoint))
    return path


class PeriodicCheckpoints:
    """A daemon thread that writes a checkpoint into a directory every ``interval`` seconds. With
    several API processes, one file per interval: the first process to create it wins."""

    def __init__(
        self, engine: Engine, private_key: Ed25519PrivateKey, directory: Path, interval: float
    ) -> None:
        self._engine, self._key, self._directory, self._interval = engine, private_key, directory, interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="safesteps-checkpoints", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def write_once(self) -> Path | None:
        now = utcnow()
        bucket = f"{int(now.timestamp() // self._interval * self._interval)}"
        with Session(self._engine) as session:
            checkpoint = create(session, self._key, now=now)
        return write_into(self._directory, checkpoint, bucket=bucket)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                written = self.write_once()
                if written is not None:
                    log.info("checkpoint written", extra={"fields": {"file": written.name}})
            except Exception as exc:  # keep trying: a missed checkpoint must not stop the service
                log.error("checkpoint failed", extra={"fields": {"error": type(exc).__name__}})
            self._stop.wait(self._interval)
