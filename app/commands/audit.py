"""``safesteps audit ...``: verify the audit chains, write and check signed checkpoints."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import orjson
import typer
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app.commands.console import exit_error
from app.db import session_scope
from app.services import audit, checkpoint
from app.settings import Settings, get_settings

audit_app = typer.Typer(
    help="The audit chains: verify them, and anchor them outside the database with signed checkpoints.",
    no_args_is_help=True,
)


def signing_key(settings: Settings) -> Ed25519PrivateKey:
    if settings.checkpoint_signing_key is None:
        raise exit_error("no SAFESTEPS_CHECKPOINT_SIGNING_KEY (make one with `safesteps audit keygen`)")
    try:
        return checkpoint.load_private_key(settings.checkpoint_signing_key.get_secret_value())
    except (checkpoint.CheckpointError, ValueError) as exc:
        raise exit_error(f"SAFESTEPS_CHECKPOINT_SIGNING_KEY: {exc}") from None


def verify_key(settings: Settings) -> Ed25519PublicKey:
    if settings.checkpoint_public_key is not None:
        try:
            return checkpoint.load_public_key(settings.checkpoint_public_key)
        except (checkpoint.CheckpointError, ValueError) as exc:
            raise exit_error(f"SAFESTEPS_CHECKPOINT_PUBLIC_KEY: {exc}") from None
    if settings.checkpoint_signing_key is None:
        raise exit_error("checking a checkpoint needs SAFESTEPS_CHECKPOINT_PUBLIC_KEY (or the signing key)")
    return signing_key(settings).public_key()


@audit_app.command("verify")
def audit_verify(
    against: Annotated[
        Path | None,
        typer.Option(
            "--checkpoint", help="A checkpoint file: prove the log still extends it.", dir_okay=False
        ),
    ] = None,
) -> None:
    """Recompute every audit chain; exit 1 at the first broken link (or if the log no longer extends
    the checkpoint)."""
    settings = get_settings()
    public_key = verify_key(settings) if against is not None else None
    data = against.read_bytes() if against is not None else b""
    with session_scope(settings=settings) as session:
        result = audit.verify(session)
        output = orjson.loads(result.model_dump_json(exclude_none=True))
        if public_key is not None:
            try:
                found = checkpoint.check(session, data, public_key)
            except checkpoint.CheckpointError as exc:
                raise exit_error(f"{against}: {exc}") from None
            output["checkpoint"] = found.as_dict()
            output["verified"] = result.verified and found.verified
    sys.stdout.write(orjson.dumps(output).decode("utf-8") + "\n")
    if not output["verified"]:
        raise typer.Exit(1)


@audit_app.command("checkpoint")
def audit_checkpoint(
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Write to this file (default: standard output).", dir_okay=False),
    ] = None,
) -> None:
    """Write a signed statement of every chain's length and head hash, to keep outside the database."""
    settings = get_settings()
    key = signing_key(settings)
    with session_scope(settings=settings) as session:
        data = checkpoint.dumps(checkpoint.create(session, key))
    if out is None:
        sys.stdout.buffer.write(data)
    else:
        out.write_bytes(data)


@audit_app.command("keygen")
def audit_keygen() -> None:
    """Print a new Ed25519 key pair for checkpoints (keep the signing key as a secret)."""
    seed, public = checkpoint.new_key()
    sys.stdout.write(f"SAFESTEPS_CHECKPOINT_SIGNING_KEY={seed}\nSAFESTEPS_CHECKPOINT_PUBLIC_KEY={public}\n")
