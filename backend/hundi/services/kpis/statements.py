"""One aggregate SQL statement per metric part, grouped by India month.

Each statement returns one row per month: the month's first day, then a
numerator and, for ratios, a denominator. Sums of money stay exact (NUMERIC
on PostgreSQL, integer paise on SQLite) and durations are sums of exact
microseconds, so the division in Python is exact too. No statement returns
entity rows, and none returns personal data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Select,
    Subquery,
    and_,
    case,
    exists,
    func,
    literal,
    or_,
    select,
    union,
    union_all,
)
from sqlalchemy.orm import aliased

from hundi.domain.calendar import india_today
from hundi.domain.enums import (
    AcquisitionChannel,
    ApplicationStatus,
    ProductEventName,
    RepaymentStatus,
)
from hundi.domain.kpi_periods import Period, india_day_start, month_end
from hundi.models import (
    AppSession,
    FinancingApplication,
    Invoice,
    KycSubmission,
    LenderPartner,
    Loan,
    MarketingSpend,
    Offer,
    ProductEvent,
    Repayment,
    SecurityIncident,
    Sme,
    SupportTicket,
    SurveyResponse,
    Visitor,
)
from hundi.models.types import UtcDateTime
from hundi.services.kpis import india_time
from hundi.services.kpis.india_time import (
    india_month,
    sum_microseconds_between,
)

# A KYC form or an application left for this long without a submission is
# abandoned.
ABANDON_AFTER_DAYS = 7

# Days after its due date within which a repaid loan is not late: the same
# line as the day-end classification, where 1 to 30 days past due is SMA-0.
REPAYMENT_GRACE_DAYS = 30

REFERRED_CHANNELS = (AcquisitionChannel.REFERRAL, AcquisitionChannel.PARTNER)
UNDECIDED_WITHOUT_OFFER = (ApplicationStatus.DECLINED, ApplicationStatus.EXPIRED)
NPS_PROMOTER_FROM = 9
NPS_DETRACTOR_UP_TO = 6


@dataclass(frozen=True)
class Window:
    """The bounds every statement shares: the period, the launch and now."""

    period: Period
    # When launch began (UTC); None when no launch date is known yet.
    launch_start: datetime | None
    now: datetime

    @property
    def today(self) -> date:
        return india_today(self.now)


def _within(
    column: Any, start: datetime | None, end: datetime
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [column < end]
    conditions.append(column.is_not(None) if start is None else column >= start)
    return conditions


def _monthly(
    instant: Any, *aggregates: Any, where: list[ColumnElement[bool]]
) -> Select[Any]:
    month = india_month(instant)
    return select(month, *aggregates).where(*where).group_by(month)


def _count_when(condition: ColumnElement[bool]) -> Any:
    return func.sum(case((condition, 1), else_=0))


def month_ranges(period: Period) -> Subquery:
    """Return the period's India months with their UTC bounds, cut to the period.

    Columns: month (its first day), starts and ends. A join on `starts <=
    instant < ends` gives each row the same month as `india_month`, with one
    index range scan per month instead of a month worked out per row.
    This is faster only when an index starting with the instant contains
    every column the statement reads: session lengths took 40% less time.
    Statements that also read the table got slower, so they use `_monthly`.
    """
    rows = [
        select(
            literal(month, Date()).label("month"),
            literal(max(india_day_start(month), period.start), UtcDateTime()).label(
                "starts"
            ),
            literal(min(month_end(month), period.end), UtcDateTime()).label("ends"),
        )
        for month in period.months
    ]
    if len(rows) == 1:
        return rows[0].subquery("months")
    return union_all(*rows).subquery("months")


def _in_month(instant: Any, months: Subquery) -> ColumnElement[bool]:
    return and_(instant >= months.c.starts, instant < months.c.ends)


def _by_month(
    window: Window,
    table: Any,
    instant: Any,
    *aggregates: Any,
    where: list[ColumnElement[bool]],
) -> Select[Any]:
    """Select `aggregates` by month of `instant` over the rows of `table` in the period.

    Other tables can be joined to the result with `.join(...)`.
    """
    months = month_ranges(window.period)
    return (
        select(months.c.month, *aggregates)
        .select_from(months)
        .join(table, _in_month(instant, months))
        .where(*where)
        .group_by(months.c.month)
    )


# --- business ---------------------------------------------------------------


def onboarded_by_month(start: datetime | None, end: datetime) -> Select[Any]:
    """SMEs whose KYC was verified, by month."""
    verified = Sme.kyc_verified_at
    return _monthly(verified, func.count(), where=_within(verified, start, end))


def disbursed_by_month(start: datetime | None, end: datetime) -> Select[Any]:
    """Invoice amounts of disbursed loans, by month of disbursal."""
    disbursed = Loan.disbursed_at
    return _monthly(
        disbursed,
        func.sum(Loan.invoice_amount),
        where=_within(disbursed, start, end),
    )


def approval_rate(window: Window) -> Select[Any]:
    """By month of submission: applications with an offer, and decided ones."""
    application = FinancingApplication
    # One hash join with the offered applications, rather than a lookup of
    # the offers of every application.
    offered = select(Offer.application_id).distinct().subquery()
    approved = offered.c.application_id.is_not(None)
    decided = or_(approved, application.status.in_(UNDECIDED_WITHOUT_OFFER))
    return _monthly(
        application.submitted_at,
        _count_when(approved),
        _count_when(decided),
        where=_within(application.submitted_at, window.period.start, window.period.end),
    ).outerjoin_from(application, offered, offered.c.application_id == application.id)


def repeat_usage(window: Window) -> Select[Any]:
    """By month: SMEs reaching their second day of use, and their first."""
    application = FinancingApplication
    use_days = (
        select(
            application.sme_id,
            india_time.india_day(application.submitted_at).label("day"),
        )
        .where(
            *_within(application.submitted_at, window.launch_start, window.period.end)
        )
        .distinct()
        .subquery()
    )
    ranked = select(
        use_days.c.day,
        func.row_number()
        .over(partition_by=use_days.c.sme_id, order_by=use_days.c.day)
        .label("day_number"),
    ).subquery()

    month = india_time.month_of(ranked.c.day)
    return (
        select(
            month,
            _count_when(ranked.c.day_number == 2),
            _count_when(ranked.c.day_number == 1),
        )
        .where(ranked.c.day_number <= 2)
        .group_by(month)
    )


def financing_time(window: Window) -> Select[Any]:
    """Microseconds from invoice upload to disbursal, and loans, by disbursal month."""
    loan = Loan
    return _monthly(
        loan.disbursed_at,
        sum_microseconds_between(Invoice.created_at, loan.disbursed_at),
        func.count(),
        where=_within(loan.disbursed_at, window.period.start, window.period.end),
    ).join_from(loan, Invoice, Invoice.id == loan.invoice_id)


def _active_smes(start: datetime, end: datetime, *, by_month: bool) -> Any:
    session, application = AppSession, FinancingApplication
    session_columns: list[Any] = [session.sme_id.label("sme_id")]
    application_columns: list[Any] = [application.sme_id]
    if by_month:
        session_columns.append(india_month(session.started_at).label("month"))
        application_columns.append(india_month(application.submitted_at))

    return union(
        select(*session_columns).where(
            session.sme_id.is_not(None), *_within(session.started_at, start, end)
        ),
        select(*application_columns).where(
            *_within(application.submitted_at, start, end)
        ),
    ).subquery()


def active_smes_by_month(window: Window) -> Select[Any]:
    active = _active_smes(window.period.start, window.period.end, by_month=True)
    return select(active.c.month, func.count()).group_by(active.c.month)


def active_smes_trailing(window: Window) -> Select[Any]:
    """SMEs active in the 30 days that end on the period's last day (or today)."""
    start, end = window.period.trailing_days(window.today)
    active = _active_smes(start, end, by_month=False)
    return select(func.count()).select_from(active)


