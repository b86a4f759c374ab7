"""recordRecovery: money recovered on a written-off loan, never beyond it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from test_write_off_loan import npa_loan

from hundi import models
from hundi.api.relay import to_global_id
from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.services.actor import Actor
from hundi.services.lending.write_offs import write_off_loan
from support.graphql import GraphQLClient
from support.lending import Book, key, reload
from support.rows import count_rows

RECOVER = """
mutation Recover($input: RecordRecoveryInput!) {
  recordRecovery(input: $input) {
    recovery { id amount receivedOn loan { recoveredAmount writtenOffAmount } }
    errors { field code message }
  }
}
"""


async def recover(
    gql: GraphQLClient,
    actor: Actor,
    loan: models.Loan,
    amount: str,
    reference: str = "RECOVERY0001",
    idempotency_key: str = "rec-1",
    received_on: date | None = None,
) -> dict[str, Any]:
    variables = {
        "input": {
            "loanId": to_global_id("Loan", loan.id),
            "amount": amount,
            "receivedOn": (received_on or india_today()).isoformat(),
            "bankReference": reference,
            "idempotencyKey": idempotency_key,
        }
    }
    data = await gql(actor, RECOVER, variables)
    payload: dict[str, Any] = data["recordRecovery"]
    return payload


async def written_off(database: Database) -> tuple[Book, models.Loan]:
    book, loan = await npa_loan(database)
    await write_off_loan(database, book.admin, loan.id, "Insolvent buyer", key())
    return book, await reload(database, models.Loan, loan.id)


async def test_record_recovery_adds_up(database: Database, gql: GraphQLClient) -> None:
    book, loan = await written_off(database)

    payload = await recover(gql, book.maker, loan, "30000.00")

    assert payload["errors"] == []
    assert payload["recovery"]["loan"]["recoveredAmount"] == "30000.00"


async def test_record_recovery_beyond_write_off_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    book, loan = await written_off(database)
    assert loan.written_off_amount is not None
    await recover(gql, book.maker, loan, "30000.00")
    too_much = loan.written_off_amount - Decimal("30000.00") + Decimal("0.01")

    payload = await recover(
        gql, book.maker, loan, str(too_much), "RECOVERY0002", "rec-2"
    )

    assert [error["code"] for error in payload["errors"]] == [
        "RECOVERY_EXCEEDS_WRITE_OFF"
    ]
    assert await count_rows(database, models.Recovery) == 1


async def test_record_recovery_on_active_loan_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    book, loan = await npa_loan(database)

    payload = await recover(gql, book.maker, loan, "100.00")

    assert [error["code"] for error in payload["errors"]] == ["LOAN_NOT_WRITTEN_OFF"]


async def test_record_recovery_three_decimals_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    book, loan = await written_off(database)

    payload = await recover(gql, book.maker, loan, "100.001")

    assert [error["code"] for error in payload["errors"]] == ["INVALID_AMOUNT"]
    assert await count_rows(database, models.Recovery) == 0
