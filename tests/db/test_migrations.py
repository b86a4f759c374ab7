"""The Alembic migrations and the SQLAlchemy models describe the same schema."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from hundi.db import Database
from hundi.models import Base


def _differences(connection: Any) -> list[Any]:
    context = MigrationContext.configure(
        connection,
        opts={"compare_type": True, "user_module_prefix": "hundi.models.types."},
    )
    return list(compare_metadata(context, Base.metadata))


async def test_migrations_match_models(database: Database) -> None:
    async with database.engine.connect() as connection:
        differences = await connection.run_sync(_differences)

    assert differences == []


async def test_migrations_create_every_table(database: Database) -> None:
    async with database.engine.connect() as connection:
        tables = await connection.run_sync(
            lambda sync: set(inspect(sync).get_table_names())
        )

    assert set(Base.metadata.tables) <= tables
