"""Root queries over invoices."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

import strawberry
from sqlalchemy import ColumnElement, and_, false, select
from strawberry.types import Info

from hundi import models
from hundi.api.errors import BadUserInput
from hundi.api.invoices.types import (
    INVOICE_RELATIONS,
    BuyerType,
    InvoiceImportType,
    InvoiceType,
)
from hundi.api.lists import decode_id, list_page
from hundi.api.permissions import allow
from hundi.api.relay import Connection, Ordering
from hundi.api.scalars import MoneyValue
from hundi.domain.enums import InvoiceStatus, Role
from hundi.services.lending.applications import financeable
from hundi.services.scoping import buyer_scope, invoice_import_scope, invoice_scope

if TYPE_CHECKING:
    from hundi.api.context import Context

# Alphabetical, as a person looks a buyer up; ix_buyers_legal_name_id serves it.
BUYER_ORDER = Ordering((models.Buyer.legal_name, models.Buyer.id), descending=False)


@strawberry.input(
    description="Narrow a list of invoices; every given field must match."
)
class InvoiceFilter:
    status: list[InvoiceStatus] | None = strawberry.field(
        default=None, description="Any of these states."
    )
    buyer_id: strawberry.ID | None = strawberry.field(
        default=None, description="Raised on this buyer."
    )
    invoice_date_from: date | None = strawberry.field(
        default=None, description="Dated on or after."
    )
    invoice_date_to: date | None = strawberry.field(
        default=None, description="Dated on or before."
    )
    due_date_from: date | None = strawberry.field(
        default=None, description="Due on or after."
    )
    due_date_to: date | None = strawberry.field(
        default=None, description="Due on or before."
    )
    amount_min: MoneyValue | None = strawberry.field(
        default=None, description="Total at least."
    )
    amount_max: MoneyValue | None = strawberry.field(
        default=None, description="Total at most."
    )
    financeable: bool | None = strawberry.field(
        default=None,
        description="True: only invoices an application could include now (a "
        "verified tax invoice, due after tomorrow in India, in no open, accepted "
        "or paid-out application). False: only the others.",
    )


def invoice_conditions(filter: InvoiceFilter | None) -> list[ColumnElement[bool]]:
    if filter is None:
        return []
    invoice = models.Invoice
    conditions: list[ColumnElement[bool]] = []
    if filter.status:
        conditions.append(invoice.status.in_(filter.status))
    if filter.buyer_id is not None:
        buyer_id = decode_id(filter.buyer_id, "Buyer")
        conditions.append(invoice.buyer_id == buyer_id if buyer_id else false())
    for name, amount in (
        ("amountMin", filter.amount_min),
        ("amountMax", filter.amount_max),
    ):
        if amount is not None:
            _check_filter_amount(name, amount)
    bounds = [
        (filter.invoice_date_from, invoice.invoice_date.__ge__),
        (filter.invoice_date_to, invoice.invoice_date.__le__),
        (filter.due_date_from, invoice.due_date.__ge__),
        (filter.due_date_to, invoice.due_date.__le__),
        (filter.amount_min, invoice.total_amount.__ge__),
        (filter.amount_max, invoice.total_amount.__le__),
    ]
    conditions.extend(compare(value) for value, compare in bounds if value is not None)
    if filter.financeable is not None:
        rules = and_(*financeable(datetime.now(UTC)))
        conditions.append(rules if filter.financeable else ~rules)
    return conditions


def _check_filter_amount(name: str, amount: Decimal) -> None:
    if amount < 0:
        raise BadUserInput(
            f"filter.{name} {amount} is negative; invoice totals are more than 0"
        )
    if amount.as_tuple().exponent < -2:  # type: ignore[operator]
        raise BadUserInput(
            f"filter.{name} {amount} has more than 2 decimal places; amounts are "
            "rupees with paise"
        )


@strawberry.type
class InvoiceQueries:
    @strawberry.field(
        description="Invoices you may see, newest first.",
        extensions=allow(Role.SME, Role.LENDER, Role.OPS, Role.ADMIN),
    )
    async def invoices(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        filter: InvoiceFilter | None = None,
    ) -> Connection[InvoiceType]:
        return await list_page(
            info,
            models.Invoice,
            invoice_scope,
            conditions=invoice_conditions(filter),
            first=first,
            after=after,
            relations=INVOICE_RELATIONS,
        )

    @strawberry.field(
        description="Buyers you may see, by name: those you invoiced as an SME, "
        "those of your applications as a LENDER, all for OPS and ADMIN.",
        extensions=allow(Role.SME, Role.LENDER, Role.OPS, Role.ADMIN),
    )
    async def buyers(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        gstin: str | None = None,
    ) -> Connection[BuyerType]:
        conditions: list[ColumnElement[bool]] = []
        if gstin is not None:
            conditions.append(models.Buyer.gstin == gstin.strip().upper())
        return await list_page(
            info,
            models.Buyer,
            buyer_scope,
            conditions=conditions,
            first=first,
            after=after,
            ordering=BUYER_ORDER,
        )

    @strawberry.field(
        description="An import of invoices from a file, by the id sent with it; "
        "poll it for progress while the upload runs. Null when it does not "
        "exist or is not yours.",
        extensions=allow(Role.SME, Role.OPS, Role.ADMIN),
    )
    async def invoice_import(
        self, info: Info, id: uuid.UUID
    ) -> InvoiceImportType | None:
        context: Context = info.context
        actor = context.require_actor()
        # Read fresh each time: the import commits progress while it runs.
        await context.reader.refresh()
        row = await context.reader.scalar(
            select(models.InvoiceImport).where(
                models.InvoiceImport.id == id, invoice_import_scope(actor)
            )
        )
        return row
