"""Run the metric statements on a few read connections at once.

The metrics' statements are independent aggregates, so on PostgreSQL they
run on `POSTGRES_CONNECTIONS` connections in parallel, each in its own read
transaction. Figures from different connections may therefore differ by the
rows committed between their statements, a few milliseconds apart. SQLite
runs them one after another on one connection.

Each PostgreSQL transaction switches JIT compilation off: for these
statements compiling took longer than running (see docs/benchmarks.md),
and gives hash aggregates enough memory to stay off disk.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any

from sqlalchemy import Executable, text
from sqlalchemy.ext.asyncio import AsyncConnection

from hundi.db import Database
from hundi.services.kpis.report import Run

# NOTE: chosen on a 2-core machine, where 3 connections kept both cores busy
# while one connection waited on its client; measure again on other hardware.
POSTGRES_CONNECTIONS = 3
POSTGRES_SETTINGS = ("SET LOCAL jit = off", "SET LOCAL work_mem = '64MB'")


async def _read_connection(
    stack: AsyncExitStack, database: Database
) -> AsyncConnection:
    connection = await stack.enter_async_context(database.engine.connect())
    await stack.enter_async_context(connection.begin())
    if database.dialect == "postgresql":
        for setting in POSTGRES_SETTINGS:
            await connection.execute(text(setting))
    return connection


@asynccontextmanager
async def statement_runner(database: Database) -> AsyncIterator[Run]:
    """Yield a `run` that executes a statement on the next free connection."""
    count = POSTGRES_CONNECTIONS if database.dialect == "postgresql" else 1
    async with AsyncExitStack() as stack:
        free: asyncio.Queue[AsyncConnection] = asyncio.Queue()
        for _ in range(count):
            free.put_nowait(await _read_connection(stack, database))

        async def run(statement: Executable) -> Sequence[Any]:
            connection = await free.get()
            try:
                return (await connection.execute(statement)).all()
            finally:
                free.put_nowait(connection)

        yield run
