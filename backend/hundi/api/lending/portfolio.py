"""`portfolio`: a lender's live view of its book, for its users and its systems.

Every figure is an SQL aggregate (`hundi.services.lending.portfolio`), and
each field runs only when asked for. The definitions of outstanding,
disbursed, repaid and yield are in docs/financing.md.
"""

from __future__ import annotations

import enum
import uuid
from datetime import date
from typing import TYPE_CHECKING, Annotated

import strawberry
from sqlalchemy import ColumnElement
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.types import Info

from hundi import models
from hundi.api.errors import BadUserInput
from hundi.api.lending.queries import LoanFilter, loan_conditions
from hundi.api.lending.types import LOAN_RELATIONS, LoanType
from hundi.api.lists import list_page
from hundi.api.permissions import allow
from hundi.api.relay import Connection, Ordering, to_global_id
from hundi.api.scalars import MoneyValue, RateValue
from hundi.domain.calendar import india_today, month_start
from hundi.domain.enums import AssetClass, Role
from hundi.services import scoping
from hundi.services.lending import portfolio as figures

if TYPE_CHECKING:
    from hundi.api.context import Context

MAX_CONCENTRATION_ROWS = 100


@strawberry.enum(description="What to group the portfolio's concentration by.")
class ConcentrationDimension(enum.Enum):
    BUYER = "BUYER"
    SME = "SME"
    INDUSTRY = "INDUSTRY"
    STATE = "STATE"


@strawberry.enum(description="The order of the portfolio's loans.")
class LoanOrder(enum.Enum):
    NEWEST_FIRST = "NEWEST_FIRST"
    DUE_DATE = "DUE_DATE"


@strawberry.type(description="What the lender is owed at the day-end of asOf.")
class PortfolioOutstanding:
    principal: MoneyValue = strawberry.field(description="Principal outstanding.")
    penal: MoneyValue = strawberry.field(description="Penal interest outstanding.")
    loans: int = strawberry.field(description="Loans that owe something.")


@strawberry.type(description="Money that moved in the period from..to.")
class PortfolioFlows:
    loans_disbursed: int = strawberry.field(description="Loans paid out.")
    principal_disbursed: MoneyValue = strawberry.field(
        description="Advance of the loans paid out."
    )
    net_disbursed: MoneyValue = strawberry.field(
        description="Net amounts paid to SMEs."
    )
    repaid: MoneyValue = strawberry.field(
        description="Repayments received (reversed ones excluded)."
    )
    recovered: MoneyValue = strawberry.field(
        description="Recoveries on written-off loans received."
    )
    income: MoneyValue = strawberry.field(
        description="Discount and fee of the loans paid out, plus penal "
        "interest accrued."
    )
    average_principal: MoneyValue = strawberry.field(
        description="Average of each day's closing principal outstanding."
    )
    annualised_yield: RateValue | None = strawberry.field(
        description="Income / average principal outstanding x 365 / days; null "
        "when nothing was outstanding."
    )


@strawberry.type(description="Loans of one RBI class at the day-end of asOf.")
class AssetClassBucket:
    asset_class: AssetClass = strawberry.field(description="The class.")
    loans: int = strawberry.field(description="Loans in it.")
    principal: MoneyValue = strawberry.field(description="Their principal owed.")


@strawberry.type(description="One group's part of the principal outstanding.")
class ConcentrationShare:
    key: str = strawberry.field(
        description="The buyer's or SME's global id, the industry or the GST "
        "state code."
    )
    label: str = strawberry.field(description="Name to show.")
    principal: MoneyValue = strawberry.field(description="Principal outstanding.")
    share: RateValue = strawberry.field(
        description="Share of the whole principal outstanding."
    )
    loans: int = strawberry.field(description="Loans that owe something.")