# --- acquisition --------------------------------------------------------------


def marketing_spend(window: Window) -> Select[Any]:
    """Spend by month, for the months the period touches."""
    spend = MarketingSpend
    months = window.period.months
    columns: list[Any] = [spend.month, func.sum(spend.amount)]
    return (
        select(*columns)
        .where(spend.month >= months[0], spend.month <= months[-1])
        .group_by(spend.month)
    )


def conversion_rate(window: Window) -> Select[Any]:
    visitor, end = Visitor, window.period.end
    # Each SME that completed onboarding before the end is found once and
    # hash-joined to its visitors, instead of a lookup of invoices per visitor.
    completed = (
        select(Sme.id)
        .where(
            Sme.kyc_verified_at < end,
            exists().where(Invoice.sme_id == Sme.id, Invoice.created_at < end),
        )
        .subquery()
    )
    return _by_month(
        window,
        visitor,
        visitor.first_seen_at,
        func.count(completed.c.id),
        func.count(),
        where=[],
    ).outerjoin(completed, completed.c.id == visitor.sme_id)


def referral_rate(window: Window) -> Select[Any]:
    return _monthly(
        Sme.created_at,
        _count_when(Sme.acquisition_channel.in_(REFERRED_CHANNELS)),
        func.count(),
        where=_within(Sme.created_at, window.period.start, window.period.end),
    )


