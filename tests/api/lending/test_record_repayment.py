"""recordRepayment: partial, full and over-payment, allocated penal first."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from hundi import models
from hundi.api.relay import to_global_id
from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.enums import AssetClass, InvoiceStatus, LoanStatus
from hundi.services.actor import SYSTEM, Actor
from hundi.services.lending.day_end import run_day_end
from support.graphql import GraphQLClient
from support.lending import Book, active_loans, invoice_due, open_book, reload
from support.rows import count_rows

RECORD = """
mutation Record($input: RecordRepaymentInput!) {
  recordRepayment(input: $input) {
    repayment {
      id status amount allocatedPenal allocatedPrincipal excessAmount
      loan { status principalOutstanding penalOutstanding refundDue assetClass }
    }
    errors { field code message }
  }
}
"""


async def record(
    gql: GraphQLClient,
    actor: Actor,
    loan: models.Loan,
    amount: str,
    *,
    received_on: date | None = None,
    bank_reference: str = "NEFT000000000001",
    key: str = "repay-1",
) -> dict[str, Any]:
    variables = {
        "input": {
            "loanId": to_global_id("Loan", loan.id),
            "amount": amount,
            "receivedOn": (received_on or india_today()).isoformat(),
            "bankReference": bank_reference,
            "idempotencyKey": key,
        }
    }
    data = await gql(actor, RECORD, variables)
    payload: dict[str, Any] = data["recordRepayment"]
    return payload


async def _loan(database: Database, **product: Any) -> tuple[Book, models.Loan]:
    """A loan of 94,400.00 disbursed 10 days ago, due in 50 days."""
    book = await open_book(database, **product)
    on = india_today() - timedelta(days=10)
    invoice = await invoice_due(database, book, on + timedelta(days=60))
    [loan] = await active_loans(database, book, [invoice], on=on)
    return book, loan


async def test_record_repayment_in_two_parts_repays_loan(
    database: Database, gql: GraphQLClient
) -> None:
    book, loan = await _loan(database)

    first = await record(gql, book.maker, loan, "40000.00")
    second = await record(
        gql, book.maker, loan, "54400.00", bank_reference="NEFT2", key="repay-2"
    )

    assert first["errors"] == []
    assert first["repayment"]["loan"]["principalOutstanding"] == "54400.00"
    assert first["repayment"]["loan"]["status"] == "ACTIVE"
    assert second["repayment"]["loan"]["status"] == "REPAID"
    assert second["repayment"]["loan"]["principalOutstanding"] == "0.00"
    invoice = await reload(database, models.Invoice, loan.invoice_id)
    assert invoice.status is InvoiceStatus.SETTLED


async def test_record_repayment_over_payment_becomes_refund(
    database: Database, gql: GraphQLClient
) -> None:
    book, loan = await _loan(database)

    payload = await record(gql, book.maker, loan, "95000.00")

    repayment = payload["repayment"]
    assert repayment["allocatedPrincipal"] == "94400.00"
    assert repayment["excessAmount"] == "600.00"
    assert repayment["loan"]["refundDue"] == "600.00"
    assert repayment["loan"]["status"] == "REPAID"


async def test_record_repayment_pays_penal_first(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database, penal_annual_rate=Decimal("0.24"))
    on = india_today() - timedelta(days=70)
    invoice = await invoice_due(database, book, on + timedelta(days=60))
    [loan] = await active_loans(database, book, [invoice], on=on)
    await run_day_end(database, SYSTEM, on + timedelta(days=61))
    owed = await reload(database, models.Loan, loan.id)
    assert owed.penal_outstanding == Decimal("124.14")

    payload = await record(gql, book.maker, loan, "1000.00")

    repayment = payload["repayment"]
    assert repayment["allocatedPenal"] == "124.14"
    assert repayment["allocatedPrincipal"] == "875.86"
    assert repayment["loan"]["penalOutstanding"] == "0.00"


async def test_record_repayment_full_makes_overdue_loan_standard(
    database: Database, gql: GraphQLClient
) -> None:
    book, loan = await _loan(database)
    async with database.transaction() as session:
        row = await session.get(models.Loan, loan.id)
        assert row is not None
        row.asset_class, row.days_past_due = AssetClass.SMA_1, 40

    payload = await record(gql, book.maker, loan, "94400.00")

    assert payload["repayment"]["loan"]["assetClass"] == "STANDARD"


@pytest.mark.parametrize(
    ("amount", "code"),
    [
        ("100.005", "INVALID_AMOUNT"),
        ("-5.00", "INVALID_AMOUNT"),
        ("0", "INVALID_AMOUNT"),
    ],
)
async def test_record_repayment_bad_amount_writes_nothing(
    database: Database, gql: GraphQLClient, amount: str, code: str
) -> None:
    book, loan = await _loan(database)
    records_before = await count_rows(database, models.IdempotencyRecord)
    audit_before = await count_rows(database, models.AuditRecord)

    payload = await record(gql, book.maker, loan, amount)

    assert [error["code"] for error in payload["errors"]] == [code]
    assert payload["errors"][0]["field"] == ["input", "amount"]
    assert await count_rows(database, models.Repayment) == 0
    assert await count_rows(database, models.IdempotencyRecord) == records_before
    assert await count_rows(database, models.AuditRecord) == audit_before
    stored = await reload(database, models.Loan, loan.id)
    assert stored.principal_outstanding == Decimal("94400.00")


async def test_record_repayment_same_key_records_once(
    database: Database, gql: GraphQLClient
) -> None:
    book, loan = await _loan(database)

    first = await record(gql, book.maker, loan, "1000.00")
    second = await record(gql, book.maker, loan, "1000.00")

    assert second["repayment"]["id"] == first["repayment"]["id"]
    assert await count_rows(database, models.Repayment) == 1
    stored = await reload(database, models.Loan, loan.id)
    assert stored.principal_outstanding == Decimal("93400.00")


async def test_record_repayment_same_key_other_amount_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    book, loan = await _loan(database)
    await record(gql, book.maker, loan, "1000.00")

    payload = await record(gql, book.maker, loan, "2000.00")

    assert [error["code"] for error in payload["errors"]] == ["IDEMPOTENCY_KEY_REUSED"]


async def test_record_repayment_bank_reference_taken(
    database: Database, gql: GraphQLClient
) -> None:
    book, loan = await _loan(database)
    await record(gql, book.maker, loan, "1000.00")

    payload = await record(gql, book.maker, loan, "1000.00", key="repay-2")

    assert [error["code"] for error in payload["errors"]] == ["BANK_REFERENCE_TAKEN"]


async def test_record_repayment_dates_checked(
    database: Database, gql: GraphQLClient
) -> None:
    book, loan = await _loan(database)
    today = india_today()

    future = await record(
        gql, book.maker, loan, "1.00", received_on=today + timedelta(1)
    )
    early = await record(
        gql, book.maker, loan, "1.00", received_on=today - timedelta(30)
    )

    assert [error["code"] for error in future["errors"]] == ["RECEIVED_ON_OUT_OF_RANGE"]
    assert [error["code"] for error in early["errors"]] == ["RECEIVED_ON_OUT_OF_RANGE"]


async def test_record_repayment_on_repaid_loan_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    book, loan = await _loan(database)
    await record(gql, book.maker, loan, "94400.00")

    payload = await record(gql, book.maker, loan, "1.00", bank_reference="X", key="2")

    assert [error["code"] for error in payload["errors"]] == ["LOAN_NOT_ACTIVE"]
    assert (await reload(database, models.Loan, loan.id)).status is LoanStatus.REPAID


async def test_record_repayment_other_lender_loan_not_found(
    database: Database, gql: GraphQLClient
) -> None:
    _book, loan = await _loan(database)
    stranger = await open_book(database)

    payload = await record(gql, stranger.maker, loan, "1.00")

    assert [error["code"] for error in payload["errors"]] == ["NOT_FOUND"]
