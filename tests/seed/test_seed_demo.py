"""The demo data set: realistic, consistent and deterministic."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from hundi import models
from hundi.db import Database
from hundi.domain.enums import ApplicationStatus, AssetClass, LoanStatus, Role
from hundi.domain.identifiers import validate_gstin, validate_pan
from hundi.domain.penal import accrual_window, penal_interest
from hundi.seed.demo import build, seed_demo
from hundi.seed.scale import seed_scale
from hundi.services.actor import Actor
from hundi.services.lending.day_end import run_day_end

AS_OF = date(2026, 12, 4)


async def _all(database: Database, model: type[Any]) -> list[Any]:
    async with database.session() as session:
        return list((await session.scalars(select(model))).all())


async def test_demo_has_the_promised_shape(database: Database) -> None:
    await seed_demo(database, as_of=AS_OF)

    smes = await _all(database, models.Sme)
    buyers = await _all(database, models.Buyer)
    lenders = await _all(database, models.LenderPartner)
    applications = await _all(database, models.FinancingApplication)
    loans = await _all(database, models.Loan)

    assert len(smes) == 50
    assert len(buyers) == 40
    assert len(lenders) == 3
    assert {a.status for a in applications} == set(ApplicationStatus)
    active_classes = {
        loan.asset_class for loan in loans if loan.status is LoanStatus.ACTIVE
    }
    assert active_classes == set(AssetClass)
    assert {loan.status for loan in loans} >= {LoanStatus.ACTIVE, LoanStatus.REPAID}


async def test_demo_identifiers_are_valid(database: Database) -> None:
    await seed_demo(database, as_of=AS_OF)

    gstins = [row.gstin for row in await _all(database, models.SmeGstin)]
    gstins += [row.gstin for row in await _all(database, models.Buyer)]
    pans = [row.pan for row in await _all(database, models.Sme) if row.pan]

    assert [validate_gstin(gstin) for gstin in gstins] == gstins
    assert [validate_pan(pan) for pan in pans] == pans


async def test_demo_loan_parts_add_up(database: Database) -> None:
    await seed_demo(database, as_of=AS_OF)

    loans = await _all(database, models.Loan)

    for loan in loans:
        assert (
            loan.advance_amount
            == loan.discount_amount + loan.fee_amount + loan.net_amount
        )


async def test_demo_has_one_account_per_role(database: Database) -> None:
    await seed_demo(database, as_of=AS_OF)

    users = {user.email: user for user in await _all(database, models.User)}

    for email, role in [
        ("sme@hundi.example", Role.SME),
        ("lender@hundi.example", Role.LENDER),
        ("ops@hundi.example", Role.OPS),
        ("management@hundi.example", Role.MANAGEMENT),
        ("admin@hundi.example", Role.ADMIN),
    ]:
        assert users[email].role is role
        assert users[email].password_hash is not None


def test_demo_is_deterministic() -> None:
    first = build(AS_OF)
    second = build(AS_OF)

    first_invoices = [(i.invoice_number, i.total_amount) for i in first.rows["Invoice"]]
    second_invoices = [
        (i.invoice_number, i.total_amount) for i in second.rows["Invoice"]
    ]
    assert first_invoices == second_invoices


async def test_scale_writes_every_sme(database: Database) -> None:
    summary = await seed_scale(database, 300, as_of=AS_OF)

    async with database.session() as session:
        smes = await session.scalar(select(func.count()).select_from(models.Sme))
        invoices = await session.scalar(
            select(func.count()).select_from(models.Invoice)
        )
        loans = await session.scalar(select(func.count()).select_from(models.Loan))

    assert smes == 300
    assert invoices is not None
    assert 1500 <= invoices <= 4500
    assert loans is not None
    assert loans > 0
    assert "300 synthetic SMEs" in summary


def test_demo_has_no_event_after_now() -> None:
    from datetime import datetime

    from hundi.seed.demo import india_instant

    # Just after midnight in India: most of "today" has not happened yet.
    now = india_instant(AS_OF, 0, 39)
    data = build(AS_OF, now=now)
    future_allowed = {"valid_until", "expires_at"}

    late = []
    for name, rows in data.rows.items():
        for row in rows:
            for column in row.__table__.columns:
                value = getattr(row, column.key, None)
                if (
                    isinstance(value, datetime)
                    and column.key not in future_allowed
                    and value > now
                ):
                    late.append(f"{name}.{column.key}={value.isoformat()}")

    assert late == []


async def test_demo_overdue_loans_carry_penal(
    database: Database,
) -> None:
    await seed_demo(database, as_of=AS_OF)
    last_day_end = AS_OF - timedelta(days=1)

    loans = await _all(database, models.Loan)
    overdue = [
        loan
        for loan in loans
        if loan.status is LoanStatus.ACTIVE
        and loan.due_date <= last_day_end
        and loan.penal_annual_rate is not None
    ]
    classifications = {
        row.loan_id: row for row in await _all(database, models.LoanClassification)
    }

    assert overdue
    for loan in overdue:
        window = accrual_window(loan.due_date, None, last_day_end)
        assert window is not None
        expected = penal_interest(
            loan.principal_outstanding, loan.penal_annual_rate, loan.day_count, *window
        )
        assert expected > 0
        assert loan.penal_outstanding == expected
        assert classifications[loan.id].penal_accrued == expected


async def test_demo_day_end_accrues_one_penal_day(
    database: Database,
) -> None:
    await seed_demo(database, as_of=AS_OF)
    before = {loan.id: loan for loan in await _all(database, models.Loan)}
    [ops_user] = [
        user for user in await _all(database, models.User) if user.role is Role.OPS
    ]
    ops = Actor(role=Role.OPS, user_id=ops_user.id)

    await run_day_end(
        database, ops, AS_OF, now=datetime(2026, 12, 4, 19, 0, tzinfo=UTC)
    )

    checked = 0
    for loan in await _all(database, models.Loan):
        old = before[loan.id]
        if (
            old.status is not LoanStatus.ACTIVE
            or old.due_date > AS_OF
            or old.penal_annual_rate is None
        ):
            continue
        one_day = penal_interest(
            old.principal_outstanding,
            old.penal_annual_rate,
            old.day_count,
            AS_OF,
            AS_OF,
        )
        assert loan.penal_outstanding == old.penal_outstanding + one_day
        checked += 1
    assert checked > 0
