"""Reading the rows a lending service acts on, within the actor's scope.

A row outside the actor's scope reads as missing, so a lender asking for
another lender's offer gets NOT_FOUND, exactly as for an id that does not
exist.
"""

from __future__ import annotations

import uuid
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.models import LenderPartner
from hundi.services.checks import FieldPath
from hundi.services.errors import FieldErrors

RowT = TypeVar("RowT")


async def visible_row(
    session: AsyncSession,
    model: type[RowT],
    row_id: uuid.UUID | None,
    scope: ColumnElement[bool],
    *,
    lock: bool = False,
) -> RowT | None:
    """Return the row with `row_id` when `scope` lets the actor see it.

    With `lock`, PostgreSQL locks the row until the transaction ends
    (SELECT ... FOR UPDATE); SQLite already holds its one write lock.
    """
    if row_id is None:
        return None

    model_any: Any = model
    statement = select(model_any).where(model_any.id == row_id, scope)
    if lock:
        statement = statement.with_for_update()

    row: RowT | None = await session.scalar(statement)
    return row


def not_found(field: FieldPath, noun: str) -> FieldErrors:
    return FieldErrors.single(
        field,
        "NOT_FOUND",
        f"No {noun} has this id, or it is not yours to see. Check the id.",
    )


async def lock_lender(session: AsyncSession, lender_id: uuid.UUID) -> None:
    """Lock the lender's row, so exposure checks of one lender run one at a time.

    Every change that can raise a lender's exposure (accepting an offer)
    takes this lock before it reads the exposure, so two of them can never
    both see the same headroom.
    """
    await session.execute(
        select(LenderPartner.id).where(LenderPartner.id == lender_id).with_for_update()
    )
