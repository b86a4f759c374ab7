"""Entry point of `hundi seed-demo`: check the database, then write a data set."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import func, inspect, select

from hundi import models
from hundi.commands import CommandError
from hundi.db import Database

logger = logging.getLogger(__name__)


class SeedRefused(Exception):
    """The database is not in a state the seed may write into."""


COUNTED = {
    "SMEs": models.Sme,
    "users": models.User,
    "lender partners": models.LenderPartner,
    "buyers": models.Buyer,
}


async def count_existing_rows(database: Database) -> dict[str, int]:
    """Rows in the tables a data set writes first; all zero when empty."""
    counts = {}
    async with database.session() as session:
        for label, model in COUNTED.items():
            counted = select(func.count()).select_from(model)
            counts[label] = int(await session.scalar(counted) or 0)
    return counts


async def check_ready(database: Database) -> dict[str, int]:
    """Raise SeedRefused unless the database is migrated; return its row count."""
    async with database.engine.connect() as connection:
        tables = await connection.run_sync(
            lambda sync: set(inspect(sync).get_table_names())
        )
    if "alembic_version" not in tables or "smes" not in tables:
        raise SeedRefused(
            "the database has no Hundi tables yet; run `hundi migrate` first"
        )
    return await count_existing_rows(database)


async def seed(
    database_url: str,
    *,
    scale: int | None,
    if_empty: bool,
    documents_dir: Path | None = None,
) -> None:
    """Write the demo data set, or a synthetic one of `scale` SMEs."""
    database = Database.from_url(database_url)
    try:
        existing = await check_ready(database)
        if any(existing.values()):
            if if_empty:
                print("The database already has data; the demo was not seeded.")
                return
            found = ", ".join(f"{count} {label}" for label, count in existing.items())
            raise CommandError(
                f"the database already has data ({found}); seed-demo writes only "
                "into an empty database"
            )
        if scale is None:
            from hundi.seed.demo import seed_demo

            summary = await seed_demo(database, documents_dir=documents_dir)
        else:
            from hundi.seed.scale import seed_scale

            summary = await seed_scale(database, scale)
        print(summary)
    except SeedRefused as refusal:
        raise CommandError(str(refusal)) from None
    finally:
        await database.dispose()
