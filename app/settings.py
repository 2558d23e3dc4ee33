"""Service settings, read from ``SAFESTEPS_*`` environment variables (or a ``.env`` file)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from app.rules.registry import BUILTIN_RULESETS

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SAFESTEPS_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    database_url: str = Field(
        default=f"sqlite:///{PROJECT_ROOT / 'data' / 'safesteps.db'}",
        description="SQLAlchemy URL; SQLite file by default, PostgreSQL in production.",
    )
    auto_migrate: bool = Field(
        default=True,
        description="Create and migrate the database on startup (`alembic upgrade head`).",
    )
    busy_timeout_ms: int = Field(
        default=5000, ge=0, description="SQLite: how long a writer waits for the write lock."
    )
    db_pool_size: int = Field(default=10, ge=1, description="Connections kept per process.")
    threadpool_size: int | None = Field(
        default=None, ge=1, description="Worker threads for sync handlers (default: AnyIO's 40)."
    )
    rulesets_dir: Path = Field(default=BUILTIN_RULESETS, description="Root of the rule-set files.")
    max_body_bytes: int = Field(default=1_048_576, ge=1024, description="Largest request body accepted.")
    replay_worker: bool = Field(default=True, description="Run the replay-job worker thread.")
    replay_poll_seconds: float = Field(default=1.0, gt=0, description="Idle worker poll interval.")
    replay_stale_seconds: float = Field(
        default=60.0, gt=0, description="A running job silent this long is resumed by another worker."
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"


@lru_cache
def get_settings() -> Settings:
    return Settings()