@strawberry.type(
    name="Portfolio",
    description="Your lender's book: what is owed at the day-end of asOf, and "
    "the money that moved from `from` to `to`.",
)
class PortfolioType:
    as_of: date = strawberry.field(description="Date of the point-in-time figures.")
    start: date = strawberry.field(
        name="from", description="First day of the period, included."
    )
    end: date = strawberry.field(name="to", description="Last day of the period.")
    lender_id: strawberry.Private[uuid.UUID]

    @strawberry.field(description="Principal and penal interest owed.")
    async def outstanding(self, info: Info) -> PortfolioOutstanding:
        async with _session(info) as session:
            found = await figures.outstanding(session, self.lender_id, self.as_of)
        return PortfolioOutstanding(
            principal=found.principal,  # type: ignore[arg-type]
            penal=found.penal,  # type: ignore[arg-type]
            loans=found.loans,
        )

    @strawberry.field(description="Disbursed, repaid, recovered and yield.")
    async def flows(self, info: Info) -> PortfolioFlows:
        async with _session(info) as session:
            found = await figures.flows(session, self.lender_id, self.start, self.end)
        return PortfolioFlows(
            loans_disbursed=found.loans_disbursed,
            principal_disbursed=found.principal_disbursed,  # type: ignore[arg-type]
            net_disbursed=found.net_disbursed,  # type: ignore[arg-type]
            repaid=found.repaid,  # type: ignore[arg-type]
            recovered=found.recovered,  # type: ignore[arg-type]
            income=found.income,  # type: ignore[arg-type]
            average_principal=found.average_principal,  # type: ignore[arg-type]
            annualised_yield=found.annualised_yield,  # type: ignore[arg-type]
        )

    @strawberry.field(
        description="Days-past-due buckets: loans and principal per RBI class, "
        "every class listed."
    )
    async def asset_classes(self, info: Info) -> list[AssetClassBucket]:
        async with _session(info) as session:
            found = await figures.buckets(session, self.lender_id, self.as_of)
        return [
            AssetClassBucket(
                asset_class=bucket.asset_class,
                loans=bucket.loans,
                principal=bucket.principal,  # type: ignore[arg-type]
            )
            for bucket in found
        ]

    @strawberry.field(
        description="The largest groups by principal outstanding, with their "
        "share; `first` is at most 100."
    )
    async def concentration(
        self, info: Info, by: ConcentrationDimension, first: int = 10
    ) -> list[ConcentrationShare]:
        if not 1 <= first <= MAX_CONCENTRATION_ROWS:
            raise BadUserInput(
                f"first is {first}; ask for 1 to {MAX_CONCENTRATION_ROWS} groups"
            )
        async with _session(info) as session:
            found = await figures.concentration(
                session, self.lender_id, self.as_of, by.value, first
            )
        return [
            ConcentrationShare(
                key=_key(by, row.key),
                label=row.label,
                principal=row.principal,  # type: ignore[arg-type]
                share=row.share,  # type: ignore[arg-type]
                loans=row.loans,
            )
            for row in found
        ]

    @strawberry.field(
        description="Your lender's loans, filtered; newest first, or by due date."
    )
    async def loans(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        filter: LoanFilter | None = None,
        order: LoanOrder = LoanOrder.NEWEST_FIRST,
    ) -> Connection[LoanType]:
        loan = models.Loan
        conditions: list[ColumnElement[bool]] = [
            loan.lender_id == self.lender_id,
            *loan_conditions(filter),
        ]
        ordering = None
        if order is LoanOrder.DUE_DATE:
            ordering = Ordering((loan.due_date, loan.id), descending=False)
        return await list_page(
            info,
            loan,
            scoping.loan_scope,
            conditions=conditions,
            first=first,
            after=after,
            ordering=ordering,
            relations=LOAN_RELATIONS,
        )


@strawberry.type
class PortfolioQueries:
    @strawberry.field(
        description="Your lender's portfolio, for its users and its machine "
        "client. asOf defaults to today in India; the period defaults to the "
        "month of asOf up to asOf.",
        extensions=allow(Role.LENDER, machine_clients=True),
    )
    def portfolio(
        self,
        info: Info,
        as_of: date | None = None,
        from_: Annotated[
            date | None,
            strawberry.argument(name="from", description="First day of the period."),
        ] = None,
        to: date | None = None,
    ) -> PortfolioType:
        context: Context = info.context
        actor = context.require_actor()
        assert actor.lender_id is not None  # Every LENDER actor has a lender.

        today = india_today()
        as_of = as_of or today
        end = to or as_of
        start = from_ or month_start(end)
        _check_dates(as_of, start, end, today)
        return PortfolioType(
            as_of=as_of, start=start, end=end, lender_id=actor.lender_id
        )


def _check_dates(as_of: date, start: date, end: date, today: date) -> None:
    if as_of > today or end > today:
        raise BadUserInput(
            f"asOf {as_of.isoformat()} and to {end.isoformat()} must not be after "
            f"today in India ({today.isoformat()})"
        )
    if start > end:
        raise BadUserInput(
            f"from {start.isoformat()} is after to {end.isoformat()}; swap them"
        )


def _session(info: Info) -> AsyncSession:
    context: Context = info.context
    return context.database.session()


def _key(by: ConcentrationDimension, key: str) -> str:
    if by is ConcentrationDimension.BUYER:
        return to_global_id("Buyer", uuid.UUID(key))
    if by is ConcentrationDimension.SME:
        return to_global_id("Sme", uuid.UUID(key))
    return key
