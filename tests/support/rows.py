"""Counting and reading rows, to check what a test's action wrote."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from hundi import models
from hundi.db import Database


async def count_rows(database: Database, model: type[Any]) -> int:
    async with database.session() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def all_rows(database: Database, model: type[Any]) -> list[Any]:
    async with database.session() as session:
        return list(await session.scalars(select(model)))


async def audit_actions(database: Database) -> list[str]:
    """The actions of every audit record, oldest first."""
    async with database.session() as session:
        rows = await session.scalars(
            select(models.AuditRecord.action).order_by(models.AuditRecord.id)
        )
        return list(rows)


def stored_files(folder: Path) -> list[Path]:
    """Every file under `folder`, such as the documents a test stored."""
    return [path for path in folder.rglob("*") if path.is_file()]
