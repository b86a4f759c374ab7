"""The author of a row, for the nullable author columns that reference users."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.models import User
from hundi.services.actor import Actor


async def stored_user_id(session: AsyncSession, actor: Actor) -> uuid.UUID | None:
    """Return the actor's user id if that user is stored, else None.

    Author columns reference users and become NULL when a user is removed.
    An actor without a stored user (the system, a machine client) leaves them
    NULL, so the foreign key does not fail.
    """
    if actor.user_id is None:
        return None
    found: uuid.UUID | None = await session.scalar(
        select(User.id).where(User.id == actor.user_id)
    )
    return found
