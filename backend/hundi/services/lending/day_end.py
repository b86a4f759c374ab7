"""Day-end: classify every ACTIVE loan as of a business date, once.

For the business date D (a date in India), in one transaction:

1. expire the applications and offers due by the end of D (or by now, when
   D is today);
2. for each ACTIVE loan paid out on or before D: count its days past due at
   the day-end of D (`hundi.domain.overdue.days_past_due`) and accrue penal
   interest for the overdue days no earlier day-end covered
   (`hundi.domain.penal`). Then classify it with `next_asset_class`, so an
   NPA returns to standard only when all arrears are paid, and write its
   history row in loan_classifications, keyed by (loan, D);
3. record the run in day_end_runs.

day_end_runs.business_date is unique, so a date runs once. A second run of
the same date finds the first and returns its result, changing nothing. Two
workers at once: on PostgreSQL the second waits on the unique index until
the first commits, then fails and reads the first's result; on SQLite the
write lock serializes them. Day-ends run in date order: a date before the
latest run is refused, because classes and penal interest build on the
previous day-end.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.db import Database
from hundi.domain.calendar import INDIA, india_today
from hundi.domain.enums import AssetClass, LoanStatus
from hundi.domain.overdue import days_past_due, next_asset_class
from hundi.domain.penal import accrual_window, penal_interest
from hundi.models import DayEndRun, Loan, LoanClassification
from hundi.models.types import Money
from hundi.services.actor import Actor
from hundi.services.audit import record_audit, snapshot
from hundi.services.conflicts import UniqueKey, violates
from hundi.services.errors import FieldErrors
from hundi.services.lending.expiry import expire_due

logger = logging.getLogger(__name__)

DAY_END_DATE = UniqueKey("uq_day_end_runs_business_date", "day_end_runs.business_date")
_FIELD = ("businessDate",)
_CLASS_FIELDS = ("asset_class", "days_past_due", "npa_since")


@dataclass(frozen=True)
class DayEndResult:
    """The result of a day-end; `already_run` when an earlier run did the work."""

    business_date: date
    loans_classified: int
    penal_accrued: Decimal
    applications_expired: int
    offers_expired: int
    already_run: bool
    started_at: datetime
    finished_at: datetime | None
    # Every asset class, with 0 for a class no loan is in.
    loans_by_class: dict[AssetClass, int] = field(default_factory=dict)


async def run_day_end(
    database: Database,
    actor: Actor,
    business_date: date,
    now: datetime | None = None,
) -> DayEndResult:
    """Run day-end for `business_date`, or return the result of its earlier run."""
    now = now or datetime.now(UTC)
    _check_not_future(business_date, now)

    try:
        async with database.transaction() as session:
            earlier = await _run_of(session, business_date)
            if earlier is not None:
                return await _result(session, earlier, already_run=True)
            result = await _run(session, actor, business_date, now)
    except IntegrityError as error:
        if not violates(error, DAY_END_DATE):
            raise
        # Another worker ran this date at the same time and committed first.
        async with database.session() as session:
            earlier = await _run_of(session, business_date)
            assert earlier is not None  # Its insert is what collided.
            return await _result(session, earlier, already_run=True)

    logger.info(
        "day-end %s: %s loans classified %s, penal interest %s accrued, "
        "%s applications and %s offers expired",
        business_date.isoformat(),
        result.loans_classified,
        {cls.value: count for cls, count in result.loans_by_class.items() if count},
        result.penal_accrued,
        result.applications_expired,
        result.offers_expired,
    )
    return result


def _check_not_future(business_date: date, now: datetime) -> None:
    today = india_today(now)
    if business_date > today:
        raise FieldErrors.single(
            _FIELD,
            "DATE_IN_FUTURE",
            f"Business date {business_date.isoformat()} is after today in India "
            f"({today.isoformat()}); day-end runs for a date that has come.",
        )


async def _run_of(session: AsyncSession, business_date: date) -> DayEndRun | None:
    run: DayEndRun | None = await session.scalar(
        select(DayEndRun).where(DayEndRun.business_date == business_date)
    )
    return run


async def _run(
    session: AsyncSession, actor: Actor, business_date: date, now: datetime
) -> DayEndResult:
    previous = await session.scalar(select(func.max(DayEndRun.business_date)))
    if previous is not None and previous > business_date:
        raise FieldErrors.single(
            _FIELD,
            "DAY_END_OUT_OF_ORDER",
            f"Day-end ran for {previous.isoformat()} already; day-ends run in "
            f"date order, so {business_date.isoformat()} can no longer run.",
        )

    run = DayEndRun(
        business_date=business_date, started_at=now, run_by_user_id=actor.user_id
    )
    session.add(run)
    # Claims the date: a concurrent run of it fails here.
    await session.flush()

    cutoff = min(now, _end_of(business_date))
    run.applications_expired, run.offers_expired = await expire_due(
        session, actor, cutoff
    )
    run.loans_classified = await _classify_loans(
        session, actor, business_date, previous
    )
    run.finished_at = datetime.now(UTC)
    await record_audit(
        session,
        actor,
        "day_end.completed",
        "DayEndRun",
        run.id,
        after=snapshot(
            run,
            "business_date",
            "loans_classified",
            "applications_expired",
            "offers_expired",
        ),
    )
    return await _result(session, run, already_run=False)


def _end_of(business_date: date) -> datetime:
    next_midnight = datetime.combine(business_date + timedelta(days=1), time(), INDIA)
    return next_midnight.astimezone(UTC)


async def _classify_loans(
    session: AsyncSession,
    actor: Actor,
    business_date: date,
    previous: date | None,
) -> int:
    # NOTE: one ORM object per ACTIVE loan in one transaction; a book of more
    # than some 100,000 active loans would want this done in batches.
    loans = await session.scalars(
        select(Loan)
        .where(Loan.status == LoanStatus.ACTIVE, Loan.disbursal_date <= business_date)
        .order_by(Loan.id)
        .with_for_update()
    )
    classified = 0
    for loan in loans:
        await _classify(session, actor, loan, business_date, previous)
        classified += 1
    await session.flush()
    return classified


async def _classify(
    session: AsyncSession,
    actor: Actor,
    loan: Loan,
    business_date: date,
    previous: date | None,
) -> None:
    days = days_past_due(loan.due_date, business_date)
    penal = penal_for(loan, business_date, previous) if days else Decimal("0.00")
    loan.penal_outstanding += penal

    in_arrears = days > 0 and loan.principal_outstanding + loan.penal_outstanding > 0
    before = snapshot(loan, *_CLASS_FIELDS)
    new_class = next_asset_class(loan.asset_class, days, in_arrears)
    if new_class is AssetClass.NPA and loan.asset_class is not AssetClass.NPA:
        loan.npa_since = business_date
    elif new_class is not AssetClass.NPA:
        loan.npa_since = None
    changed = new_class is not loan.asset_class
    loan.asset_class = new_class
    loan.days_past_due = days if in_arrears else 0

    session.add(
        LoanClassification(
            loan_id=loan.id,
            business_date=business_date,
            days_past_due=loan.days_past_due,
            asset_class=new_class,
            principal_outstanding=loan.principal_outstanding,
            penal_accrued=penal,
        )
    )
    if changed:
        await record_audit(
            session,
            actor,
            "loan.classified",
            "Loan",
            loan.id,
            before=before,
            after=snapshot(loan, *_CLASS_FIELDS),
        )


def penal_for(loan: Loan, business_date: date, previous: date | None) -> Decimal:
    """Return the penal interest a day-end on `business_date` accrues on `loan`.

    `previous` is the business date of the last run before it, if any.
    """
    if loan.penal_annual_rate is None or loan.principal_outstanding == 0:
        return Decimal("0.00")

    window = accrual_window(loan.due_date, previous, business_date)
    if window is None:
        return Decimal("0.00")

    first, last = window
    return penal_interest(
        loan.principal_outstanding, loan.penal_annual_rate, loan.day_count, first, last
    )


async def _result(
    session: AsyncSession, run: DayEndRun, *, already_run: bool
) -> DayEndResult:
    await session.flush()
    rows = await session.execute(
        select(
            LoanClassification.asset_class,
            func.count(),
            func.coalesce(func.sum(LoanClassification.penal_accrued), 0, type_=Money()),
        )
        .where(LoanClassification.business_date == run.business_date)
        .group_by(LoanClassification.asset_class)
    )
    by_class = {asset_class: 0 for asset_class in AssetClass}
    penal = Decimal("0.00")
    for asset_class, count, accrued in rows.all():
        by_class[asset_class] = count
        penal += accrued

    return DayEndResult(
        business_date=run.business_date,
        loans_classified=run.loans_classified,
        penal_accrued=penal,
        applications_expired=run.applications_expired,
        offers_expired=run.offers_expired,
        already_run=already_run,
        started_at=run.started_at,
        finished_at=run.finished_at,
        loans_by_class=by_class,
    )
