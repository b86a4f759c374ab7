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


async def _current(database_url: str) -> str | None:
    from alembic.migration import MigrationContext

    from hundi.db import create_engine

    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(
                lambda sync: MigrationContext.configure(sync).get_current_revision()
            )
    finally:
        await engine.dispose()


def current_revision(database_url: str) -> str | None:
    """The revision the database is at; None for an empty database."""
    import asyncio

    return asyncio.run(_current(database_url))
