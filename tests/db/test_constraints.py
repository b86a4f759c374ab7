"""What must never happen is refused by the database itself."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import delete, update
from sqlalchemy.exc import DBAPIError, IntegrityError, StatementError

from hundi import models
from hundi.db import Database
from support.factories import add, create_buyer, create_invoice, create_sme


async def test_invoice_with_zero_total_rejected(database: Database) -> None:
    sme = await create_sme(database)
    buyer = await create_buyer(database)

    with pytest.raises(IntegrityError):
        await create_invoice(database, sme, buyer, total=Decimal("0.00"))


async def test_invoice_with_negative_total_rejected(database: Database) -> None:
    sme = await create_sme(database)
    buyer = await create_buyer(database)

    with pytest.raises(IntegrityError):
        await create_invoice(database, sme, buyer, total=Decimal("-10.00"))


async def test_second_invoice_with_same_irn_rejected(database: Database) -> None:
    sme = await create_sme(database)
    buyer = await create_buyer(database)
    irn = "a" * 64
    await create_invoice(database, sme, buyer, irn=irn)

    with pytest.raises(IntegrityError):
        await create_invoice(database, sme, buyer, irn=irn)


async def test_second_invoice_with_same_gst_identity_rejected(
    database: Database,
) -> None:
    sme = await create_sme(database)
    buyer = await create_buyer(database)
    await create_invoice(database, sme, buyer, invoice_number="INV/2026/7")

    with pytest.raises(IntegrityError):
        await create_invoice(database, sme, buyer, invoice_number="INV/2026/7")


async def test_same_number_in_another_financial_year_accepted(
    database: Database,
) -> None:
    from datetime import date

    sme = await create_sme(database)
    buyer = await create_buyer(database)
    await create_invoice(
        database, sme, buyer, invoice_number="INV-9", invoice_date=date(2026, 3, 31)
    )

    await create_invoice(
        database, sme, buyer, invoice_number="INV-9", invoice_date=date(2026, 4, 1)
    )


async def test_money_with_three_decimal_places_not_rounded(database: Database) -> None:
    sme = await create_sme(database)
    buyer = await create_buyer(database)

    with pytest.raises(StatementError, match="more than 2 decimal places"):
        await create_invoice(database, sme, buyer, total=Decimal("100.005"))


async def test_money_round_trips_exactly(database: Database) -> None:
    sme = await create_sme(database)
    buyer = await create_buyer(database)
    total = Decimal("9999999999999999.99")
    invoice = await create_invoice(database, sme, buyer, total=total)

    async with database.session() as session:
        stored = await session.get(models.Invoice, invoice.id)

    assert stored is not None
    assert stored.total_amount == total
    assert str(stored.total_amount) == "9999999999999999.99"


async def test_audit_log_rejects_update(database: Database) -> None:
    await add(
        database,
        models.AuditRecord(
            actor_label="system", action="test", entity_type="Sme", entity_id="1"
        ),
    )

    with pytest.raises(DBAPIError, match="append-only"):
        async with database.transaction() as session:
            await session.execute(update(models.AuditRecord).values(action="changed"))


async def test_audit_log_rejects_delete(database: Database) -> None:
    await add(
        database,
        models.AuditRecord(
            actor_label="system", action="test", entity_type="Sme", entity_id="1"
        ),
    )

    with pytest.raises(DBAPIError, match="append-only"):
        async with database.transaction() as session:
            await session.execute(delete(models.AuditRecord))
