"""Roles, permissions and the one table between them. Deny by default: a role has only what is listed.

Routes declare a permission (``Authorize("incident:read")``); this table says which roles hold it.
Force scoping (a client bound to a force sees only that force's incidents) is applied by the
services on top, from ``Principal.force``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal


class Role(StrEnum):
    control_room = "control_room"
    mdt = "mdt"
    auditor = "auditor"
    rules_admin = "rules_admin"
    admin = "admin"


Permission = Literal[
    "evaluate",
    "ruleset:read",
    "ruleset:manage",
    "bundle:read",
    "incident:submit",
    "incident:read",
    "incident:list",
    "incident:outstanding",
    "decision:read",
    "decision:feedback",
    "person:timeline",
    "audit:verify",
    "audit:replay",
    "audit:export",
    "access:read",
    "keys:manage",
]

GRANTS: dict[Role, frozenset[Permission]] = {
    # Evaluates, submits and reads the incidents of its force.
    Role.control_room: frozenset(
        {
            "evaluate",
            "ruleset:read",
            "bundle:read",
            "incident:submit",
            "incident:read",
            "incident:list",
            "incident:outstanding",
            "decision:feedback",
        }
    ),
    # Submits checklists and reads the outstanding steps of incidents it submitted to.
    # Also downloads signed rule bundles to evaluate with no signal (issue 16).
    Role.mdt: frozenset(
        {"ruleset:read", "bundle:read", "incident:submit", "incident:outstanding", "decision:feedback"}
    ),
    # Reads, verifies, replays and exports; never submits.
    Role.auditor: frozenset(
        {
            "ruleset:read",
            "bundle:read",
            "incident:read",
            "incident:list",
            "decision:read",
            # A child's (or adult's) timeline across the force's incidents (issue 15).
            "person:timeline",
            "audit:verify",
            "audit:replay",
            "audit:export",
            "access:read",
        }
    ),
    Role.rules_admin: frozenset({"ruleset:read", "ruleset:manage", "bundle:read"}),
    Role.admin: frozenset({"keys:manage", "access:read"}),
}


@dataclass(frozen=True, slots=True)
class Principal:
    """An authenticated client system (API key) or identity-provider subject (OIDC)."""

    id: str  # "key:<key id>" or "oidc:<issuer>#<subject>": what logs and records name
    name: str
    role: Role
    force: str | None  # None: not bound to a force (sees every force)
    kind: Literal["api_key", "oidc"]

    def may(self, permission: Permission) -> bool:
        return permission in GRANTS[self.role]