# --- product usage ------------------------------------------------------------


def invoices_per_sme(window: Window) -> Select[Any]:
    """Invoices uploaded, and SMEs that uploaded, by month."""
    invoice = Invoice
    # Counting per SME and month first, then per month, avoids a sort of
    # every invoice for COUNT(DISTINCT).
    month = india_month(invoice.created_at)
    per_sme = (
        select(month.label("month"), func.count().label("invoices"))
        .where(*_within(invoice.created_at, window.period.start, window.period.end))
        .group_by(month, invoice.sme_id)
        .subquery()
    )
    return select(per_sme.c.month, func.sum(per_sme.c.invoices), func.count()).group_by(
        per_sme.c.month
    )


def session_duration(window: Window) -> Select[Any]:
    session = AppSession
    return _by_month(
        window,
        session,
        session.started_at,
        sum_microseconds_between(session.started_at, session.last_activity_at),
        func.count(),
        where=[session.sme_id.is_not(None)],
    )


def _submitted_within(
    model: type[Any], sme_id: Any, started_at: Any
) -> ColumnElement[bool]:
    submitted = model.submitted_at
    return exists().where(
        model.sme_id == sme_id,
        submitted >= started_at,
        submitted < india_time.plus_days(started_at, ABANDON_AFTER_DAYS),
    )


def drop_off_rate(window: Window) -> Select[Any]:
    event = ProductEvent
    kyc, application = (
        ProductEventName.KYC_STARTED,
        ProductEventName.APPLICATION_STARTED,
    )
    settled_before = window.now - timedelta(days=ABANDON_AFTER_DAYS)
    month = india_month(event.occurred_at)
    starts = (
        select(
            event.sme_id,
            event.name,
            month.label("month"),
            func.min(event.occurred_at).label("started_at"),
        )
        .where(
            event.name.in_([kyc, application]),
            event.sme_id.is_not(None),
            event.occurred_at < settled_before,
            *_within(event.occurred_at, window.period.start, window.period.end),
        )
        .group_by(event.sme_id, event.name, month)
        .subquery()
    )

    sme_id, started_at = starts.c.sme_id, starts.c.started_at
    abandoned = or_(
        and_(
            starts.c.name == kyc,
            ~_submitted_within(KycSubmission, sme_id, started_at),
        ),
        and_(
            starts.c.name == application,
            ~_submitted_within(FinancingApplication, sme_id, started_at),
        ),
    )
    return select(starts.c.month, _count_when(abandoned), func.count()).group_by(
        starts.c.month
    )


def support_resolution_time(window: Window) -> Select[Any]:
    ticket = SupportTicket
    return _monthly(
        ticket.resolved_at,
        sum_microseconds_between(ticket.opened_at, ticket.resolved_at),
        func.count(),
        where=_within(ticket.resolved_at, window.period.start, window.period.end),
    )


# --- customer satisfaction ----------------------------------------------------


def net_promoter_score(window: Window) -> Select[Any]:
    """Promoters minus detractors, and scores given, by month."""
    response = SurveyResponse
    score = response.nps_score
    sign = case(
        (score >= NPS_PROMOTER_FROM, 1), (score <= NPS_DETRACTOR_UP_TO, -1), else_=0
    )
    return _monthly(
        response.answered_at,
        func.sum(sign),
        func.count(),
        where=[
            score.is_not(None),
            *_within(response.answered_at, window.period.start, window.period.end),
        ],
    )


