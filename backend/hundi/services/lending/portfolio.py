"""A lender's portfolio, computed with SQL aggregates over its books.

The books as of a date D (`as_of`) hold each loan paid out on or before D
and not written off by D, with what it owed at the day-end of D:

- principal = advance - principal of the repayments received by D;
- penal = penal interest accrued by the day-ends up to D - penal of the
  repayments received by D.

Reversed repayments never count, because a reversal means the money never
arrived. A loan with nothing owed is not in the books. Its RBI class at D
follows from its due date: each loan is repaid in one payment due on that
date. While anything is owed, its days past due are (D - due date) + 1,
which only grow. So the class is the one day-end assigns.

Flows cover the period `start` to `end`, both included:

- disbursed: loans whose value date is in the period (advance and net);
- repaid: posted repayments received in the period; recovered likewise;
- yield: income over the average principal outstanding, annualised on a
  365-day year, where income is the discount and processing fee of the
  loans disbursed in the period (both are deducted up front at disbursal)
  plus penal interest accrued by the period's day-ends, and the average
  principal outstanding is the sum of each day's closing principal over the
  period, divided by its days. So yield = income x 365 / principal-days.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Subquery,
    case,
    func,
    literal,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.domain.enums import AssetClass, LoanStatus, RepaymentStatus
from hundi.domain.limits import share
from hundi.domain.money import round_fraction_half_up
from hundi.models import Buyer, Loan, LoanClassification, Recovery, Repayment, Sme
from hundi.models.types import Money
from hundi.services.lending.sql_dates import day_number

_BOOKED = (LoanStatus.ACTIVE, LoanStatus.REPAID, LoanStatus.WRITTEN_OFF)
_YIELD_PLACES = 6
_ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Outstanding:
    principal: Decimal
    penal: Decimal
    loans: int


@dataclass(frozen=True)
class Bucket:
    """Loans of one RBI class in the books: how many, and their principal."""

    asset_class: AssetClass
    loans: int
    principal: Decimal


@dataclass(frozen=True)
class Concentration:
    """One group's principal outstanding and its share of the whole book."""

    key: str
    label: str
    principal: Decimal
    share: Decimal
    loans: int


@dataclass(frozen=True)
class Flows:
    loans_disbursed: int
    principal_disbursed: Decimal
    net_disbursed: Decimal
    repaid: Decimal
    recovered: Decimal
    income: Decimal
    average_principal: Decimal
    # None when no principal was outstanding in the period.
    annualised_yield: Decimal | None


def money(expression: Any) -> ColumnElement[Decimal]:
    """Read an amount expression back as Money (scaled integers on SQLite)."""
    return type_coerce(expression, Money())


def money_total(expression: Any) -> ColumnElement[Decimal]:
    return money(func.coalesce(func.sum(expression), 0))


def books(lender_id: uuid.UUID, as_of: date) -> Subquery:
    """Select the lender's loans that owe something at the day-end of `as_of`.

    The lender's loans come through ix_loans_lender_id_disbursal_date, and
    each one's repayments and accruals through their (loan_id, date) keys.
    """
    repaid = _repaid_by(as_of)
    accrued = (
        select(func.coalesce(func.sum(LoanClassification.penal_accrued), 0))
        .where(
            LoanClassification.loan_id == Loan.id,
            LoanClassification.business_date <= as_of,
        )
        .correlate(Loan)
        .scalar_subquery()
    )
    principal = money(Loan.advance_amount - repaid(Repayment.allocated_principal))
    penal = money(accrued - repaid(Repayment.allocated_penal))

    rows = (
        select(
            Loan.id.label("loan_id"),
            Loan.buyer_id,
            Loan.sme_id,
            principal.label("principal"),
            penal.label("penal"),
            _class_at(as_of).label("asset_class"),
        )
        .where(
            Loan.lender_id == lender_id,
            Loan.status.in_(_BOOKED),
            Loan.disbursal_date <= as_of,
            or_(Loan.written_off_on.is_(None), Loan.written_off_on > as_of),
        )
        .subquery()
    )
    return select(rows).where(rows.c.principal + rows.c.penal > 0).subquery("books")


async def outstanding(
    session: AsyncSession, lender_id: uuid.UUID, as_of: date
) -> Outstanding:
    book = books(lender_id, as_of)
    row = (
        await session.execute(
            select(
                money_total(book.c.principal),
                money_total(book.c.penal),
                func.count(),
            ).select_from(book)
        )
    ).one()
    return Outstanding(principal=row[0], penal=row[1], loans=row[2])


async def buckets(
    session: AsyncSession, lender_id: uuid.UUID, as_of: date
) -> list[Bucket]:
    """Count and principal per RBI class; every class is listed, in RBI order."""
    book = books(lender_id, as_of)
    rows = await session.execute(
        select(book.c.asset_class, func.count(), money_total(book.c.principal))
        .select_from(book)
        .group_by(book.c.asset_class)
    )
    found = {AssetClass(name): (count, total) for name, count, total in rows.all()}
    return [
        Bucket(asset_class, *found.get(asset_class, (0, _ZERO)))
        for asset_class in AssetClass
    ]


async def concentration(
    session: AsyncSession,
    lender_id: uuid.UUID,
    as_of: date,
    by: str,
    first: int,
) -> list[Concentration]:
    """Return the `first` largest groups by principal (BUYER, SME, INDUSTRY, STATE)."""
    book = books(lender_id, as_of)
    key, label = _grouping(book, by)
    total = await session.scalar(select(money_total(book.c.principal)))

    statement = (
        select(key, label, money_total(book.c.principal), func.count())
        .select_from(book)
        .join(Sme, Sme.id == book.c.sme_id)
        .join(Buyer, Buyer.id == book.c.buyer_id)
        .group_by(key, label)
        .order_by(money_total(book.c.principal).desc(), key)
        .limit(first)
    )
    rows = await session.execute(statement)
    return [
        Concentration(
            key=str(group),
            label=str(name),
            principal=amount,
            share=share(amount, total or _ZERO),
            loans=loans,
        )
        for group, name, amount, loans in rows.all()
    ]


