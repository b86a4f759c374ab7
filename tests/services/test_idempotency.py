"""run_idempotent: the first result of a key is replayed, and nothing runs twice."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from decimal import Decimal

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from hundi import models
from hundi.db import Database
from hundi.domain.enums import Role
from hundi.services.actor import Actor
from hundi.services.errors import FieldErrors
from hundi.services.idempotency import IdempotentRequest, run_idempotent
from support.factories import create_platform_user, unique_gstin
from support.rows import count_rows


def buyer_work(
    name: str, *, fail: bool = False
) -> Callable[[AsyncSession], Awaitable[models.Buyer]]:
    """Work that adds a buyer, or fails with a field error."""

    async def work(session: AsyncSession) -> models.Buyer:
        if fail:
            raise FieldErrors.single(("name",), "REQUIRED", "Give a name.")
        buyer = models.Buyer(
            id=uuid.uuid4(), gstin=unique_gstin(), legal_name=name, state_code="27"
        )
        session.add(buyer)
        return buyer

    return work


async def replay(session: AsyncSession, buyer_id: uuid.UUID) -> models.Buyer:
    buyer = await session.get(models.Buyer, buyer_id)
    assert buyer is not None
    return buyer


async def run(
    database: Database, actor: Actor, key: str, name: str, *, fail: bool = False
) -> models.Buyer:
    request = IdempotentRequest("addBuyer", key, {"name": name})
    return await run_idempotent(
        database, actor, request, buyer_work(name, fail=fail), replay, lambda b: b.id
    )


async def test_run_idempotent_repeat_returns_first(database: Database) -> None:
    ops = await create_platform_user(database, Role.OPS)

    first = await run(database, ops, "k1", "Acme")
    second = await run(database, ops, "k1", "Acme")

    assert second.id == first.id
    assert await count_rows(database, models.Buyer) == 1


async def test_run_idempotent_other_input_rejected(database: Database) -> None:
    ops = await create_platform_user(database, Role.OPS)
    await run(database, ops, "k1", "Acme")

    with pytest.raises(FieldErrors) as raised:
        await run(database, ops, "k1", "Other")

    assert raised.value.errors[0].code == "IDEMPOTENCY_KEY_REUSED"
    assert raised.value.errors[0].field == ("idempotencyKey",)
    assert await count_rows(database, models.Buyer) == 1


async def test_run_idempotent_keys_are_per_user(database: Database) -> None:
    first_user = await create_platform_user(database, Role.OPS)
    second_user = await create_platform_user(database, Role.OPS)

    await run(database, first_user, "k1", "Acme")
    await run(database, second_user, "k1", "Acme")

    assert await count_rows(database, models.Buyer) == 2


async def test_run_idempotent_failure_stores_nothing(database: Database) -> None:
    ops = await create_platform_user(database, Role.OPS)

    with pytest.raises(FieldErrors):
        await run(database, ops, "k1", "Acme", fail=True)
    retried = await run(database, ops, "k1", "Acme")

    assert retried.legal_name == "Acme"
    assert await count_rows(database, models.IdempotencyRecord) == 1


@pytest.mark.parametrize("bad_key", ["", "   ", "k" * 101])
async def test_run_idempotent_bad_key_rejected(
    database: Database, bad_key: str
) -> None:
    ops = await create_platform_user(database, Role.OPS)

    with pytest.raises(FieldErrors) as raised:
        await run(database, ops, bad_key, "Acme")

    assert raised.value.errors[0].code == "INVALID_IDEMPOTENCY_KEY"
    assert await count_rows(database, models.Buyer) == 0


async def test_run_idempotent_needs_a_user(database: Database) -> None:
    machine = Actor(role=Role.LENDER, client_id="lender-system")

    with pytest.raises(PermissionError):
        await run(database, machine, "k1", "Acme")


def test_fingerprint_ignores_trailing_zeros() -> None:
    plain = IdempotentRequest("pay", "k", {"amount": Decimal("100.5")})
    padded = IdempotentRequest("pay", "k", {"amount": Decimal("100.50")})
    other = IdempotentRequest("pay", "k", {"amount": Decimal("100.51")})

    assert plain.fingerprint == padded.fingerprint
    assert plain.fingerprint != other.fingerprint
