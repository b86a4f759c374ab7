"""Money moves exactly once when requests race, on PostgreSQL's row locks.

Each call runs in its own task, session and transaction, as two web workers
would; asyncio.gather starts them together.
"""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from hundi import models
from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.enums import DisbursalStatus, LoanStatus
from hundi.services.errors import FieldErrors
from hundi.services.lending.acceptance import accept_offer
from hundi.services.lending.disbursals import approve_disbursal
from hundi.services.lending.repayments import ReceivedMoney, record_repayment
from support.factories import create_invoice, create_sme
from support.lending import (
    active_loans,
    invoice_due,
    key,
    loans_of,
    offered,
    open_book,
    reload,
    requested_disbursal,
    sme_user,
    submitted,
)
from support.rows import audit_actions, count_rows

pytestmark = pytest.mark.postgres_only


def codes(results: list[Any]) -> list[str]:
    return sorted(
        result.errors[0].code for result in results if isinstance(result, FieldErrors)
    )


async def test_twenty_parallel_approvals_disburse_once(database: Database) -> None:
    book, offer, disbursal = await requested_disbursal(database)

    results = await asyncio.gather(
        *(
            approve_disbursal(database, book.checker, disbursal.id, key())
            for _ in range(20)
        ),
        return_exceptions=True,
    )

    approved = [r for r in results if isinstance(r, models.Disbursal)]
    assert len(approved) == 1
    assert codes(results) == ["DISBURSAL_NOT_REQUESTED"] * 19
    stored = await reload(database, models.Disbursal, disbursal.id)
    assert stored.status is DisbursalStatus.APPROVED
    loans = await loans_of(database, offer)
    assert {loan.status for loan in loans} == {LoanStatus.ACTIVE}
    assert (await audit_actions(database)).count("disbursal.approved") == 1
    assert (await audit_actions(database)).count("loan.disbursed") == len(loans)


async def test_twenty_parallel_approvals_with_one_key_agree(
    database: Database,
) -> None:
    book, _offer, disbursal = await requested_disbursal(database)
    same = key()

    results = await asyncio.gather(
        *(
            approve_disbursal(database, book.checker, disbursal.id, same)
            for _ in range(20)
        ),
        return_exceptions=True,
    )

    assert all(isinstance(result, models.Disbursal) for result in results), results
    assert {result.decided_at for result in results} == {results[0].decided_at}
    assert (await audit_actions(database)).count("disbursal.approved") == 1
    assert await count_rows(database, models.IdempotencyRecord) == 3


async def test_parallel_acceptances_never_exceed_buyer_limit(
    database: Database,
) -> None:
    # Each offer advances 94,400 on one buyer; the limit takes three of them.
    book = await open_book(database, limit_per_buyer=Decimal("283200.00"))
    due = india_today() + timedelta(days=60)
    acceptances = []
    for _ in range(8):
        sme = await create_sme(database)
        owner = await sme_user(database, sme)
        invoice = await create_invoice(
            database, sme, book.buyer, due_date=due, invoice_date=due - timedelta(30)
        )
        application = await submitted(
            database, dataclasses.replace(book, sme=sme, owner=owner), [invoice]
        )
        offer = await offered(database, book, application)
        acceptances.append(accept_offer(database, owner, offer.id, key()))

    results = await asyncio.gather(*acceptances, return_exceptions=True)

    assert sum(isinstance(r, models.Offer) for r in results) == 3
    assert codes(results) == ["LIMIT_EXCEEDED"] * 5
    async with database.session() as session:
        reserved = await session.scalar(
            select(func.sum(models.Loan.advance_amount)).where(
                models.Loan.buyer_id == book.buyer.id
            )
        )
    assert reserved == Decimal("283200.00")


async def test_same_repayment_twice_at_once_records_once(database: Database) -> None:
    book = await open_book(database)
    on = india_today() - timedelta(days=10)
    invoice = await invoice_due(database, book, on + timedelta(days=60))
    [loan] = await active_loans(database, book, [invoice], on=on)
    money = ReceivedMoney(
        loan.id, Decimal("40000.00"), india_today(), "NEFTRACE0001", key()
    )

    results = await asyncio.gather(
        record_repayment(database, book.maker, money),
        record_repayment(database, book.maker, money),
        return_exceptions=True,
    )

    assert all(isinstance(result, models.Repayment) for result in results), results
    assert results[0].id == results[1].id
    assert await count_rows(database, models.Repayment) == 1
    stored = await reload(database, models.Loan, loan.id)
    assert stored.principal_outstanding == Decimal("54400.00")


async def test_one_bank_reference_under_two_keys_records_once(
    database: Database,
) -> None:
    book = await open_book(database)
    on = india_today() - timedelta(days=10)
    invoice = await invoice_due(database, book, on + timedelta(days=60))
    [loan] = await active_loans(database, book, [invoice], on=on)

    results = await asyncio.gather(
        *(
            record_repayment(
                database,
                book.maker,
                ReceivedMoney(
                    loan.id, Decimal("1000.00"), india_today(), "NEFTRACE0002", key()
                ),
            )
            for _ in range(2)
        ),
        return_exceptions=True,
    )

    assert sum(isinstance(r, models.Repayment) for r in results) == 1
    assert codes(results) == ["BANK_REFERENCE_TAKEN"]
    stored = await reload(database, models.Loan, loan.id)
    assert stored.principal_outstanding == Decimal("93400.00")
