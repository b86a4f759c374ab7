"""A small data set whose every success metric was worked out by hand.

The period is July and August 2026, the launch date 1 July 2026, and the
report is computed as of 15 October 2026, when both months have ended. The
expected values, with their arithmetic, are in
tests/services/kpis/test_kpi_report.py.

Who is who:
- A (REFERRAL), B (ORGANIC): registered and verified in July.
- C (PARTNER): registered and verified in August.
- D (PAID_SEARCH): registered in August, never verified.
- F (ORGANIC): registered in August, nothing else.
- E, G: pilot SMEs from June, before launch.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import update

from hundi import models
from hundi.db import Database
from hundi.domain.calendar import INDIA
from hundi.domain.enums import (
    AcquisitionChannel,
    ApplicationStatus,
    IncidentSeverity,
    KycStatus,
    LoanStatus,
    ProductEventName,
    RepaymentStatus,
    Role,
    SmeStatus,
    TicketCategory,
    TicketStatus,
)
from support.factories import (
    add,
    create_application,
    create_buyer,
    create_invoice,
    create_lender,
    create_loan,
    create_offer,
    create_platform_user,
    create_product,
    create_registered_sme,
    create_sme,
    create_user,
)

PERIOD_FIRST_DAY = date(2026, 7, 1)
PERIOD_LAST_DAY = date(2026, 8, 31)
LAUNCH_DATE = date(2026, 7, 1)
NOW = datetime(2026, 10, 15, 6, 30, tzinfo=UTC)


def ist(
    month: int,
    day: int,
    hour: int = 10,
    minute: int = 0,
    second: int = 0,
    micro: int = 0,
) -> datetime:
    """The UTC instant of a wall-clock time in India in 2026."""
    local = datetime(2026, month, day, hour, minute, second, micro, tzinfo=INDIA)
    return local.astimezone(UTC)


@dataclass
class Dataset:
    smes: dict[str, models.Sme] = field(default_factory=dict)
    users: dict[str, uuid.UUID] = field(default_factory=dict)
    invoices: dict[str, models.Invoice] = field(default_factory=dict)
    applications: dict[str, models.FinancingApplication] = field(default_factory=dict)


async def _smes(database: Database, data: Dataset) -> None:
    verified = SmeStatus.KYC_VERIFIED
    specs: list[tuple[str, AcquisitionChannel, datetime, datetime | None]] = [
        ("A", AcquisitionChannel.REFERRAL, ist(7, 2, 9), ist(7, 2, 10, 30)),
        ("B", AcquisitionChannel.ORGANIC, ist(7, 5, 10), ist(7, 6, 9, 40)),
        ("C", AcquisitionChannel.PARTNER, ist(8, 3, 11), ist(8, 3, 12, 20)),
        ("E", AcquisitionChannel.ORGANIC, ist(6, 20), ist(6, 25)),
        ("G", AcquisitionChannel.ORGANIC, ist(6, 21), ist(6, 26)),
    ]
    for name, channel, created, kyc_verified in specs:
        data.smes[name] = await create_sme(
            database,
            status=verified,
            created_at=created,
            kyc_verified_at=kyc_verified,
            acquisition_channel=channel,
        )
    data.smes["D"] = await create_registered_sme(
        database,
        acquisition_channel=AcquisitionChannel.PAID_SEARCH,
        created_at=ist(8, 10),
    )
    data.smes["F"] = await create_registered_sme(
        database, acquisition_channel=AcquisitionChannel.ORGANIC, created_at=ist(8, 28)
    )
    for name, sme in data.smes.items():
        actor = await create_user(database, Role.SME, sme=sme)
        assert actor.user_id is not None
        data.users[name] = actor.user_id


def _kyc(
    sme: models.Sme,
    status: KycStatus,
    started: datetime | None,
    submitted: datetime,
    reviewed: datetime,
) -> models.KycSubmission:
    assert sme.pan is not None
    return models.KycSubmission(
        sme_id=sme.id,
        status=status,
        pan=sme.pan,
        gstins=[],
        bank_account_number="123456789012",
        ifsc="HDFC0001234",
        signatory_name="Signatory",
        started_at=started,
        submitted_at=submitted,
        reviewed_at=reviewed,
        verified_at=reviewed if status is KycStatus.APPROVED else None,
        rejection_reason="Unreadable cheque." if status is KycStatus.REJECTED else None,
    )


async def _kyc_submissions(database: Database, data: Dataset) -> None:
    a, b, c = data.smes["A"], data.smes["B"], data.smes["C"]
    approved, rejected = KycStatus.APPROVED, KycStatus.REJECTED
    await add(
        database,
        _kyc(a, approved, ist(7, 2, 10, 10), ist(7, 2, 10, 20), ist(7, 2, 10, 30)),
        _kyc(b, rejected, ist(7, 5, 11), ist(7, 5, 11, 8), ist(7, 5, 15)),
        _kyc(b, approved, ist(7, 6, 9), ist(7, 6, 9, 5), ist(7, 6, 9, 40)),
        # No start sent by the web app: the submission time is the start.
        _kyc(c, approved, None, ist(8, 3, 12), ist(8, 3, 12, 20)),
    )


async def _invoices(database: Database, data: Dataset) -> None:
    buyer = await create_buyer(database)
    specs: list[tuple[str, str, datetime, str]] = [
        ("I0", "E", ist(6, 25, 12), "9999.99"),
        ("IG", "G", ist(6, 26, 12), "5000.00"),
        ("I1", "A", ist(7, 14, 9, 0, 0, 999_999), "100000.00"),
        ("I2", "B", ist(7, 16, 9), "80000.00"),
        ("I3", "A", ist(7, 18, 9), "70000.00"),
        ("I4", "B", ist(7, 20, 9), "60000.00"),
        ("I9", "A", ist(7, 25, 9), "30000.00"),
        ("I5", "B", ist(8, 4, 10), "250000.50"),
        ("I6", "A", ist(8, 19, 12), "50000.25"),
        ("I7", "C", ist(8, 20, 12), "40000.00"),
        ("I8", "C", ist(8, 21, 9), "45000.00"),
    ]
    for name, owner, uploaded, total in specs:
        data.invoices[name] = await create_invoice(
            database,
            data.smes[owner],
            buyer,
            total=Decimal(total),
            invoice_date=date(2026, 6, 1),
            due_date=date(2026, 12, 31),
            created_at=uploaded,
        )


async def _applications(database: Database, data: Dataset) -> list[Any]:
    """Submit the applications; return (application, invoice) pairs with offers."""
    lender = await create_lender(database, onboarded_at=ist(6, 15))
    await create_lender(database, onboarded_at=ist(9, 10))
    product = await create_product(database, lender)
    status = ApplicationStatus
    specs: list[tuple[str, str, str, datetime, ApplicationStatus, bool]] = [
        ("appE", "E", "I0", ist(6, 26, 12), status.DISBURSED, True),
        ("appG", "G", "IG", ist(6, 27, 12), status.DECLINED, False),
        ("app1", "A", "I1", ist(7, 15, 11), status.DISBURSED, True),
        ("app2", "B", "I2", ist(7, 16, 12), status.DECLINED, False),
        ("app3", "A", "I3", ist(7, 18, 12), status.SUBMITTED, False),
        ("app4", "B", "I4", ist(7, 20, 12), status.WITHDRAWN, False),
        ("app5", "B", "I5", ist(8, 5, 12), status.DISBURSED, True),
        ("app6", "A", "I6", ist(8, 20, 12), status.DISBURSED, True),
        ("app7", "C", "I7", ist(8, 21, 10), status.EXPIRED, False),
        ("app8", "C", "I8", ist(8, 21, 15), status.SUBMITTED, False),
    ]
    offered = []
    for name, owner, invoice, submitted, outcome, has_offer in specs:
        application = await create_application(
            database,
            data.smes[owner],
            [data.invoices[invoice]],
            status=outcome,
            created_at=submitted,
        )
        data.applications[name] = application
        if has_offer:
            offer = await create_offer(database, application, product)
            offered.append((name, offer, data.invoices[invoice]))
    return offered


async def _loans(database: Database, data: Dataset) -> None:
    offered = await _applications(database, data)
    # application: (disbursed at, due date, recorded as repaid at)
    terms: dict[str, tuple[datetime, date, datetime | None]] = {
        # Repaid in time, but the lender recorded it after the 30 days.
        "appE": (ist(6, 28), date(2026, 7, 28), ist(9, 5, 11)),
        "app1": (ist(7, 16, 21, 0, 0, 1), date(2026, 8, 14), ist(9, 14, 10)),
        "app5": (ist(8, 7, 10), date(2026, 8, 20), None),
        "app6": (ist(8, 25, 12), date(2026, 10, 30), None),
    }
    # application: [(received on, posted or reversed)]
    received: dict[str, list[tuple[date, RepaymentStatus]]] = {
        # The 30th day after the due date of 28 July: on time.
        "appE": [(date(2026, 8, 27), RepaymentStatus.POSTED)],
        # A part on 10 August, the rest on the 31st day after 14 August.
        "app1": [
            (date(2026, 8, 10), RepaymentStatus.POSTED),
            (date(2026, 9, 14), RepaymentStatus.POSTED),
        ],
        # A payment that bounced: still unpaid.
        "app5": [(date(2026, 8, 20), RepaymentStatus.REVERSED)],
    }
    for name, offer, invoice in offered:
        loan = await create_loan(database, offer, invoice)
        disbursed, due, repaid = terms[name]
        async with database.transaction() as session:
            await session.execute(
                update(models.Loan)
                .where(models.Loan.id == loan.id)
                .values(
                    disbursed_at=disbursed,
                    due_date=due,
                    repaid_at=repaid,
                    status=LoanStatus.REPAID if repaid else LoanStatus.ACTIVE,
                )
            )
        for received_on, status in received.get(name, []):
            await add(database, _repayment(loan.id, received_on, status))


def _repayment(
    loan_id: uuid.UUID, received_on: date, status: RepaymentStatus
) -> models.Repayment:
    amount = Decimal("1000.00")
    return models.Repayment(
        loan_id=loan_id,
        status=status,
        amount=amount,
        received_on=received_on,
        bank_reference=f"NEFT{uuid.uuid4().hex[:16].upper()}",
        allocated_penal=Decimal("0.00"),
        allocated_principal=amount,
        excess_amount=Decimal("0.00"),
    )


def _session(
    data: Dataset, who: str, started: datetime, seconds: int
) -> models.AppSession:
    return models.AppSession(
        user_id=data.users[who],
        sme_id=data.smes[who].id,
        started_at=started,
        last_activity_at=datetime.fromtimestamp(started.timestamp() + seconds, tz=UTC),
    )


async def _sessions(database: Database, data: Dataset) -> None:
    ops = await create_platform_user(database, Role.OPS)
    assert ops.user_id is not None
    await add(
        database,
        _session(data, "G", ist(6, 27, 9), 100),
        _session(data, "A", ist(7, 2, 10), 390),
        _session(data, "E", ist(7, 10, 11), 270),
        _session(data, "D", ist(8, 12, 15), 240),
        # 23:50 in India on 1 August: August, and outside the last 30 days
        # of the period (2 to 31 August).
        _session(data, "E", ist(8, 1, 23, 50), 720),
        # Platform users' sessions are not SME engagement.
        models.AppSession(
            user_id=ops.user_id,
            sme_id=None,
            started_at=ist(8, 14, 10),
            last_activity_at=ist(8, 14, 11),
        ),
    )


async def _marketing(database: Database) -> None:
    spend = [
        (date(2026, 6, 1), AcquisitionChannel.PAID_SEARCH, "9999.00"),
        (date(2026, 7, 1), AcquisitionChannel.PAID_SEARCH, "600.00"),
        (date(2026, 7, 1), AcquisitionChannel.SOCIAL, "400.00"),
        (date(2026, 8, 1), AcquisitionChannel.PAID_SEARCH, "450.75"),
    ]
    await add(
        database,
        *(
            models.MarketingSpend(month=month, channel=channel, amount=Decimal(amount))
            for month, channel, amount in spend
        ),
    )


async def _visitors(database: Database, data: Dataset) -> None:
    specs: list[tuple[datetime, str | None]] = [
        (ist(6, 19), "E"),
        (ist(7, 1, 9), "A"),
        (ist(7, 3), None),
        (ist(7, 4), "B"),
        (ist(7, 30), None),
        (ist(8, 2), "C"),
        (ist(8, 9), "D"),
        (ist(8, 15), None),
        (ist(8, 31, 23, 50), None),
        (ist(9, 1, 0, 10), None),
    ]
    await add(
        database,
        *(
            models.Visitor(
                visitor_id=str(uuid.uuid4()),
                first_seen_at=seen,
                sme_id=data.smes[who].id if who else None,
                linked_at=seen if who else None,
            )
            for seen, who in specs
        ),
    )


def _event(
    data: Dataset, name: ProductEventName, who: str | None, occurred: datetime
) -> models.ProductEvent:
    return models.ProductEvent(
        occurred_at=occurred,
        name=name,
        visitor_id=str(uuid.uuid4()),
        sme_id=data.smes[who].id if who else None,
    )


async def _funnel(database: Database, data: Dataset) -> None:
    kyc, application = (
        ProductEventName.KYC_STARTED,
        ProductEventName.APPLICATION_STARTED,
    )
    await add(
        database,
        _event(data, kyc, "A", ist(7, 2, 10, 10)),
        _event(data, kyc, "B", ist(7, 5, 11)),
        _event(data, kyc, "B", ist(7, 6, 9)),
        _event(data, application, "A", ist(7, 15, 10, 50)),
        _event(data, application, "B", ist(7, 25, 12)),
        _event(data, application, "B", ist(8, 5, 11, 55)),
        _event(data, kyc, "D", ist(8, 11, 10)),
        _event(data, application, "C", ist(8, 21, 9, 50)),
        # Without an SME the start is nobody's: left out.
        _event(data, kyc, None, ist(8, 12, 10)),
    )


async def _support(database: Database, data: Dataset) -> None:
    def ticket(
        who: str, opened: datetime, resolved: datetime | None
    ) -> models.SupportTicket:
        return models.SupportTicket(
            sme_id=data.smes[who].id,
            category=TicketCategory.OTHER,
            subject="Question",
            status=TicketStatus.RESOLVED if resolved else TicketStatus.OPEN,
            opened_at=opened,
            first_response_at=resolved,
            resolved_at=resolved,
        )

    await add(
        database,
        ticket("A", ist(7, 10, 10), ist(7, 11, 4)),
        ticket("B", ist(7, 30, 20), ist(8, 1, 2)),
        ticket("C", ist(8, 15, 10), None),
    )


async def _surveys(database: Database, data: Dataset) -> None:
    def answer(
        who: str, answered: datetime, nps: int | None, rating: int | None
    ) -> models.SurveyResponse:
        return models.SurveyResponse(
            sme_id=data.smes[who].id,
            period="2026-Q3",
            nps_score=nps,
            rating=rating,
            answered_at=answered,
        )

    await add(
        database,
        answer("A", ist(7, 20), 10, 5),
        answer("B", ist(7, 21), 9, 4),
        answer("E", ist(7, 22), 6, None),
        answer("C", ist(8, 22), 8, 5),
        answer("D", ist(8, 23), None, 3),
    )


async def _incidents(database: Database) -> None:
    def incident(occurred: datetime, exposed: bool) -> models.SecurityIncident:
        return models.SecurityIncident(
            occurred_at=occurred,
            detected_at=occurred,
            severity=IncidentSeverity.HIGH,
            title="Incident",
            description="What happened.",
            personal_data_exposed=exposed,
        )

    await add(
        database,
        incident(ist(7, 12), True),
        incident(ist(8, 5), False),
        incident(ist(8, 31, 23, 50), True),
        incident(ist(9, 1, 0, 10), True),
    )


async def build_dataset(database: Database) -> Dataset:
    data = Dataset()
    await _smes(database, data)
    await _kyc_submissions(database, data)
    await _invoices(database, data)
    await _loans(database, data)
    await _sessions(database, data)
    await _marketing(database)
    await _visitors(database, data)
    await _funnel(database, data)
    await _support(database, data)
    await _surveys(database, data)
    await _incidents(database)
    return data
