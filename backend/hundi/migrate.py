"""Run the Alembic migrations from Python, for the CLI and the tests."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection

from hundi.paths import MIGRATIONS_DIR


def alembic_config(database_url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if database_url is not None:
        config.attributes["database_url"] = database_url
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    """Bring the database at `database_url` to `revision`."""
    command.upgrade(alembic_config(database_url), revision)


def upgrade_connection(connection: Connection, revision: str = "head") -> None:
    """Upgrade through a connection the caller holds (for `run_sync`)."""
    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, revision)
