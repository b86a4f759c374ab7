"""rejectDisbursal: the checker rejects; the offer may be paid out again."""

from __future__ import annotations

from typing import Any

from hundi import models
from hundi.api.relay import to_global_id
from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.enums import DisbursalStatus
from hundi.services.actor import Actor
from hundi.services.lending.disbursals import DisbursalRequest, request_disbursal
from support.graphql import GraphQLClient
from support.lending import key, reference, reload, requested_disbursal

REJECT = """
mutation Reject($input: RejectDisbursalInput!) {
  rejectDisbursal(input: $input) {
    disbursal { id status rejectionReason decidedAt }
    errors { field code message }
  }
}
"""


async def reject(
    gql: GraphQLClient, actor: Actor, disbursal: models.Disbursal
) -> dict[str, Any]:
    variables = {
        "input": {
            "disbursalId": to_global_id("Disbursal", disbursal.id),
            "reason": "UTR does not match the bank statement",
        }
    }
    data = await gql(actor, REJECT, variables)
    payload: dict[str, Any] = data["rejectDisbursal"]
    return payload


async def test_reject_disbursal_allows_new_request(
    database: Database, gql: GraphQLClient
) -> None:
    book, offer, disbursal = await requested_disbursal(database)

    payload = await reject(gql, book.checker, disbursal)
    again = await request_disbursal(
        database,
        book.maker,
        DisbursalRequest(offer.id, reference("HDFC"), india_today(), key()),
    )

    assert payload["errors"] == []
    assert payload["disbursal"]["status"] == "REJECTED"
    assert payload["disbursal"]["rejectionReason"].startswith("UTR does not match")
    stored = await reload(database, models.Disbursal, disbursal.id)
    assert stored.rejected_by_user_id == book.checker.user_id
    assert again.status is DisbursalStatus.REQUESTED


async def test_reject_disbursal_by_maker_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    book, _offer, disbursal = await requested_disbursal(database)

    payload = await reject(gql, book.maker, disbursal)

    assert [error["code"] for error in payload["errors"]] == ["MAKER_CANNOT_REJECT"]
    stored = await reload(database, models.Disbursal, disbursal.id)
    assert stored.status is DisbursalStatus.REQUESTED
