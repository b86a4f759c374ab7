"""approveDisbursal: another user of the lender approves; the loans go live."""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Any

import pytest

from hundi import models
from hundi.api.relay import to_global_id
from hundi.db import Database
from hundi.domain.enums import (
    ApplicationStatus,
    DisbursalStatus,
    InvoiceStatus,
    LoanStatus,
)
from hundi.services.actor import Actor
from support.graphql import GraphQLClient
from support.lending import loans_of, open_book, reload, requested_disbursal
from support.rows import all_rows, audit_actions

APPROVE = """
mutation Approve($input: ApproveDisbursalInput!) {
  approveDisbursal(input: $input) {
    disbursal {
      id status amount valueDate decidedAt
      offer { application { status loans { status disbursalDate netAmount } } }
    }
    errors { field code message }
  }
}
"""


async def approve(
    gql: GraphQLClient, actor: Actor, disbursal: models.Disbursal, key: str = "k"
) -> dict[str, Any]:
    variables = {
        "input": {
            "disbursalId": to_global_id("Disbursal", disbursal.id),
            "idempotencyKey": key,
        }
    }
    data = await gql(actor, APPROVE, variables)
    payload: dict[str, Any] = data["approveDisbursal"]
    return payload


async def test_approve_disbursal_activates_loans(
    database: Database, gql: GraphQLClient, caplog: pytest.LogCaptureFixture
) -> None:
    book, offer, disbursal = await requested_disbursal(database)
    caplog.set_level(logging.INFO, logger="hundi.services.lending.disbursals")

    payload = await approve(gql, book.checker, disbursal)

    assert payload["errors"] == []
    approved = payload["disbursal"]
    assert approved["status"] == "APPROVED"
    application = approved["offer"]["application"]
    assert application["status"] == "DISBURSED"
    assert [loan["status"] for loan in application["loans"]] == ["ACTIVE", "ACTIVE"]
    net_total = sum(
        (loan.net_amount for loan in await loans_of(database, offer)), Decimal("0.00")
    )
    assert approved["amount"] == str(net_total)
    invoices = await all_rows(database, models.Invoice)
    assert {invoice.status for invoice in invoices} == {InvoiceStatus.FINANCED}
    stored = await reload(database, models.Disbursal, disbursal.id)
    assert stored.approved_by_user_id == book.checker.user_id
    assert "disbursal.approved" in await audit_actions(database)
    assert any("approved" in record.getMessage() for record in caplog.records)


async def test_approve_disbursal_by_maker_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    book, offer, disbursal = await requested_disbursal(database)

    payload = await approve(gql, book.maker, disbursal)

    assert [error["code"] for error in payload["errors"]] == ["MAKER_CANNOT_APPROVE"]
    stored = await reload(database, models.Disbursal, disbursal.id)
    assert stored.status is DisbursalStatus.REQUESTED
    loans = await loans_of(database, offer)
    assert {loan.status for loan in loans} == {LoanStatus.PENDING_DISBURSAL}


async def test_approve_disbursal_twice_with_new_key_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    book, offer, disbursal = await requested_disbursal(database)
    await approve(gql, book.checker, disbursal, key="first")

    again = await approve(gql, book.admin, disbursal, key="second")

    assert [error["code"] for error in again["errors"]] == ["DISBURSAL_NOT_REQUESTED"]
    application = await reload(
        database, models.FinancingApplication, offer.application_id
    )
    assert application.status is ApplicationStatus.DISBURSED


async def test_approve_disbursal_repeat_key_returns_first_result(
    database: Database, gql: GraphQLClient
) -> None:
    book, _offer, disbursal = await requested_disbursal(database)
    first = await approve(gql, book.checker, disbursal, key="same")

    second = await approve(gql, book.checker, disbursal, key="same")

    assert second["errors"] == []
    assert second["disbursal"]["decidedAt"] == first["disbursal"]["decidedAt"]
    assert (await audit_actions(database)).count("disbursal.approved") == 1


async def test_approve_disbursal_other_lender_not_found(
    database: Database, gql: GraphQLClient
) -> None:
    _book, _offer, disbursal = await requested_disbursal(database)
    stranger = await open_book(database)

    payload = await approve(gql, stranger.checker, disbursal)

    assert [error["code"] for error in payload["errors"]] == ["NOT_FOUND"]
