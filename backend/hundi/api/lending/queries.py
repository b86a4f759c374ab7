"""Root queries over lenders, applications, offers and loans."""

from __future__ import annotations

from datetime import date

import strawberry
from sqlalchemy import ColumnElement, false
from strawberry.types import Info

from hundi import models
from hundi.api.lending.types import (
    FinancingApplicationType,
    LenderPartnerType,
    LoanType,
    OfferType,
)
from hundi.api.lists import decode_id, list_page
from hundi.api.permissions import allow
from hundi.api.relay import Connection, Ordering
from hundi.domain.enums import (
    ApplicationStatus,
    AssetClass,
    LoanStatus,
    OfferStatus,
    Role,
)
from hundi.services import scoping

READERS = (Role.SME, Role.LENDER, Role.OPS, Role.ADMIN)


@strawberry.input(description="Narrow a list of applications.")
class ApplicationFilter:
    status: list[ApplicationStatus] | None = strawberry.field(
        default=None, description="Any of these states."
    )


@strawberry.input(description="Narrow a list of offers.")
class OfferFilter:
    status: list[OfferStatus] | None = strawberry.field(
        default=None, description="Any of these states."
    )


@strawberry.input(description="Narrow a list of loans; every given field must match.")
class LoanFilter:
    status: list[LoanStatus] | None = strawberry.field(
        default=None, description="Any of these states."
    )
    asset_class: list[AssetClass] | None = strawberry.field(
        default=None, description="Any of these RBI classes."
    )
    buyer_id: strawberry.ID | None = strawberry.field(
        default=None, description="On invoices of this buyer."
    )
    sme_id: strawberry.ID | None = strawberry.field(
        default=None, description="To this SME."
    )
    due_date_from: date | None = strawberry.field(
        default=None, description="Due on or after."
    )
    due_date_to: date | None = strawberry.field(
        default=None, description="Due on or before."
    )


def loan_conditions(filter: LoanFilter | None) -> list[ColumnElement[bool]]:
    if filter is None:
        return []
    loan = models.Loan
    conditions: list[ColumnElement[bool]] = []
    if filter.status:
        conditions.append(loan.status.in_(filter.status))
    if filter.asset_class:
        conditions.append(loan.asset_class.in_(filter.asset_class))
    for global_id, column, type_name in (
        (filter.buyer_id, loan.buyer_id, "Buyer"),
        (filter.sme_id, loan.sme_id, "Sme"),
    ):
        if global_id is not None:
            row_id = decode_id(global_id, type_name)
            conditions.append(column == row_id if row_id else false())
    if filter.due_date_from is not None:
        conditions.append(loan.due_date >= filter.due_date_from)
    if filter.due_date_to is not None:
        conditions.append(loan.due_date <= filter.due_date_to)
    return conditions


@strawberry.type
class LendingQueries:
    @strawberry.field(
        description="Lender partners you may see, by name.",
        extensions=allow(*READERS, machine_clients=True),
    )
    async def lenders(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[LenderPartnerType]:
        model = models.LenderPartner
        return await list_page(
            info,
            model,
            scoping.lender_scope,
            conditions=[],
            first=first,
            after=after,
            ordering=Ordering((model.name, model.id), descending=False),
        )

    @strawberry.field(
        description="Financing applications you may see, newest first.",
        extensions=allow(*READERS, machine_clients=True),
    )
    async def applications(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        filter: ApplicationFilter | None = None,
    ) -> Connection[FinancingApplicationType]:
        model = models.FinancingApplication
        conditions: list[ColumnElement[bool]] = []
        if filter is not None and filter.status:
            conditions.append(model.status.in_(filter.status))
        return await list_page(
            info,
            model,
            scoping.application_scope,
            conditions=conditions,
            first=first,
            after=after,
        )

    @strawberry.field(
        description="Offers you may see, newest first.",
        extensions=allow(*READERS, machine_clients=True),
    )
    async def offers(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        filter: OfferFilter | None = None,
    ) -> Connection[OfferType]:
        model = models.Offer
        conditions: list[ColumnElement[bool]] = []
        if filter is not None and filter.status:
            conditions.append(model.status.in_(filter.status))
        return await list_page(
            info,
            model,
            scoping.offer_scope,
            conditions=conditions,
            first=first,
            after=after,
        )

    @strawberry.field(
        description="Loans you may see, newest first.",
        extensions=allow(*READERS, machine_clients=True),
    )
    async def loans(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        filter: LoanFilter | None = None,
    ) -> Connection[LoanType]:
        return await list_page(
            info,
            models.Loan,
            scoping.loan_scope,
            conditions=loan_conditions(filter),
            first=first,
            after=after,
        )
