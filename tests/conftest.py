"""Fixtures shared by every test: a migrated database and GraphQL helpers.

Tests run on SQLite by default and on PostgreSQL when TEST_DATABASE_URL
names one (postgresql+asyncpg://...). Either way the schema comes from the
Alembic migrations, and every test starts from empty tables.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from hundi.db import Database
from hundi.migrate import upgrade
from hundi.models import Base
from hundi.settings import Settings

pytest_plugins = ["support.graphql", "support.live"]

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "").strip()
ON_POSTGRES = TEST_DATABASE_URL.startswith("postgresql")


def pytest_report_header() -> str:
    return f"database: {'PostgreSQL ' + TEST_DATABASE_URL if ON_POSTGRES else 'SQLite'}"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    skip = pytest.mark.skip(reason="needs PostgreSQL (set TEST_DATABASE_URL)")
    for item in items:
        if "postgres_only" in item.keywords and not ON_POSTGRES:
            item.add_marker(skip)


async def _reset_postgres(url: str) -> None:
    engine = create_async_engine(url)
    async with engine.begin() as connection:
        await connection.execute(text("DROP SCHEMA public CASCADE"))
        await connection.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


@pytest.fixture(scope="session")
def template_database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database migrated to the latest revision: the start of every test."""
    if ON_POSTGRES:
        import asyncio

        asyncio.run(_reset_postgres(TEST_DATABASE_URL))
        upgrade(TEST_DATABASE_URL)
        return TEST_DATABASE_URL
    path = tmp_path_factory.mktemp("template") / "hundi.db"
    url = f"sqlite+aiosqlite:///{path}"
    upgrade(url)
    return url


@pytest.fixture(scope="session")
async def postgres_database(
    template_database_url: str,
) -> AsyncIterator[Database | None]:
    if not ON_POSTGRES:
        yield None
        return
    database = Database.from_url(template_database_url)
    yield database
    await database.dispose()


TABLES = ", ".join(table.name for table in Base.metadata.sorted_tables)


@pytest.fixture
async def database(
    template_database_url: str,
    postgres_database: Database | None,
    tmp_path: Path,
) -> AsyncIterator[Database]:
    """An empty, migrated database for one test."""
    if postgres_database is not None:
        async with postgres_database.engine.begin() as connection:
            await connection.execute(
                text(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE")
            )
        yield postgres_database
        return
    template = Path(template_database_url.removeprefix("sqlite+aiosqlite:///"))
    copy = tmp_path / "hundi.db"
    shutil.copyfile(template, copy)
    database = Database.from_url(f"sqlite+aiosqlite:///{copy}")
    yield database
    await database.dispose()


@pytest.fixture
def database_url(database: Database) -> str:
    return database.engine.url.render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def signing_keys_json(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One signing key set for the whole run: RSA keys are slow to make."""
    from hundi.auth.keys import load_signing_keys

    folder = tmp_path_factory.mktemp("keys")
    load_signing_keys(folder, None)
    return (folder / "keys" / "signing-keys.json").read_text()


@pytest.fixture
def settings(database_url: str, tmp_path: Path, signing_keys_json: str) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=database_url,
        debug=True,
        var_dir=tmp_path / "var",
        public_base_url="http://127.0.0.1:8000",
        oauth_signing_keys=signing_keys_json,
        secret_key="test-secret-key-that-is-long-enough-0123456789",
    )
