"""Buyers, created on first use and matched by GSTIN afterwards."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.models import Buyer
from hundi.services.actor import Actor
from hundi.services.audit import record_audit, snapshot


async def get_or_create_buyer(
    session: AsyncSession,
    actor: Actor,
    *,
    gstin: str,
    legal_name: str,
    trade_name: str | None = None,
) -> Buyer:
    """Return the buyer with `gstin`, inserting it first when there is none.

    The insert skips a GSTIN that exists, so two transactions that create the
    same buyer at once both succeed: on PostgreSQL the second insert waits for
    the first transaction and then does nothing. A buyer that exists keeps
    the names it has.
    """
    on_postgres = session.get_bind().dialect.name == "postgresql"
    dialect = postgresql if on_postgres else sqlite
    inserted_id = await session.scalar(
        dialect.insert(Buyer)
        .values(
            gstin=gstin,
            legal_name=legal_name,
            trade_name=trade_name,
            state_code=gstin[:2],
        )
        .on_conflict_do_nothing(index_elements=[Buyer.gstin])
        .returning(Buyer.id)
    )

    buyer = await session.scalar(select(Buyer).where(Buyer.gstin == gstin))
    if buyer is None:
        raise LookupError(f"buyer {gstin} vanished after it was inserted")

    if inserted_id is not None:
        await record_audit(
            session,
            actor,
            "buyer.created",
            "Buyer",
            buyer.id,
            after=snapshot(buyer, "gstin", "legal_name", "trade_name", "state_code"),
        )
    return buyer