def feedback_rating(window: Window) -> Select[Any]:
    response = SurveyResponse
    return _monthly(
        response.answered_at,
        func.sum(response.rating),
        func.count(),
        where=[
            response.rating.is_not(None),
            *_within(response.answered_at, window.period.start, window.period.end),
        ],
    )


def churn(cohort_start: datetime, cohort_end: datetime) -> Select[Any]:
    """By month of first use: SMEs that did not come back the next month, and all.

    The cohorts are the SMEs whose first application was submitted from
    `cohort_start` to `cohort_end`.
    """
    application = FinancingApplication
    first_use = (
        select(
            application.sme_id,
            func.min(application.submitted_at).label("first_use"),
        )
        # An application submitted after the cohorts end cannot be a first use
        # in them, so it is not read.
        .where(application.submitted_at < cohort_end)
        .group_by(application.sme_id)
        .having(
            func.min(application.submitted_at) >= cohort_start,
            func.min(application.submitted_at) < cohort_end,
        )
        .subquery()
    )

    next_month = india_time.india_month_start(first_use.c.first_use, 1)
    month_after = india_time.india_month_start(first_use.c.first_use, 2)
    later = aliased(FinancingApplication)
    came_back = or_(
        exists().where(
            AppSession.sme_id == first_use.c.sme_id,
            AppSession.started_at >= next_month,
            AppSession.started_at < month_after,
        ),
        exists().where(
            later.sme_id == first_use.c.sme_id,
            later.submitted_at >= next_month,
            later.submitted_at < month_after,
        ),
    )
    return _monthly(
        first_use.c.first_use, _count_when(~came_back), func.count(), where=[]
    )


# --- risk and compliance ------------------------------------------------------


def default_rate(window: Window) -> Select[Any]:
    """By month of the due date: loans unpaid or repaid late, and loans due."""
    loan = Loan
    # The day the money arrived, not when the lender recorded it.
    last_received = (
        select(func.max(Repayment.received_on))
        .where(
            Repayment.loan_id == loan.id,
            Repayment.status == RepaymentStatus.POSTED,
        )
        .scalar_subquery()
    )
    grace_ends = india_time.date_plus_days(loan.due_date, REPAYMENT_GRACE_DAYS)
    late = or_(loan.repaid_at.is_(None), last_received > grace_ends)
    settled_due_by = window.today - timedelta(days=REPAYMENT_GRACE_DAYS + 1)
    month = india_time.month_of(loan.due_date)
    return (
        select(month, _count_when(late), func.count())
        .where(
            loan.disbursed_at.is_not(None),
            loan.due_date >= window.period.first_day,
            loan.due_date <= window.period.last_day,
            loan.due_date <= settled_due_by,
        )
        .group_by(month)
    )


def kyc_verification_time(window: Window) -> Select[Any]:
    submission = KycSubmission
    started = (
        select(
            submission.sme_id,
            func.min(
                func.coalesce(submission.started_at, submission.submitted_at)
            ).label("started_at"),
        )
        .group_by(submission.sme_id)
        .subquery()
    )

    verified = Sme.kyc_verified_at
    return _monthly(
        verified,
        sum_microseconds_between(started.c.started_at, verified),
        func.count(),
        where=_within(verified, window.period.start, window.period.end),
    ).join_from(Sme, started, started.c.sme_id == Sme.id)


def data_breaches(window: Window) -> Select[Any]:
    incident = SecurityIncident
    return _monthly(
        incident.occurred_at,
        func.count(),
        where=[
            incident.personal_data_exposed.is_(True),
            *_within(incident.occurred_at, window.period.start, window.period.end),
        ],
    )


# --- launch and milestones -----------------------------------------------------


def first_registration() -> Select[Any]:
    return select(func.min(Sme.created_at))


def registered_smes(start: datetime, end: datetime) -> Select[Any]:
    return select(func.count()).where(*_within(Sme.created_at, start, end))


def lender_partners_onboarded(end: datetime) -> Select[Any]:
    return select(func.count()).where(LenderPartner.onboarded_at < end)


def disbursed_total(start: datetime, end: datetime) -> Select[Any]:
    return select(func.sum(Loan.invoice_amount)).where(
        *_within(Loan.disbursed_at, start, end)
    )


def launch_start(launch_date: date | None) -> datetime | None:
    return None if launch_date is None else india_day_start(launch_date)
