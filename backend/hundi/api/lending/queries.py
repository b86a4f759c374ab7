"""Root queries over lenders, applications, offers and loans."""

from __future__ import annotations

from datetime import UTC, date, datetime

import strawberry
from sqlalchemy import ColumnElement, or_
from strawberry.types import Info

from hundi import models
from hundi.api.lending.types import (
    APPLICATION_RELATIONS,
    LOAN_RELATIONS,
    OFFER_RELATIONS,
    DisbursalType,
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
    DisbursalStatus,
    LoanStatus,
    OfferStatus,
    Role,
)
from hundi.services import scoping
from hundi.services.lending.expiry import OPEN_APPLICATION
from hundi.services.lending.loan_list import LoanQuery
from hundi.services.lending.loan_list import (
    loan_conditions as service_loan_conditions,
)

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


def loan_query(filter: LoanFilter | None) -> LoanQuery:
    """Build the service-level query of a GraphQL loan filter."""
    if filter is None:
        return LoanQuery()

    buyer_id = decode_id(filter.buyer_id, "Buyer") if filter.buyer_id else None
    sme_id = decode_id(filter.sme_id, "Sme") if filter.sme_id else None
    unmatchable = {
        name
        for name, given, decoded in (
            ("buyerId", filter.buyer_id, buyer_id),
            ("smeId", filter.sme_id, sme_id),
        )
        if given is not None and decoded is None
    }
    return LoanQuery(
        statuses=filter.status or (),
        asset_classes=filter.asset_class or (),
        buyer_id=buyer_id,
        sme_id=sme_id,
        due_date_from=filter.due_date_from,
        due_date_to=filter.due_date_to,
        unmatchable=frozenset(unmatchable),
    )


def loan_conditions(filter: LoanFilter | None) -> list[ColumnElement[bool]]:
    return service_loan_conditions(loan_query(filter))


@strawberry.input(description="Narrow a list of disbursals.")
class DisbursalFilter:
    status: list[DisbursalStatus] | None = strawberry.field(
        default=None, description="Any of these states."
    )


def application_status_conditions(
    statuses: list[ApplicationStatus], now: datetime
) -> ColumnElement[bool]:
    """Match the effective status: an open application past its expiry is EXPIRED."""
    model = models.FinancingApplication
    lapsed = model.status.in_(OPEN_APPLICATION) & (model.expires_at <= now)
    conditions: list[ColumnElement[bool]] = []
    for status in statuses:
        if status is ApplicationStatus.EXPIRED:
            conditions.append((model.status == status) | lapsed)
        elif status in OPEN_APPLICATION:
            conditions.append((model.status == status) & (model.expires_at > now))
        else:
            conditions.append(model.status == status)
    return or_(*conditions)


def offer_status_conditions(
    statuses: list[OfferStatus], now: datetime
) -> ColumnElement[bool]:
    """Match the effective status: an open offer past its validity is EXPIRED."""
    model = models.Offer
    conditions: list[ColumnElement[bool]] = []
    for status in statuses:
        if status is OfferStatus.EXPIRED:
            lapsed = (model.status == OfferStatus.OPEN) & (model.valid_until <= now)
            conditions.append((model.status == status) | lapsed)
        elif status is OfferStatus.OPEN:
            conditions.append((model.status == status) & (model.valid_until > now))
        else:
            conditions.append(model.status == status)
    return or_(*conditions)


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
            now = datetime.now(UTC)
            conditions.append(application_status_conditions(filter.status, now))
        return await list_page(
            info,
            model,
            scoping.application_scope,
            conditions=conditions,
            first=first,
            after=after,
            relations=APPLICATION_RELATIONS,
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
            now = datetime.now(UTC)
            conditions.append(offer_status_conditions(filter.status, now))
        return await list_page(
            info,
            model,
            scoping.offer_scope,
            conditions=conditions,
            first=first,
            after=after,
            relations=OFFER_RELATIONS,
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
            relations=LOAN_RELATIONS,
        )

    @strawberry.field(
        description="Disbursals you may see, newest first: a lender's checkers "
        "find the requests awaiting them with status REQUESTED.",
        extensions=allow(*READERS, machine_clients=True),
    )
    async def disbursals(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        filter: DisbursalFilter | None = None,
    ) -> Connection[DisbursalType]:
        model = models.Disbursal
        conditions: list[ColumnElement[bool]] = []
        if filter is not None and filter.status:
            conditions.append(model.status.in_(filter.status))
        return await list_page(
            info,
            model,
            scoping.disbursal_scope,
            conditions=conditions,
            first=first,
            after=after,
        )
