"""A lender's book for financing tests: lender, product, users, SME and invoices.

Rows that name their author (offers, disbursals, repayments) need real users,
so every actor here has a users row. The flow helpers go through the
services, so a test can set up a loan in any state and then exercise one
mutation through GraphQL.
"""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from hundi import models
from hundi.db import Database
from hundi.domain.calendar import INDIA, india_today
from hundi.domain.enums import DayCountConvention, Role
from hundi.services.actor import Actor
from hundi.services.lending.acceptance import accept_offer
from hundi.services.lending.applications import submit_application
from hundi.services.lending.disbursals import (
    DisbursalRequest,
    approve_disbursal,
    request_disbursal,
)
from hundi.services.lending.offers import OfferRequest, create_offer
from hundi.services.lending.repayments import ReceivedMoney, record_repayment
from support.factories import (
    add,
    create_buyer,
    create_invoice,
    create_lender,
    create_sme,
)

_serial = itertools.count(1)


def india_noon(day: date) -> datetime:
    """Noon in India on `day`, as a UTC instant: a `now` for services."""
    return datetime.combine(day, time(12), tzinfo=INDIA).astimezone(UTC)


def key() -> str:
    """A fresh idempotency key."""
    return uuid.uuid4().hex


def reference(prefix: str = "NEFT") -> str:
    """A fresh bank reference of 16 characters, good as a UTR too."""
    return f"{prefix}{next(_serial):012d}"


PRODUCT_DEFAULTS: dict[str, Any] = {
    "advance_rate": Decimal("0.80"),
    "min_annual_rate": Decimal("0.10"),
    "max_annual_rate": Decimal("0.24"),
    "processing_fee_rate": Decimal("0.005"),
    "processing_fee_min": Decimal("500.00"),
    "day_count": DayCountConvention.ACT_365F,
    "min_tenor_days": 15,
    "max_tenor_days": 180,
    "min_amount": Decimal("10000.00"),
    "max_amount": Decimal("50000000.00"),
    "min_days_to_due": 15,
    "recourse": True,
    "eligible_industries": [],
    "eligible_states": [],
    "limit_per_buyer": Decimal("10000000.00"),
    "limit_per_sme": Decimal("5000000.00"),
    "concentration_cap": Decimal("0.30"),
    "concentration_floor": Decimal("50000000.00"),
    "instant_offer": False,
    "instant_annual_rate": None,
    "penal_annual_rate": None,
    "offer_validity_days": 7,
}


async def add_product(
    database: Database, lender: models.LenderPartner, **overrides: Any
) -> models.LenderProduct:
    product = models.LenderProduct(
        id=uuid.uuid4(),
        lender_id=lender.id,
        name=overrides.pop("name", f"Invoice discounting {next(_serial)}"),
        **{**PRODUCT_DEFAULTS, **overrides},
    )
    await add(database, product)
    return product


async def lender_user(
    database: Database, lender: models.LenderPartner, *, admin: bool = False
) -> Actor:
    """A stored LENDER user of `lender` and the actor acting as it."""
    number = next(_serial)
    user = models.User(
        id=uuid.uuid4(),
        email=f"credit{number}@lender.example",
        full_name=f"Credit Officer {number}",
        role=Role.LENDER,
        lender_id=lender.id,
        is_lender_admin=admin,
    )
    await add(database, user)
    return Actor(
        role=Role.LENDER,
        user_id=user.id,
        lender_id=lender.id,
        email=user.email,
        is_lender_admin=admin,
    )


async def sme_user(database: Database, sme: models.Sme) -> Actor:
    number = next(_serial)
    user = models.User(
        id=uuid.uuid4(),
        email=f"owner{number}@sme.example",
        full_name=f"Owner {number}",
        role=Role.SME,
        sme_id=sme.id,
    )
    await add(database, user)
    return Actor(role=Role.SME, user_id=user.id, sme_id=sme.id, email=user.email)


@dataclass
class Book:
    """One lender with a product and three users, one SME, one buyer."""

    lender: models.LenderPartner
    product: models.LenderProduct
    admin: Actor
    maker: Actor
    checker: Actor
    sme: models.Sme
    owner: Actor
    buyer: models.Buyer


async def open_book(
    database: Database,
    *,
    lender: models.LenderPartner | None = None,
    sme: models.Sme | None = None,
    buyer: models.Buyer | None = None,
    **product: Any,
) -> Book:
    lender = lender or await create_lender(database)
    sme = sme or await create_sme(database)
    return Book(
        lender=lender,
        product=await add_product(database, lender, **product),
        admin=await lender_user(database, lender, admin=True),
        maker=await lender_user(database, lender),
        checker=await lender_user(database, lender),
        sme=sme,
        owner=await sme_user(database, sme),
        buyer=buyer or await create_buyer(database),
    )


