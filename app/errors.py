"""Domain errors of the service layer. They know nothing about HTTP; routers/errors.py maps them."""

from __future__ import annotations

from app.rules.errors import RulesError


class ServiceError(Exception):
    """Base of errors raised by services."""


__all__ = ["RulesError", "ServiceError"]


class ReplayJobNotFound(ServiceError):
    def __init__(self, job_id: str) -> None:
        self.job_id = job_id
        super().__init__(f"replay job {job_id} not found")
