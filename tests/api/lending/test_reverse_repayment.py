"""reverseRepayment: the allocation goes back on the loan; REPAID reopens."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from hundi import models
from hundi.api.relay import to_global_id
from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.enums import InvoiceStatus, LoanStatus, RepaymentStatus
from hundi.services.actor import Actor
from support.graphql import GraphQLClient
from support.lending import active_loans, invoice_due, open_book, reload, repaid

REVERSE = """
mutation Reverse($input: ReverseRepaymentInput!) {
  reverseRepayment(input: $input) {
    repayment {
      id status reversedAt reversalReason
      loan { status principalOutstanding refundDue }
    }
    errors { field code message }
  }
}
"""


async def reverse(
    gql: GraphQLClient, actor: Actor, repayment: models.Repayment, key: str = "r1"
) -> dict[str, Any]:
    variables = {
        "input": {
            "repaymentId": to_global_id("Repayment", repayment.id),
            "reason": "Cheque returned unpaid",
            "idempotencyKey": key,
        }
    }
    data = await gql(actor, REVERSE, variables)
    payload: dict[str, Any] = data["reverseRepayment"]
    return payload


async def _loan(database: Database) -> tuple[Any, models.Loan]:
    book = await open_book(database)
    on = india_today() - timedelta(days=10)
    invoice = await invoice_due(database, book, on + timedelta(days=60))
    [loan] = await active_loans(database, book, [invoice], on=on)
    return book, loan


async def test_reverse_repayment_reopens_repaid_loan(
    database: Database, gql: GraphQLClient
) -> None:
    book, loan = await _loan(database)
    repayment = await repaid(database, book, loan, Decimal("95000.00"), india_today())

    payload = await reverse(gql, book.checker, repayment)

    assert payload["errors"] == []
    assert payload["repayment"]["status"] == "REVERSED"
    assert payload["repayment"]["reversalReason"] == "Cheque returned unpaid"
    assert payload["repayment"]["loan"] == {
        "status": "ACTIVE",
        "principalOutstanding": "94400.00",
        "refundDue": "0.00",
    }
    invoice = await reload(database, models.Invoice, loan.invoice_id)
    assert invoice.status is InvoiceStatus.FINANCED


async def test_reverse_repayment_partial_restores_principal(
    database: Database, gql: GraphQLClient
) -> None:
    book, loan = await _loan(database)
    first = await repaid(database, book, loan, Decimal("10000.00"), india_today())
    await repaid(database, book, loan, Decimal("20000.00"), india_today())

    await reverse(gql, book.maker, first)

    stored = await reload(database, models.Loan, loan.id)
    assert stored.principal_outstanding == Decimal("74400.00")
    assert stored.status is LoanStatus.ACTIVE


async def test_reverse_repayment_twice_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    book, loan = await _loan(database)
    repayment = await repaid(database, book, loan, Decimal("10000.00"), india_today())
    await reverse(gql, book.maker, repayment, key="a")

    payload = await reverse(gql, book.maker, repayment, key="b")

    assert [error["code"] for error in payload["errors"]] == ["REPAYMENT_NOT_POSTED"]
    stored = await reload(database, models.Loan, loan.id)
    assert stored.principal_outstanding == Decimal("94400.00")


async def test_reverse_repayment_other_lender_not_found(
    database: Database, gql: GraphQLClient
) -> None:
    book, loan = await _loan(database)
    repayment = await repaid(database, book, loan, Decimal("10000.00"), india_today())
    stranger = await open_book(database)

    payload = await reverse(gql, stranger.maker, repayment)

    assert [error["code"] for error in payload["errors"]] == ["NOT_FOUND"]
    stored = await reload(database, models.Repayment, repayment.id)
    assert stored.status is RepaymentStatus.POSTED