async def flows(
    session: AsyncSession, lender_id: uuid.UUID, start: date, end: date
) -> Flows:
    disbursed = (
        await session.execute(
            select(
                func.count(),
                money_total(Loan.advance_amount),
                money_total(Loan.net_amount),
                money_total(Loan.discount_amount + Loan.fee_amount),
            ).where(
                Loan.lender_id == lender_id,
                Loan.status.in_(_BOOKED),
                Loan.disbursal_date.between(start, end),
            )
        )
    ).one()
    repaid = await _received(session, Repayment, lender_id, start, end)
    recovered = await _received(session, Recovery, lender_id, start, end)
    penal = await _penal_accrued(session, lender_id, start, end)
    principal_days = await _principal_days(session, lender_id, start, end)

    income = disbursed[3] + penal
    days = (end - start).days + 1
    return Flows(
        loans_disbursed=disbursed[0],
        principal_disbursed=disbursed[1],
        net_disbursed=disbursed[2],
        repaid=repaid,
        recovered=recovered,
        income=income,
        average_principal=round_fraction_half_up(Fraction(principal_days) / days),
        annualised_yield=_yield(income, principal_days),
    )


def _repaid_by(as_of: date) -> Any:
    def repaid(column: Any) -> Any:
        return (
            select(func.coalesce(func.sum(column), 0))
            .where(
                Repayment.loan_id == Loan.id,
                Repayment.status == RepaymentStatus.POSTED,
                Repayment.received_on <= as_of,
            )
            .correlate(Loan)
            .scalar_subquery()
        )

    return repaid


def _class_at(as_of: date) -> ColumnElement[str]:
    """Build the RBI class at the day-end of `as_of` of a loan that still owes."""

    def due_on_or_after(days_before: int) -> ColumnElement[bool]:
        return Loan.due_date >= literal(as_of - timedelta(days=days_before), Date)

    return case(
        (Loan.due_date > literal(as_of, Date), AssetClass.STANDARD.value),
        (due_on_or_after(29), AssetClass.SMA_0.value),
        (due_on_or_after(59), AssetClass.SMA_1.value),
        (due_on_or_after(89), AssetClass.SMA_2.value),
        else_=AssetClass.NPA.value,
    )


def _grouping(book: Subquery, by: str) -> tuple[Any, Any]:
    if by == "BUYER":
        return book.c.buyer_id, Buyer.legal_name
    if by == "SME":
        return book.c.sme_id, Sme.legal_name
    if by == "INDUSTRY":
        return Sme.industry, Sme.industry
    if by == "STATE":
        return Sme.state_code, Sme.state_code
    raise ValueError(f"unknown concentration grouping {by!r}")


async def _received(
    session: AsyncSession,
    model: type[Repayment] | type[Recovery],
    lender_id: uuid.UUID,
    start: date,
    end: date,
) -> Decimal:
    conditions = [
        model.loan_id == Loan.id,
        Loan.lender_id == lender_id,
        model.received_on.between(start, end),
    ]
    if model is Repayment:
        conditions.append(Repayment.status == RepaymentStatus.POSTED)
    total = await session.scalar(select(money_total(model.amount)).where(*conditions))
    return total or _ZERO


async def _penal_accrued(
    session: AsyncSession, lender_id: uuid.UUID, start: date, end: date
) -> Decimal:
    total = await session.scalar(
        select(money_total(LoanClassification.penal_accrued)).where(
            LoanClassification.loan_id == Loan.id,
            Loan.lender_id == lender_id,
            LoanClassification.business_date.between(start, end),
        )
    )
    return total or _ZERO


async def _principal_days(
    session: AsyncSession, lender_id: uuid.UUID, start: date, end: date
) -> Decimal:
    """Sum of each day's closing principal outstanding, over start..end."""
    after_end = day_number(literal(end + timedelta(days=1), Date))

    def days_from(day: Any) -> Any:
        first = case(
            (day < literal(start, Date), day_number(literal(start, Date))),
            else_=day_number(day),
        )
        return after_end - first

    lender = [Loan.lender_id == lender_id, Loan.status.in_(_BOOKED)]
    advanced = select(
        money_total(Loan.advance_amount * days_from(Loan.disbursal_date))
    ).where(*lender, Loan.disbursal_date <= end)
    repaid = select(
        money_total(Repayment.allocated_principal * days_from(Repayment.received_on))
    ).where(
        *lender,
        Repayment.loan_id == Loan.id,
        Repayment.status == RepaymentStatus.POSTED,
        Repayment.received_on <= end,
    )
    # A written-off loan keeps its outstanding principal on the row.
    written_off = select(
        money_total(Loan.principal_outstanding * days_from(Loan.written_off_on))
    ).where(*lender, Loan.written_off_on <= end)

    totals = [await session.scalar(query) for query in (advanced, repaid, written_off)]
    return (totals[0] or _ZERO) - (totals[1] or _ZERO) - (totals[2] or _ZERO)


def _yield(income: Decimal, principal_days: Decimal) -> Decimal | None:
    if principal_days <= 0:
        return None
    return round_fraction_half_up(
        Fraction(income) * 365 / Fraction(principal_days), _YIELD_PLACES
    )
