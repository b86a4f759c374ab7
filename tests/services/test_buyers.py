"""Buyers: created on first use, matched by GSTIN, safe against a race."""

from __future__ import annotations

import asyncio

import pytest

from hundi import models
from hundi.db import Database
from hundi.domain.enums import Role
from hundi.services.buyers import get_or_create_buyer
from support.factories import platform_actor
from support.rows import audit_actions, count_rows

GSTIN = "27AAPFU0939F1ZV"


async def create(database: Database, name: str) -> models.Buyer:
    async with database.transaction() as session:
        return await get_or_create_buyer(
            session, platform_actor(Role.OPS), gstin=GSTIN, legal_name=name
        )


async def test_get_or_create_buyer_creates_once(database: Database) -> None:
    first = await create(database, "Umang Pumps LLP")
    second = await create(database, "Umang Pumps")

    assert second.id == first.id
    assert second.legal_name == "Umang Pumps LLP"
    assert second.state_code == "27"
    assert await count_rows(database, models.Buyer) == 1
    assert await audit_actions(database) == ["buyer.created"]


@pytest.mark.postgres_only
async def test_get_or_create_buyer_race_both_succeed(database: Database) -> None:
    both_open = asyncio.Barrier(2)

    async def create_in_open_transaction(name: str) -> models.Buyer:
        async with database.transaction() as session:
            # Both transactions are open before either inserts, so the second
            # insert meets the first one's uncommitted row.
            await both_open.wait()
            return await get_or_create_buyer(
                session, platform_actor(Role.OPS), gstin=GSTIN, legal_name=name
            )

    first, second = await asyncio.gather(
        create_in_open_transaction("Umang Pumps LLP"),
        create_in_open_transaction("Umang Pumps"),
    )

    assert first.id == second.id
    assert await count_rows(database, models.Buyer) == 1
    assert await audit_actions(database) == ["buyer.created"]
