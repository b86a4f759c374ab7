"""The KPI capture migration stores every target; its downgrade removes them.

Migrations run their own event loop, so these tests are plain functions.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command
from sqlalchemy import text

from hundi.api.context import Reader
from hundi.db import Database
from hundi.domain.kpis import default_targets
from hundi.migrate import alembic_config, upgrade
from hundi.services.kpis.targets import load_targets


async def _stored_keys(database: Database) -> set[str]:
    async with database.engine.connect() as connection:
        rows = await connection.execute(text("SELECT key FROM kpi_targets"))
        return {row[0] for row in rows}


def test_migration_stores_kpi_targets(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'fresh.db'}"
    upgrade(url, "d4e6f8a0b2c3")

    async def check() -> None:
        database = Database.from_url(url)
        reader = Reader(database)
        try:
            assert await _stored_keys(database) == {k.value for k in default_targets()}
            assert await load_targets(reader.rows) == default_targets()
        finally:
            await reader.close()
            await database.dispose()

    asyncio.run(check())


def test_migration_downgrade_removes_kpi_capture(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'fresh.db'}"
    upgrade(url, "d4e6f8a0b2c3")

    command.downgrade(alembic_config(url), "c3d5e7f9a1b2")

    async def check() -> None:
        database = Database.from_url(url)
        try:
            assert await _stored_keys(database) == set()
            async with database.engine.connect() as connection:
                tables = await connection.execute(
                    text("SELECT name FROM sqlite_master WHERE name = 'visitors'")
                )
                assert tables.first() is None
        finally:
            await database.dispose()

    asyncio.run(check())
