"""writeOffLoan: a lender admin writes off an NPA loan for all it owes."""

from __future__ import annotations

from typing import Any

from hundi import models
from hundi.api.relay import to_global_id
from hundi.db import Database
from hundi.domain.enums import LoanStatus
from hundi.services.actor import Actor
from support.graphql import GraphQLClient
from support.lending import npa_loan, open_book, reload

WRITE_OFF = """
mutation WriteOff($input: WriteOffLoanInput!) {
  writeOffLoan(input: $input) {
    loan {
      id status writtenOffAmount writtenOffOn writeOffReason assetClass
      principalOutstanding penalOutstanding
    }
    errors { field code message }
  }
}
"""


async def write_off(
    gql: GraphQLClient, actor: Actor, loan: models.Loan, key: str = "w1"
) -> dict[str, Any]:
    variables = {
        "input": {
            "loanId": to_global_id("Loan", loan.id),
            "reason": "Buyer in insolvency proceedings",
            "idempotencyKey": key,
        }
    }
    data = await gql(actor, WRITE_OFF, variables)
    payload: dict[str, Any] = data["writeOffLoan"]
    return payload


async def test_write_off_npa_loan_writes_off_all_owed(
    database: Database, gql: GraphQLClient
) -> None:
    book, loan = await npa_loan(database)
    owed = await reload(database, models.Loan, loan.id)

    payload = await write_off(gql, book.admin, loan)

    assert payload["errors"] == []
    written = payload["loan"]
    assert written["status"] == "WRITTEN_OFF"
    expected = owed.principal_outstanding + owed.penal_outstanding
    assert written["writtenOffAmount"] == str(expected)
    assert written["writeOffReason"] == "Buyer in insolvency proceedings"
    assert written["writtenOffOn"] is not None


async def test_write_off_standard_loan_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    book, loan = await npa_loan(database, npa=False)

    payload = await write_off(gql, book.admin, loan)

    assert [error["code"] for error in payload["errors"]] == ["LOAN_NOT_NPA"]
    assert (await reload(database, models.Loan, loan.id)).status is LoanStatus.ACTIVE


async def test_write_off_repeat_key_writes_off_once(
    database: Database, gql: GraphQLClient
) -> None:
    book, loan = await npa_loan(database)

    first = await write_off(gql, book.admin, loan)
    second = await write_off(gql, book.admin, loan)

    assert second["errors"] == []
    assert second["loan"]["writtenOffAmount"] == first["loan"]["writtenOffAmount"]


async def test_write_off_by_lender_non_admin_forbidden(
    database: Database, gql: GraphQLClient
) -> None:
    book, loan = await npa_loan(database)
    variables = {
        "input": {
            "loanId": to_global_id("Loan", loan.id),
            "reason": "x",
            "idempotencyKey": "k",
        }
    }

    await gql.denied(book.maker, WRITE_OFF, "FORBIDDEN", variables)

    assert (await reload(database, models.Loan, loan.id)).status is LoanStatus.ACTIVE


async def test_write_off_other_lender_loan_not_found(
    database: Database, gql: GraphQLClient
) -> None:
    _book, loan = await npa_loan(database)
    stranger = await open_book(database)

    payload = await write_off(gql, stranger.admin, loan)

    assert [error["code"] for error in payload["errors"]] == ["NOT_FOUND"]
