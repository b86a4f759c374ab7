"""Time the `kpis` query on a large synthetic data set in PostgreSQL.

    .venv/bin/python bench/kpis.py                  # seed 100,000 SMEs, then time
    .venv/bin/python bench/kpis.py --skip-seed      # time an existing database

Seeding drops and recreates the scratch database named in --database-url,
runs `hundi migrate` and `hundi seed-demo --scale N` on it, then VACUUM
(ANALYZE), as autovacuum would after the bulk load. Timing
compares three ways of computing the same six months of metrics, each
repeated --repetitions times after one warm-up run:

- graphql: the whole `kpis` query through the GraphQL schema, as the API
  serves it (statements on parallel connections, values, JSON-ready data);
- sql-parallel: the same statements through the same parallel runner,
  without GraphQL or the Python that combines the rows;
- sql-serial: the same statements one after another on one connection.

It prints the median and 95th percentile of each, and the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Executable, text
from sqlalchemy.engine import make_url

from hundi.api.context import Context
from hundi.api.schema import schema
from hundi.db import Database
from hundi.domain.calendar import add_months, india_today, month_start
from hundi.domain.enums import Role
from hundi.domain.kpi_periods import Period
from hundi.services.actor import Actor
from hundi.services.kpis.launch import resolve_launch_date
from hundi.services.kpis.report import compute_kpis
from hundi.services.kpis.runner import POSTGRES_SETTINGS, statement_runner
from hundi.services.kpis.targets import load_targets
from hundi.settings import Settings

DEFAULT_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/hundi_bench_kpis"
HUNDI = Path(sys.executable).parent / "hundi"

KPIS = """
query($from: Date!, $to: Date!) {
  kpis(from: $from, to: $to) {
    key name group definition unit value status targetToDate
    target { key direction low high deadlineMonths wording }
    series { month value }
  }
}
"""


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=DEFAULT_URL,
        help=f"scratch PostgreSQL database, dropped on seeding; default {DEFAULT_URL}",
    )
    parser.add_argument(
        "--scale", type=int, default=100_000, help="synthetic SMEs to seed"
    )
    parser.add_argument(
        "--repetitions", type=int, default=10, help="timed runs of each way"
    )
    parser.add_argument(
        "--skip-seed", action="store_true", help="time the database as it is"
    )
    return parser.parse_args()


# --- seeding --------------------------------------------------------------------


async def recreate_database(url: str) -> None:
    """Drop and create the database named in `url`, through the `postgres` one."""
    parsed = make_url(url)
    name = parsed.database
    if not name or not name.replace("_", "").isalnum():
        raise SystemExit(f"database name {name!r} is not a plain identifier")

    maintenance = Database.from_url(
        parsed.set(database="postgres").render_as_string(hide_password=False)
    )
    try:
        async with maintenance.engine.connect() as connection:
            autocommit = await connection.execution_options(
                isolation_level="AUTOCOMMIT"
            )
            await autocommit.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            await autocommit.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        await maintenance.dispose()


def run_hundi(url: str, *arguments: str) -> None:
    environment = {**os.environ, "DATABASE_URL": url}
    print(f"$ DATABASE_URL={url} hundi {' '.join(arguments)}", flush=True)
    subprocess.run([str(HUNDI), *arguments], env=environment, check=True)


async def vacuum(url: str) -> None:
    """Set the visibility map, as autovacuum does some time after a bulk load.

    Without it index-only scans still read the table, and the first minutes
    after seeding would be timed instead of a settled database.
    """
    database = Database.from_url(url)
    try:
        async with database.engine.connect() as connection:
            autocommit = await connection.execution_options(
                isolation_level="AUTOCOMMIT"
            )
            await autocommit.execute(text("VACUUM (ANALYZE)"))
    finally:
        await database.dispose()


def seed(url: str, scale: int) -> None:
    asyncio.run(recreate_database(url))
    run_hundi(url, "migrate")
    run_hundi(url, "seed-demo", "--scale", str(scale))
    print("VACUUM (ANALYZE)", flush=True)
    asyncio.run(vacuum(url))


# --- timing -----------------------------------------------------------------------


def six_months() -> Period:
    today = india_today()
    return Period(add_months(month_start(today), -5), today)


async def time_runs(
    label: str, repetitions: int, action: Callable[[], Awaitable[object]]
) -> list[float]:
    await action()  # warm-up: caches, prepared plans, connections
    seconds = []
    for _ in range(repetitions):
        started = time.perf_counter()
        await action()
        seconds.append(time.perf_counter() - started)
    print(f"  {label}: {summary(seconds)}", flush=True)
    return seconds


def summary(seconds: Sequence[float]) -> str:
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms"


async def graphql_once(database: Database, settings: Settings, period: Period) -> None:
    actor = Actor(role=Role.MANAGEMENT, user_id=uuid.uuid4())
    context = Context(database=database, settings=settings, actor=actor)
    variables = {
        "from": period.first_day.isoformat(),
        "to": period.last_day.isoformat(),
    }
    try:
        result = await schema.execute(
            KPIS, variable_values=variables, context_value=context
        )
    finally:
        await context.close()
    if result.errors:
        raise SystemExit(f"kpis failed: {result.errors}")


async def collect_statements(database: Database, period: Period) -> list[Executable]:
    """Record the statements one `kpis` request runs."""
    recorded: list[Executable] = []
    async with statement_runner(database) as run:

        async def recording(statement: Executable) -> Sequence[Any]:
            recorded.append(statement)
            return await run(statement)

        launch_date = await resolve_launch_date(recording, None)
        targets = await load_targets(recording)
        await compute_kpis(
            recording,
            period,
            now=datetime.now(UTC),
            launch_date=launch_date,
            targets=targets,
        )
    return recorded


async def sql_parallel_once(database: Database, statements: list[Executable]) -> None:
    async with statement_runner(database) as run:
        await asyncio.gather(*(run(statement) for statement in statements))


async def sql_serial_once(database: Database, statements: list[Executable]) -> None:
    async with database.engine.connect() as connection, connection.begin():
        for setting in POSTGRES_SETTINGS:
            await connection.execute(text(setting))
        for statement in statements:
            (await connection.execute(statement)).all()


def memory_gib() -> float:
    """Total RAM from /proc/meminfo (Linux)."""
    memory_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal:")
    )
    return memory_kb / 1024 / 1024


async def machine(database: Database) -> str:
    async with database.engine.connect() as connection:
        version = await connection.scalar(text("SHOW server_version"))
    return (
        f"{os.cpu_count()} cores ({platform.processor() or platform.machine()}), "
        f"{memory_gib():.1f} GiB RAM, PostgreSQL {version}, "
        f"Python {platform.python_version()}"
    )


async def benchmark(url: str, repetitions: int) -> None:
    database = Database.from_url(url)
    settings = Settings(_env_file=None, database_url=url)  # type: ignore[call-arg]
    period = six_months()
    try:
        print(f"Machine: {await machine(database)}")
        print(f"Period: {period.first_day} to {period.last_day}")
        statements = await collect_statements(database, period)
        print(f"Statements per request: {len(statements)}")
        await time_runs(
            "graphql", repetitions, lambda: graphql_once(database, settings, period)
        )
        await time_runs(
            "sql-parallel", repetitions, lambda: sql_parallel_once(database, statements)
        )
        await time_runs(
            "sql-serial", repetitions, lambda: sql_serial_once(database, statements)
        )
    finally:
        await database.dispose()


def main() -> None:
    arguments = parse_arguments()
    if not arguments.database_url.startswith("postgresql"):
        raise SystemExit("--database-url must name a PostgreSQL database")
    if not arguments.skip_seed:
        seed(arguments.database_url, arguments.scale)
    asyncio.run(benchmark(arguments.database_url, arguments.repetitions))


if __name__ == "__main__":
    main()