async def invoice_due(
    database: Database,
    book: Book,
    due_date: date,
    total: Decimal = Decimal("118000.00"),
    buyer: models.Buyer | None = None,
    invoice_date: date | None = None,
) -> models.Invoice:
    """A VERIFIED invoice of the book's SME, due on `due_date`.

    It is dated 30 days before its due date, or yesterday if that is earlier.
    """
    invoice_date = invoice_date or min(
        due_date - timedelta(days=30), india_today() - timedelta(days=1)
    )
    return await create_invoice(
        database,
        book.sme,
        buyer or book.buyer,
        total=total,
        invoice_date=invoice_date,
        due_date=due_date,
    )


async def submitted(
    database: Database,
    book: Book,
    invoices: list[models.Invoice],
    now: datetime | None = None,
) -> models.FinancingApplication:
    return await submit_application(
        database, book.owner, [invoice.id for invoice in invoices], now=now
    )


async def offered(
    database: Database,
    book: Book,
    application: models.FinancingApplication,
    *,
    annual_rate: Decimal = Decimal("0.12"),
    advance_rate: Decimal | None = None,
    fee_rate: Decimal | None = None,
    now: datetime | None = None,
) -> models.Offer:
    request = OfferRequest(
        application_id=application.id,
        product_id=book.product.id,
        advance_rate=advance_rate or book.product.advance_rate,
        annual_rate=annual_rate,
        processing_fee_rate=(
            book.product.processing_fee_rate if fee_rate is None else fee_rate
        ),
    )
    return await create_offer(database, book.maker, request, now=now)


async def accepted(
    database: Database, book: Book, offer: models.Offer, now: datetime | None = None
) -> models.Offer:
    return await accept_offer(database, book.owner, offer.id, key(), now=now)


async def disbursed(
    database: Database,
    book: Book,
    offer: models.Offer,
    value_date: date,
    now: datetime | None = None,
) -> models.Disbursal:
    request = DisbursalRequest(offer.id, reference("UTIB"), value_date, key())
    disbursal = await request_disbursal(database, book.maker, request, now=now)
    return await approve_disbursal(database, book.checker, disbursal.id, key(), now=now)


async def active_loans(
    database: Database,
    book: Book,
    invoices: list[models.Invoice],
    *,
    on: date,
    annual_rate: Decimal = Decimal("0.12"),
) -> list[models.Loan]:
    """Take invoices through submission, offer, acceptance and disbursal on `on`.

    Every step runs at noon in India on `on`, so `on` may be a past date.
    """
    now = india_noon(on)
    application = await submitted(database, book, invoices, now=now)
    offer = await offered(database, book, application, annual_rate=annual_rate, now=now)
    await accepted(database, book, offer, now=now)
    await disbursed(database, book, offer, on, now=now)
    return await loans_of(database, offer)


async def loans_of(database: Database, offer: models.Offer) -> list[models.Loan]:
    from sqlalchemy import select

    async with database.session() as session:
        return list(
            await session.scalars(
                select(models.Loan)
                .where(models.Loan.offer_id == offer.id)
                .order_by(models.Loan.due_date, models.Loan.id)
            )
        )


async def repaid(
    database: Database,
    book: Book,
    loan: models.Loan,
    amount: Decimal,
    received_on: date,
    now: datetime | None = None,
) -> models.Repayment:
    money = ReceivedMoney(loan.id, amount, received_on, reference(), key())
    return await record_repayment(database, book.maker, money, now=now)


async def reload(database: Database, model: type[Any], row_id: uuid.UUID) -> Any:
    async with database.session() as session:
        return await session.get(model, row_id)


async def requested_disbursal(
    database: Database,
) -> tuple[Book, models.Offer, models.Disbursal]:
    """A book with two invoices accepted and their disbursal requested today."""
    book = await open_book(database)
    today = india_today()
    invoices = [
        await invoice_due(database, book, today + timedelta(days=30)),
        await invoice_due(database, book, today + timedelta(days=90)),
    ]
    offer = await offered(database, book, await submitted(database, book, invoices))
    await accepted(database, book, offer)
    disbursal = await request_disbursal(
        database,
        book.maker,
        DisbursalRequest(offer.id, reference("UTIB"), today, key()),
    )
    return book, offer, disbursal


async def npa_loan(database: Database, *, npa: bool = True) -> tuple[Book, models.Loan]:
    """A loan due 31 March 2025 and never repaid, with 24% penal interest.

    Day-end has run for 29 June 2025, when it became an NPA, or with
    `npa=False` for its due date only, when it was SMA-0.
    """
    from hundi.services.actor import SYSTEM
    from hundi.services.lending.day_end import run_day_end

    book = await open_book(database, penal_annual_rate=Decimal("0.24"))
    due = date(2025, 3, 31)
    on = due - timedelta(days=60)
    invoice = await invoice_due(database, book, due, invoice_date=on)
    [loan] = await active_loans(database, book, [invoice], on=on)
    await run_day_end(database, SYSTEM, date(2025, 6, 29) if npa else due)
    return book, loan
