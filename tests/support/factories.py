"""Build rows for tests directly in the database, with valid identifiers."""

from __future__ import annotations

import itertools
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from hundi import models
from hundi.db import Database
from hundi.domain.calendar import financial_year
from hundi.domain.enums import (
    AcquisitionChannel,
    ApplicationStatus,
    Constitution,
    DayCountConvention,
    InvoiceSource,
    InvoiceStatus,
    LenderKind,
    LoanStatus,
    OfferStatus,
    Role,
    SmeStatus,
)
from hundi.domain.identifiers import build_gstin
from hundi.services.actor import Actor

_serial = itertools.count(1)
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def unique_pan(holder_type: str = "C") -> str:
    """A well-formed PAN that no other call returns."""
    number = next(_serial)
    letters = (
        _LETTERS[number // 676 % 26]
        + _LETTERS[number // 26 % 26]
        + _LETTERS[number % 26]
    )
    return f"{letters}{holder_type}X{number % 9999 + 1:04d}Z"


def unique_gstin(state_code: str = "27", pan: str | None = None) -> str:
    return build_gstin(state_code, pan or unique_pan())


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


async def add(database: Database, *rows: Any) -> None:
    async with database.transaction() as session:
        session.add_all(rows)


async def create_sme(
    database: Database,
    *,
    state_code: str = "27",
    status: SmeStatus = SmeStatus.KYC_VERIFIED,
    created_at: datetime | None = None,
    **fields: Any,
) -> models.Sme:
    pan = fields.pop("pan", unique_pan())
    sme = models.Sme(
        id=uuid.uuid4(),
        legal_name=fields.pop("legal_name", f"Test Traders {next(_serial)} Pvt Ltd"),
        constitution=Constitution.PRIVATE_LIMITED,
        state_code=state_code,
        industry=fields.pop("industry", "Textiles"),
        status=status,
        pan=pan,
        bank_account_number="123456789012",
        ifsc="HDFC0001234",
        referral_code=fields.pop("referral_code", f"R{uuid.uuid4().hex[:8].upper()}"),
        acquisition_channel=fields.pop(
            "acquisition_channel", AcquisitionChannel.ORGANIC
        ),
        created_at=created_at or datetime.now(UTC),
        **fields,
    )
    gstin = models.SmeGstin(sme_id=sme.id, gstin=sme_gstin(sme), is_primary=True)
    await add(database, sme)
    await add(database, gstin)
    return sme


def sme_gstin(sme: models.Sme) -> str:
    """The primary GSTIN `create_sme` gave the SME."""
    assert sme.pan is not None
    return build_gstin(sme.state_code, sme.pan)


async def create_buyer(
    database: Database, *, state_code: str = "29", **fields: Any
) -> models.Buyer:
    buyer = models.Buyer(
        id=uuid.uuid4(),
        gstin=fields.pop("gstin", unique_gstin(state_code)),
        legal_name=fields.pop("legal_name", f"Buyer Industries {next(_serial)} Ltd"),
        state_code=state_code,
        **fields,
    )
    await add(database, buyer)
    return buyer


async def create_invoice(
    database: Database,
    sme: models.Sme,
    buyer: models.Buyer,
    *,
    total: Decimal = Decimal("118000.00"),
    invoice_date: date = date(2026, 10, 1),
    due_date: date | None = None,
    status: InvoiceStatus = InvoiceStatus.VERIFIED,
    seller_gstin: str | None = None,
    created_at: datetime | None = None,
    **fields: Any,
) -> models.Invoice:
    taxable = (total / Decimal("1.18")).quantize(Decimal("0.01"))
    invoice = models.Invoice(
        id=uuid.uuid4(),
        sme_id=sme.id,
        buyer_id=buyer.id,
        seller_gstin=seller_gstin or sme_gstin(sme),
        buyer_gstin=buyer.gstin,
        invoice_number=fields.pop("invoice_number", f"INV/{next(_serial):05d}"),
        invoice_date=invoice_date,
        due_date=due_date or invoice_date + timedelta(days=60),
        financial_year=financial_year(invoice_date),
        taxable_value=taxable,
        tax_amount=total - taxable,
        total_amount=total,
        source=fields.pop("source", InvoiceSource.FORM),
        status=status,
        created_at=created_at or datetime.now(UTC),
        **fields,
    )
    await add(database, invoice)
    return invoice


async def create_lender(database: Database, **fields: Any) -> models.LenderPartner:
    number = next(_serial)
    lender = models.LenderPartner(
        id=uuid.uuid4(),
        name=fields.pop("name", f"Test Bank {number}"),
        kind=fields.pop("kind", LenderKind.BANK),
        registration_number=fields.pop("registration_number", f"RBI-{number:06d}"),
        contact_name="Priya Raman",
        contact_email=f"credit{number}@bank.example",
        contact_phone="+919876543210",
        onboarded_at=fields.pop("onboarded_at", datetime.now(UTC)),
        **fields,
    )
    await add(database, lender)
    return lender


async def create_product(
    database: Database, lender: models.LenderPartner, **fields: Any
) -> models.LenderProduct:
    product = models.LenderProduct(
        id=uuid.uuid4(),
        lender_id=lender.id,
        name=fields.pop("name", f"Invoice discounting {next(_serial)}"),
        advance_rate=fields.pop("advance_rate", Decimal("0.80")),
        min_annual_rate=Decimal("0.10"),
        max_annual_rate=Decimal("0.24"),
        processing_fee_rate=Decimal("0.005"),
        processing_fee_min=Decimal("500.00"),
        day_count=fields.pop("day_count", DayCountConvention.ACT_365F),
        min_tenor_days=15,
        max_tenor_days=180,
        min_amount=Decimal("10000.00"),
        max_amount=Decimal("50000000.00"),
        min_days_to_due=15,
        recourse=True,
        eligible_industries=[],
        eligible_states=[],
        limit_per_buyer=fields.pop("limit_per_buyer", Decimal("10000000.00")),
        limit_per_sme=fields.pop("limit_per_sme", Decimal("5000000.00")),
        concentration_cap=fields.pop("concentration_cap", Decimal("0.30")),
        **fields,
    )
    await add(database, product)
    return product


async def create_application(
    database: Database,
    sme: models.Sme,
    invoices: list[models.Invoice],
    *,
    lenders: list[models.LenderPartner] = (),  # type: ignore[assignment]
    status: ApplicationStatus = ApplicationStatus.SUBMITTED,
    created_at: datetime | None = None,
) -> models.FinancingApplication:
    now = created_at or datetime.now(UTC)
    application = models.FinancingApplication(
        id=uuid.uuid4(),
        sme_id=sme.id,
        status=status,
        requested_amount=sum(
            (invoice.total_amount for invoice in invoices), Decimal(0)
        ),
        submitted_at=now,
        expires_at=now + timedelta(days=14),
        created_at=now,
    )
    links = [
        models.ApplicationInvoice(
            application_id=application.id, invoice_id=invoice.id, position=index
        )
        for index, invoice in enumerate(invoices)
    ]
    matches = [
        models.ApplicationLenderMatch(
            application_id=application.id, lender_id=lender.id, matched=True, reasons=[]
        )
        for lender in lenders
    ]
    await add(database, application)
    await add(database, *links, *matches)
    return application


async def create_offer(
    database: Database,
    application: models.FinancingApplication,
    product: models.LenderProduct,
    *,
    status: OfferStatus = OfferStatus.OPEN,
    created_at: datetime | None = None,
) -> models.Offer:
    amount = application.requested_amount
    advance = (amount * Decimal("0.80")).quantize(Decimal("0.01"))
    discount = Decimal("1972.60")
    fee = Decimal("500.00")
    now = created_at or datetime.now(UTC)
    offer = models.Offer(
        id=uuid.uuid4(),
        application_id=application.id,
        lender_id=product.lender_id,
        product_id=product.id,
        status=status,
        advance_rate=Decimal("0.80"),
        annual_rate=Decimal("0.12"),
        processing_fee_rate=Decimal("0.005"),
        processing_fee_min=Decimal("500.00"),
        day_count=DayCountConvention.ACT_365F,
        quote_disbursal_date=date(2026, 10, 5),
        due_date=date(2026, 12, 4),
        invoice_amount=amount,
        advance_amount=advance,
        discount_amount=discount,
        fee_amount=fee,
        net_amount=advance - discount - fee,
        annual_percentage_rate=Decimal("0.165000"),
        valid_until=now + timedelta(days=7),
        created_at=now,
    )
    await add(database, offer)
    return offer


async def create_loan(
    database: Database,
    offer: models.Offer,
    invoice: models.Invoice,
    *,
    status: LoanStatus = LoanStatus.ACTIVE,
    created_at: datetime | None = None,
) -> models.Loan:
    loan = models.Loan(
        id=uuid.uuid4(),
        offer_id=offer.id,
        application_id=offer.application_id,
        invoice_id=invoice.id,
        sme_id=invoice.sme_id,
        lender_id=offer.lender_id,
        buyer_id=invoice.buyer_id,
        product_id=offer.product_id,
        status=status,
        day_count=offer.day_count,
        advance_rate=offer.advance_rate,
        annual_rate=offer.annual_rate,
        processing_fee_rate=offer.processing_fee_rate,
        recourse=True,
        invoice_amount=offer.invoice_amount,
        advance_amount=offer.advance_amount,
        discount_amount=offer.discount_amount,
        fee_amount=offer.fee_amount,
        net_amount=offer.net_amount,
        annual_percentage_rate=offer.annual_percentage_rate,
        due_date=offer.due_date,
        disbursal_date=offer.quote_disbursal_date,
        disbursed_at=at(offer.quote_disbursal_date),
        principal_outstanding=offer.advance_amount,
        created_at=created_at or datetime.now(UTC),
    )
    await add(database, loan)
    return loan


def sme_actor(sme: models.Sme, user_id: uuid.UUID | None = None) -> Actor:
    return Actor(role=Role.SME, user_id=user_id or uuid.uuid4(), sme_id=sme.id)


def lender_actor(
    lender: models.LenderPartner, user_id: uuid.UUID | None = None
) -> Actor:
    return Actor(role=Role.LENDER, user_id=user_id or uuid.uuid4(), lender_id=lender.id)


def platform_actor(role: Role) -> Actor:
    return Actor(role=role, user_id=uuid.uuid4())


async def create_registered_sme(database: Database, **fields: Any) -> models.Sme:
    """An SME fresh from registration: no KYC data, no GSTINs."""
    sme = models.Sme(
        id=uuid.uuid4(),
        legal_name=fields.pop("legal_name", f"New Ventures {next(_serial)} Pvt Ltd"),
        constitution=fields.pop("constitution", Constitution.PRIVATE_LIMITED),
        state_code=fields.pop("state_code", "27"),
        industry=fields.pop("industry", "Textiles"),
        status=fields.pop("status", SmeStatus.REGISTERED),
        referral_code=f"R{uuid.uuid4().hex[:8].upper()}",
        acquisition_channel=fields.pop(
            "acquisition_channel", AcquisitionChannel.ORGANIC
        ),
        **fields,
    )
    await add(database, sme)
    return sme


async def create_user(
    database: Database, role: Role, *, sme: models.Sme | None = None
) -> Actor:
    """A user row of `role` (of `sme` for SME users) and the actor acting as it."""
    number = next(_serial)
    user = models.User(
        id=uuid.uuid4(),
        email=f"user{number}@example.in",
        full_name=f"Test User {number}",
        role=role,
        sme_id=sme.id if sme is not None else None,
    )
    await add(database, user)
    return Actor(
        role=role,
        user_id=user.id,
        sme_id=user.sme_id,
        email=user.email,
    )


async def create_platform_user(database: Database, role: Role) -> Actor:
    """A stored OPS, MANAGEMENT or ADMIN user, for rows that name their author."""
    user = models.User(
        id=uuid.uuid4(),
        email=f"{role.value.lower()}{next(_serial)}@hundi.test",
        full_name=f"{role.value.title()} User",
        role=role,
    )
    await add(database, user)
    return Actor(role=role, user_id=user.id, email=user.email)
