"""GET /exports/loans.csv: a lender's loans as CSV, for its users and its systems.

The application mounts it as

    Route("/exports/loans.csv", loans_csv, methods=["GET"])

and signs the request in with `app.state.authenticate`, like /graphql. Only
LENDER actors (users and the lender's machine client) get a file, of their
own lender's loans. Anyone else signed in gets 403, and anonymous callers 401.

The query parameters are the filters of `portfolio.loans`: status and
assetClass (each repeatable), buyerId and smeId (global ids), dueDateFrom
and dueDateTo (YYYY-MM-DD). Rows come ordered by due date, then loan id, in
batches, so a large book streams without being held in memory. Amounts are
plain decimal strings with 2 places; rates are fractions.
"""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from hundi.api.lists import decode_id
from hundi.api.relay import to_global_id
from hundi.api.scalars import serialize_money, serialize_rate
from hundi.db import Database
from hundi.domain.enums import AssetClass, LoanStatus, Role
from hundi.models import Loan
from hundi.services.actor import Actor
from hundi.services.lending.loan_list import LoanQuery, export_batches

COLUMNS = (
    "loan_id",
    "invoice_number",
    "sme_name",
    "buyer_name",
    "buyer_gstin",
    "status",
    "asset_class",
    "days_past_due",
    "disbursal_date",
    "due_date",
    "invoice_amount",
    "advance_amount",
    "discount_amount",
    "fee_amount",
    "net_amount",
    "annual_rate",
    "annual_percentage_rate",
    "principal_outstanding",
    "penal_outstanding",
    "refund_due",
    "written_off_amount",
    "recovered_amount",
)
# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

EnumT = TypeVar("EnumT", LoanStatus, AssetClass)


class InvalidFilter(ValueError):
    """A query parameter that is not a valid filter value."""


async def loans_csv(request: Request) -> Response:
    """Stream the signed-in lender's loans that match the filters as CSV."""
    actor: Actor | None = await request.app.state.authenticate(request)
    if actor is None:
        return JSONResponse({"error": "Sign in to export loans."}, status_code=401)
    if actor.role is not Role.LENDER or actor.lender_id is None:
        return JSONResponse(
            {"error": "Only a lender's users and systems export its loans."},
            status_code=403,
        )

    try:
        query = _query(request)
    except InvalidFilter as error:
        return JSONResponse({"error": str(error)}, status_code=400)

    return StreamingResponse(
        _csv(request.app.state.database, actor, query),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": 'attachment; filename="loans.csv"',
            "Cache-Control": "private, no-store",
        },
    )


def _query(request: Request) -> LoanQuery:
    params = request.query_params
    buyer_id = _id(params.get("buyerId"), "Buyer", "buyerId")
    sme_id = _id(params.get("smeId"), "Sme", "smeId")
    return LoanQuery(
        statuses=_members(params.getlist("status"), LoanStatus, "status"),
        asset_classes=_members(params.getlist("assetClass"), AssetClass, "assetClass"),
        buyer_id=buyer_id,
        sme_id=sme_id,
        due_date_from=_date(params.get("dueDateFrom"), "dueDateFrom"),
        due_date_to=_date(params.get("dueDateTo"), "dueDateTo"),
    )


def _members(values: list[str], enum_class: type[EnumT], name: str) -> list[EnumT]:
    members = []
    for value in values:
        try:
            members.append(enum_class(value))
        except ValueError:
            allowed = ", ".join(member.value for member in enum_class)
            raise InvalidFilter(f"{name} {value!r} is not one of {allowed}") from None
    return members


def _id(value: str | None, type_name: str, name: str) -> Any:
    if value is None:
        return None
    decoded = decode_id(value, type_name)
    if decoded is None:
        raise InvalidFilter(f"{name} {value!r} is not the id of a {type_name}")
    return decoded


def _date(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidFilter(
            f"{name} {value!r} is not a date; write it as YYYY-MM-DD"
        ) from None


async def _csv(
    database: Database, actor: Actor, query: LoanQuery
) -> AsyncIterator[str]:
    yield _line(COLUMNS)
    async for rows in export_batches(database, actor, query):
        yield "".join(_line(_cells(row)) for row in rows)


def _cells(row: Sequence[Any]) -> list[str]:
    loan: Loan
    loan, invoice_number, sme_name, buyer_name, gstin = row
    money = _money
    return [
        to_global_id("Loan", loan.id),
        _text(invoice_number),
        _text(sme_name),
        _text(buyer_name),
        gstin,
        loan.status.value,
        loan.asset_class.value,
        str(loan.days_past_due),
        loan.disbursal_date.isoformat() if loan.disbursal_date else "",
        loan.due_date.isoformat(),
        money(loan.invoice_amount),
        money(loan.advance_amount),
        money(loan.discount_amount),
        money(loan.fee_amount),
        money(loan.net_amount),
        serialize_rate(loan.annual_rate),
        serialize_rate(loan.annual_percentage_rate),
        money(loan.principal_outstanding),
        money(loan.penal_outstanding),
        money(loan.refund_due),
        money(loan.written_off_amount),
        money(loan.recovered_amount),
    ]


def _money(value: Decimal | None) -> str:
    return "" if value is None else serialize_money(value)


def _text(value: str) -> str:
    # Names come from SMEs; keep a spreadsheet from running them as formulas.
    return f"'{value}" if value.startswith(_FORMULA_STARTS) else value


def _line(cells: Any) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()
