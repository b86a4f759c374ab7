"""The demo data set: six months of a small, believable Hundi.

Deterministic for a given `as_of` date (default: today in India): the same
random seed draws the same SMEs, invoices and history, placed relative to
that date, so the dashboards always show the last six months.

NOTE: the demo accounts (one per role, password `hundi-demo`) exist only in
this data set; nothing else creates accounts with known passwords.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from hundi import models
from hundi.auth.passwords import hash_password
from hundi.auth.store import sha256_hex
from hundi.auth.tokens import MACHINE_SCOPE
from hundi.db import Database
from hundi.domain.calendar import (
    INDIA,
    add_months,
    financial_year,
    india_today,
    month_start,
)
from hundi.domain.einvoice import compute_irn
from hundi.domain.enums import (
    AcquisitionChannel,
    ApplicationStatus,
    AssetClass,
    Constitution,
    DayCountConvention,
    DisbursalStatus,
    IncidentSeverity,
    InvoiceSource,
    InvoiceStatus,
    KycStatus,
    LenderKind,
    LoanStatus,
    OfferStatus,
    ProductEventName,
    RepaymentStatus,
    Role,
    SmeStatus,
    TicketCategory,
    TicketStatus,
)
from hundi.domain.identifiers import build_gstin
from hundi.domain.overdue import classify, days_past_due
from hundi.domain.pricing import Terms, price
from hundi.seed import catalog
from hundi.seed.documents import kyc_documents, store_documents
from hundi.services.documents import DocumentStore
from hundi.services.kpis.targets import insert_missing_targets
from hundi.services.lending.day_end import penal_for

DEMO_PASSWORD = "hundi-demo"
DEMO_LENDER_CLIENT_ID = "demo-lender-api"
DEMO_LENDER_CLIENT_SECRET = "demo-lender-secret"
RANDOM_SEED = 20260401
SME_COUNT = 50
BUYER_COUNT = 40
MONTHS = 6

PAISA = Decimal("0.01")


def india_instant(day: date, hour: int = 11, minute: int = 0) -> datetime:
    """The UTC instant of a wall-clock time in India on `day`."""
    return datetime.combine(day, time(hour, minute), tzinfo=INDIA).astimezone(UTC)


@dataclass
class DemoData:
    """Rows of the data set, gathered before one bulk write."""

    rng: random.Random
    as_of: date
    start: date
    # No event of the history happens after this instant: a step that would
    # come later (an offer, an acceptance) has simply not happened yet.
    now: datetime
    rows: dict[str, list[Any]] = field(default_factory=dict)

    def add(self, *rows: Any) -> None:
        for row in rows:
            self.rows.setdefault(type(row).__name__, []).append(row)

    def count(self, model: type[Any]) -> int:
        return len(self.rows.get(model.__name__, []))

    def money(self, low: int, high: int) -> Decimal:
        """A random amount of whole rupees and paise between `low` and `high` rupees."""
        return Decimal(self.rng.randrange(low * 100, high * 100)) / 100

    def day_in(self, first: date, last: date) -> date:
        span = max((last - first).days, 0)
        return first + timedelta(days=self.rng.randint(0, span))


# --- organisations and people ----------------------------------------------


def _pan(rng: random.Random, holder_type: str) -> str:
    letters = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(3))
    name_letter = rng.choice("ABCDEFGHKLMNPRSTV")
    serial = rng.randint(1, 9999)
    check_letter = rng.choice("ABCDEFGHJKLMNPRZ")
    return f"{letters}{holder_type}{name_letter}{serial:04d}{check_letter}"


def _person(rng: random.Random) -> str:
    return f"{rng.choice(catalog.FIRST_NAMES)} {rng.choice(catalog.LAST_NAMES)}"


def build_lenders(
    data: DemoData,
) -> list[tuple[models.LenderPartner, list[models.LenderProduct]]]:
    specs = [
        ("Coastal Commercial Bank", LenderKind.BANK, "RBI-BNK-000417", 0),
        ("Sahyog Finance Ltd", LenderKind.NBFC, "N-13.02317", 1),
        ("Vriddhi Capital Pvt Ltd", LenderKind.NBFC, "N-14.03122", 3),
    ]
    lenders = []
    for index, (name, kind, registration, month) in enumerate(specs):
        lender = models.LenderPartner(
            id=uuid.uuid4(),
            name=name,
            kind=kind,
            registration_number=registration,
            contact_name=_person(data.rng),
            contact_email=f"credit.desk{index + 1}@lender{index + 1}.example",
            contact_phone=f"+9198{data.rng.randint(10_000_000, 99_999_999)}",
            onboarded_at=india_instant(
                add_months(data.start, month) + timedelta(days=3)
            ),
            created_at=india_instant(add_months(data.start, month) + timedelta(days=3)),
        )
        lenders.append((lender, _products(lender, index)))
        data.add(lender, *lenders[-1][1])
    return lenders


def _products(lender: models.LenderPartner, index: int) -> list[models.LenderProduct]:
    base = {
        "lender_id": lender.id,
        "processing_fee_min": Decimal("500.00"),
        "min_tenor_days": 15,
        "max_tenor_days": 180,
        "min_amount": Decimal("25000.00"),
        "max_amount": Decimal("5000000.00"),
        "min_days_to_due": 15,
        # The concentration cap binds once a lender has 50 lakh at stake.
        "concentration_floor": Decimal("5000000.00"),
        "offer_validity_days": 7,
        "is_active": True,
        "eligible_industries": [],
        "eligible_states": [],
        "created_at": lender.created_at,
    }
    if index == 0:
        return [
            models.LenderProduct(
                id=uuid.uuid4(),
                name="Receivables Express",
                advance_rate=Decimal("0.85"),
                min_annual_rate=Decimal("0.105"),
                max_annual_rate=Decimal("0.16"),
                processing_fee_rate=Decimal("0.0025"),
                day_count=DayCountConvention.ACT_365F,
                recourse=False,
                limit_per_buyer=Decimal("25000000.00"),
                limit_per_sme=Decimal("10000000.00"),
                concentration_cap=Decimal("0.25"),
                instant_offer=True,
                instant_annual_rate=Decimal("0.125"),
                penal_annual_rate=Decimal("0.02"),
                **base,
            )
        ]
    if index == 1:
        return [
            models.LenderProduct(
                id=uuid.uuid4(),
                name="MSME Invoice Discounting",
                advance_rate=Decimal("0.80"),
                min_annual_rate=Decimal("0.13"),
                max_annual_rate=Decimal("0.21"),
                processing_fee_rate=Decimal("0.005"),
                day_count=DayCountConvention.ACT_360,
                recourse=True,
                limit_per_buyer=Decimal("15000000.00"),
                limit_per_sme=Decimal("5000000.00"),
                concentration_cap=Decimal("0.30"),
                penal_annual_rate=Decimal("0.03"),
                **base,
            ),
            models.LenderProduct(
                id=uuid.uuid4(),
                name="Supplier Finance Monthly",
                advance_rate=Decimal("0.75"),
                min_annual_rate=Decimal("0.15"),
                max_annual_rate=Decimal("0.24"),
                processing_fee_rate=Decimal("0.0075"),
                day_count=DayCountConvention.THIRTY_360,
                recourse=True,
                limit_per_buyer=Decimal("8000000.00"),
                limit_per_sme=Decimal("3000000.00"),
                concentration_cap=Decimal("0.20"),
                **base,
            ),
        ]
    return [
        models.LenderProduct(
            id=uuid.uuid4(),
            name="Growth Receivables",
            advance_rate=Decimal("0.90"),
            min_annual_rate=Decimal("0.14"),
            max_annual_rate=Decimal("0.22"),
            processing_fee_rate=Decimal("0.004"),
            day_count=DayCountConvention.ACT_ACT,
            recourse=True,
            limit_per_buyer=Decimal("12000000.00"),
            limit_per_sme=Decimal("4000000.00"),
            concentration_cap=Decimal("0.30"),
            **base,
        )
    ]


def build_buyers(data: DemoData) -> list[models.Buyer]:
    buyers = []
    states = list(catalog.STATES)
    for index in range(BUYER_COUNT):
        state = states[index % len(states)]
        name = catalog.BUYER_NAMES[index % len(catalog.BUYER_NAMES)]
        buyer = models.Buyer(
            id=uuid.uuid4(),
            gstin=build_gstin(state, _pan(data.rng, "C")),
            legal_name=f"{name} Limited",
            trade_name=name,
            state_code=state,
            industry=data.rng.choice(catalog.INDUSTRIES),
            created_at=india_instant(data.start),
        )
        buyers.append(buyer)
    data.add(*buyers)
    return buyers


@dataclass
class DemoSme:
    sme: models.Sme
    gstin: str
    user: models.User


def _kyc_fields(rng: random.Random, state: str, pan: str) -> dict[str, str]:
    district = rng.randint(1, 40)
    serial = rng.randint(1, 9_999_999)
    bank = rng.choice(["HDFC", "ICIC", "SBIN", "UTIB", "KKBK"])
    letters = catalog.UDYAM_STATE_LETTERS[state]
    return {
        "pan": pan,
        "udyam_number": f"UDYAM-{letters}-{district:02d}-{serial:07d}",
        "bank_account_number": str(rng.randint(10**11, 10**12 - 1)),
        "ifsc": f"{bank}0{rng.randint(100000, 999999)}",
    }


def _registration_day(data: DemoData, index: int) -> date:
    # Registrations grow month over month: later months get more SMEs.
    weights = [4, 4, 4, 5, 6, 7]
    month = data.rng.choices(range(MONTHS), weights=weights)[0]
    if index < 8:
        # The earliest SMEs give the portfolio loans old enough to be NPA.
        month = 0
    first = add_months(data.start, month)
    # Reviews can take hours, so the last registrations leave a day for them.
    last = min(add_months(first, 1) - timedelta(days=1), data.as_of - timedelta(days=2))
    return data.day_in(first, last)


def _channel(data: DemoData) -> AcquisitionChannel:
    channels = list(AcquisitionChannel)
    weights = [30, 20, 15, 12, 5, 13, 5]
    return data.rng.choices(channels, weights=weights)[0]


def _status(index: int) -> SmeStatus:
    if index < 40:
        return SmeStatus.KYC_VERIFIED
    return [SmeStatus.KYC_SUBMITTED, SmeStatus.KYC_REJECTED, SmeStatus.REGISTERED][
        index % 3
    ]


def build_smes(data: DemoData) -> list[DemoSme]:
    smes: list[DemoSme] = []
    states = list(catalog.STATES)
    for index in range(SME_COUNT):
        smes.append(_build_sme(data, index, states[index % len(states)], smes))
    return smes


def _build_sme(
    data: DemoData, index: int, state: str, earlier: list[DemoSme]
) -> DemoSme:
    rng = data.rng
    industry = catalog.INDUSTRIES[index % len(catalog.INDUSTRIES)]
    constitution = rng.choice(
        [
            Constitution.PRIVATE_LIMITED,
            Constitution.PARTNERSHIP,
            Constitution.PROPRIETORSHIP,
            Constitution.LLP,
        ]
    )
    holder = {
        Constitution.PROPRIETORSHIP: "P",
        Constitution.PARTNERSHIP: "F",
        Constitution.LLP: "F",
    }.get(constitution, "C")
    pan = _pan(rng, holder)
    stem = catalog.NAME_STEMS[index % len(catalog.NAME_STEMS)]
    trade = f"{stem} {catalog.NAME_TRADES[industry]}"
    registered = _registration_day(data, index)
    channel = _channel(data) if index else AcquisitionChannel.PAID_SEARCH
    status = _status(index)
    referrer = (
        rng.choice(earlier).sme
        if channel is AcquisitionChannel.REFERRAL and earlier
        else None
    )
    sme = models.Sme(
        id=uuid.uuid4(),
        legal_name=f"{trade} {'Private Limited' if holder == 'C' else 'and Co'}",
        trade_name=trade,
        constitution=constitution,
        state_code=state,
        industry=industry,
        status=status,
        **(_kyc_fields(rng, state, pan) if status is not SmeStatus.REGISTERED else {}),
        referral_code=f"HUN{index + 1:04d}{rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZ')}",
        acquisition_channel=channel,
        referred_by_sme_id=referrer.id if referrer else None,
        referral_partner="Udyam Mitra Network"
        if channel is AcquisitionChannel.PARTNER
        else None,
        created_at=india_instant(registered, 10 + index % 8, (index * 7) % 60),
    )
    gstin = build_gstin(state, pan)
    email = (
        "sme@hundi.example"
        if index == 0
        else f"owner{index + 1}@sme{index + 1}.example"
    )
    user = models.User(
        id=uuid.uuid4(),
        email=email,
        full_name=_person(rng),
        phone=f"+9197{rng.randint(10_000_000, 99_999_999)}",
        password_hash=hash_password(DEMO_PASSWORD) if index == 0 else None,
        role=Role.SME,
        sme_id=sme.id,
        created_at=sme.created_at,
    )
    data.add(sme, user)
    if sme.pan is not None:
        data.add(
            models.SmeGstin(
                id=uuid.uuid4(),
                sme_id=sme.id,
                gstin=gstin,
                is_primary=True,
                created_at=sme.created_at,
            )
        )
        _kyc(data, sme, user, gstin, registered)
    return DemoSme(sme, gstin, user)


def _kyc(
    data: DemoData, sme: models.Sme, user: models.User, gstin: str, registered: date
) -> None:
    rng = data.rng
    started = sme.created_at + timedelta(minutes=rng.randint(2, 30))
    submitted = started + timedelta(minutes=rng.randint(4, 12))
    submission = models.KycSubmission(
        id=uuid.uuid4(),
        sme_id=sme.id,
        status=KycStatus.SUBMITTED,
        pan=sme.pan or "",
        gstins=[gstin],
        udyam_number=sme.udyam_number,
        bank_account_number=sme.bank_account_number or "",
        ifsc=sme.ifsc or "",
        signatory_name=user.full_name,
        signatory_designation="Director",
        submitted_by_user_id=user.id,
        started_at=started,
        submitted_at=submitted,
    )
    if sme.status in (SmeStatus.KYC_VERIFIED, SmeStatus.KYC_REJECTED):
        # Most reviews take minutes; a few wait for the next working morning.
        minutes = rng.choice([4, 6, 7, 9, 11, 14, 18, 25, 40, 600])
        submission.reviewed_at = submitted + timedelta(minutes=minutes)
    if sme.status is SmeStatus.KYC_VERIFIED:
        submission.status = KycStatus.APPROVED
        submission.verified_at = submission.reviewed_at
        sme.kyc_verified_at = submission.reviewed_at
    elif sme.status is SmeStatus.KYC_REJECTED:
        submission.status = KycStatus.REJECTED
        submission.rejection_reason = (
            "The cancelled cheque is not legible; upload a clearer scan."
        )
    data.add(submission)


def build_platform_users(
    data: DemoData, lenders: list[models.LenderPartner]
) -> dict[str, models.User]:
    password = hash_password(DEMO_PASSWORD)
    specs = [
        ("lender@hundi.example", Role.LENDER, lenders[0].id, True),
        ("lender.checker@hundi.example", Role.LENDER, lenders[0].id, False),
        ("lender2@hundi.example", Role.LENDER, lenders[1].id, True),
        ("ops@hundi.example", Role.OPS, None, False),
        ("management@hundi.example", Role.MANAGEMENT, None, False),
        ("admin@hundi.example", Role.ADMIN, None, False),
    ]
    users = {}
    for email, role, lender_id, lender_admin in specs:
        users[email] = models.User(
            id=uuid.uuid4(),
            email=email,
            full_name=_person(data.rng),
            phone=f"+9199{data.rng.randint(10_000_000, 99_999_999)}",
            password_hash=password,
            role=role,
            lender_id=lender_id,
            is_lender_admin=lender_admin,
            created_at=india_instant(data.start),
        )
    data.add(*users.values())
    data.add(
        models.OAuthClient(
            id=uuid.uuid4(),
            client_id=DEMO_LENDER_CLIENT_ID,
            secret_hash=sha256_hex(DEMO_LENDER_CLIENT_SECRET),
            name="Demo lender's loan system",
            lender_id=lenders[0].id,
            scopes=[MACHINE_SCOPE],
            is_active=True,
            created_by_user_id=users["admin@hundi.example"].id,
            created_at=india_instant(data.start),
        )
    )
    return users


# --- invoices and financing --------------------------------------------------


@dataclass
class Context:
    data: DemoData
    smes: list[DemoSme]
    buyers: list[models.Buyer]
    lenders: list[tuple[models.LenderPartner, list[models.LenderProduct]]]
    users: dict[str, models.User]
    invoice_numbers: dict[str, int] = field(default_factory=dict)


def build_invoices(context: Context, owner: DemoSme) -> list[models.Invoice]:
    data = context.data
    rng = data.rng
    first_day = (owner.sme.kyc_verified_at or owner.sme.created_at).astimezone(
        INDIA
    ).date() + timedelta(days=1)
    invoices = []
    day = first_day
    while day < data.as_of:
        # About one invoice a week, more for the first (demo) SME.
        day += timedelta(
            days=rng.randint(2, 6)
            if owner.user.email == "sme@hundi.example"
            else rng.randint(4, 12)
        )
        if day >= data.as_of:
            break
        invoices.append(_invoice(context, owner, day))
    return invoices


def _invoice(context: Context, owner: DemoSme, uploaded: date) -> models.Invoice:
    data = context.data
    rng = data.rng
    buyer = context.buyers[rng.randrange(len(context.buyers))]
    # SMEs upload invoices they raised in the last few weeks.
    day = uploaded - timedelta(days=rng.randint(0, 20))
    fy = financial_year(day)
    serial = context.invoice_numbers.get(owner.gstin + fy, 0) + 1
    context.invoice_numbers[owner.gstin + fy] = serial
    number = f"{fy[2:4]}{fy[5:]}/{serial:04d}"
    taxable = data.money(40_000, 2_000_000)
    tax = (taxable * Decimal("0.18")).quantize(PAISA)
    source = rng.choice(
        [
            InvoiceSource.FORM,
            InvoiceSource.E_INVOICE,
            InvoiceSource.E_INVOICE,
            InvoiceSource.CSV,
        ]
    )
    invoice = models.Invoice(
        id=uuid.uuid4(),
        sme_id=owner.sme.id,
        buyer_id=buyer.id,
        seller_gstin=owner.gstin,
        buyer_gstin=buyer.gstin,
        invoice_number=number,
        invoice_date=day,
        due_date=day + timedelta(days=rng.choice([45, 60, 60, 75, 90])),
        financial_year=fy,
        taxable_value=taxable,
        tax_amount=tax,
        total_amount=taxable + tax,
        irn=compute_irn(owner.gstin, fy, "INV", number)
        if source is InvoiceSource.E_INVOICE
        else None,
        signature_verified=False if source is InvoiceSource.E_INVOICE else None,
        source=source,
        status=InvoiceStatus.VERIFIED,
        uploaded_by_user_id=owner.user.id,
        created_at=india_instant(uploaded, 12, rng.randint(0, 59)),
    )
    data.add(invoice)
    return invoice


def _application_outcome(data: DemoData, invoice: models.Invoice) -> ApplicationStatus:
    age = (data.as_of - invoice.invoice_date).days
    if age <= 3:
        return ApplicationStatus.SUBMITTED
    if age <= 8:
        return data.rng.choice(
            [
                ApplicationStatus.OFFERED,
                ApplicationStatus.OFFERED,
                ApplicationStatus.ACCEPTED,
            ]
        )
    weights = [70, 8, 7, 8, 7]
    choices = [
        ApplicationStatus.DISBURSED,
        ApplicationStatus.DECLINED,
        ApplicationStatus.WITHDRAWN,
        ApplicationStatus.EXPIRED,
        ApplicationStatus.OFFERED,
    ]
    outcome = data.rng.choices(choices, weights=weights)[0]
    if outcome is ApplicationStatus.OFFERED:
        return ApplicationStatus.EXPIRED
    return outcome


def build_financing(
    context: Context, owner: DemoSme, invoices: list[models.Invoice]
) -> None:
    data = context.data
    rng = data.rng
    for invoice in invoices:
        if rng.random() > 0.55:
            continue
        _application(context, owner, invoice, _application_outcome(data, invoice))


def _application(
    context: Context,
    owner: DemoSme,
    invoice: models.Invoice,
    outcome: ApplicationStatus,
) -> None:
    data = context.data
    rng = data.rng
    submitted = invoice.created_at + timedelta(hours=rng.randint(1, 20))
    if submitted > data.now:
        return
    application = models.FinancingApplication(
        id=uuid.uuid4(),
        sme_id=owner.sme.id,
        status=outcome,
        requested_amount=invoice.total_amount,
        submitted_at=submitted,
        expires_at=submitted + timedelta(days=14),
        submitted_by_user_id=owner.user.id,
        created_at=submitted,
    )
    data.add(
        application,
        models.ApplicationInvoice(
            application_id=application.id, invoice_id=invoice.id, position=0
        ),
    )
    for lender, products in context.lenders:
        fits = lender.onboarded_at <= submitted
        data.add(
            models.ApplicationLenderMatch(
                id=uuid.uuid4(),
                application_id=application.id,
                lender_id=lender.id,
                product_id=products[0].id if fits else None,
                matched=fits,
                reasons=["fits product " + products[0].name]
                if fits
                else ["lender not yet on Hundi"],
                created_at=submitted,
            )
        )
    if outcome is ApplicationStatus.SUBMITTED:
        return
    if outcome is ApplicationStatus.DECLINED:
        closed = submitted + timedelta(hours=rng.randint(6, 40))
        if closed > data.now:
            application.status = ApplicationStatus.SUBMITTED
            return
        application.closed_at = closed
        return
    offers = _offers(context, application, invoice, submitted)
    if not offers:
        application.status = ApplicationStatus.SUBMITTED
        return
    if outcome in (ApplicationStatus.WITHDRAWN, ApplicationStatus.EXPIRED):
        closed = submitted + timedelta(days=rng.randint(2, 13))
        if closed > data.now:
            application.status = ApplicationStatus.OFFERED
            return
        application.closed_at = closed
        for offer in offers:
            offer.status = (
                OfferStatus.WITHDRAWN
                if outcome is ApplicationStatus.WITHDRAWN
                else OfferStatus.EXPIRED
            )
            offer.decided_at = closed
        return
    if outcome is ApplicationStatus.OFFERED:
        return
    chosen = min(offers, key=lambda offer: offer.annual_rate)
    accepted_at = chosen.created_at + timedelta(hours=rng.randint(2, 30))
    if accepted_at > data.now:
        application.status = ApplicationStatus.OFFERED
        return
    application.decided_at = accepted_at
    for offer in offers:
        offer.status = OfferStatus.ACCEPTED if offer is chosen else OfferStatus.DECLINED
        offer.decided_at = accepted_at
    _loan(
        context,
        owner,
        application,
        invoice,
        chosen,
        accepted_at,
        disburse=outcome is ApplicationStatus.DISBURSED,
    )


def _offers(
    context: Context,
    application: models.FinancingApplication,
    invoice: models.Invoice,
    submitted: datetime,
) -> list[models.Offer]:
    data = context.data
    rng = data.rng
    offers = []
    eligible = [
        (lender, products)
        for lender, products in context.lenders
        if lender.onboarded_at <= submitted
    ]
    for _lender, products in rng.sample(eligible, k=rng.randint(1, len(eligible))):
        product = rng.choice(products)
        made = submitted + timedelta(hours=rng.randint(1, 26))
        if made > data.now:
            continue
        offer = _priced_offer(context, application, invoice, product, made)
        if offer is not None:
            offers.append(offer)
    fallback = submitted + timedelta(hours=3)
    if not offers and fallback <= data.now:
        products = eligible[0][1]
        offer = _priced_offer(context, application, invoice, products[0], fallback)
        assert offer is not None
        offers.append(offer)
    return offers


def _priced_offer(
    context: Context,
    application: models.FinancingApplication,
    invoice: models.Invoice,
    product: models.LenderProduct,
    made: datetime,
) -> models.Offer | None:
    data = context.data
    steps = int((product.max_annual_rate - product.min_annual_rate) / Decimal("0.0025"))
    annual = product.min_annual_rate + Decimal("0.0025") * data.rng.randint(0, steps)
    terms = Terms(
        advance_rate=product.advance_rate,
        annual_rate=annual,
        processing_fee_rate=product.processing_fee_rate,
        processing_fee_min=product.processing_fee_min,
        day_count=product.day_count,
    )
    disbursal = made.astimezone(INDIA).date() + timedelta(days=1)
    if invoice.due_date <= disbursal:
        return None
    quote = price(invoice.total_amount, terms, disbursal, invoice.due_date)
    offer = models.Offer(
        id=uuid.uuid4(),
        application_id=application.id,
        lender_id=product.lender_id,
        product_id=product.id,
        status=OfferStatus.OPEN,
        is_instant=product.instant_offer,
        advance_rate=terms.advance_rate,
        annual_rate=annual,
        processing_fee_rate=terms.processing_fee_rate,
        processing_fee_min=terms.processing_fee_min,
        day_count=terms.day_count,
        quote_disbursal_date=disbursal,
        due_date=invoice.due_date,
        invoice_amount=quote.invoice_amount,
        advance_amount=quote.advance_amount,
        discount_amount=quote.discount_amount,
        fee_amount=quote.fee_amount,
        net_amount=quote.net_amount,
        annual_percentage_rate=quote.annual_percentage_rate,
        valid_until=made + timedelta(days=product.offer_validity_days),
        created_by_user_id=context.users["lender@hundi.example"].id
        if product.lender_id == context.users["lender@hundi.example"].lender_id
        else None,
        created_at=made,
    )
    data.add(offer)
    data.add(
        models.OfferLine(
            offer_id=offer.id,
            invoice_id=invoice.id,
            position=0,
            due_date=quote.due_date,
            invoice_amount=quote.invoice_amount,
            advance_amount=quote.advance_amount,
            discount_amount=quote.discount_amount,
            fee_amount=quote.fee_amount,
            net_amount=quote.net_amount,
            annual_percentage_rate=quote.annual_percentage_rate,
        )
    )
    return offer


def _lender_users(
    context: Context, lender_id: uuid.UUID
) -> tuple[uuid.UUID, uuid.UUID] | None:
    maker = context.users["lender@hundi.example"]
    checker = context.users["lender.checker@hundi.example"]
    if maker.lender_id == lender_id:
        return maker.id, checker.id
    return None


def _loan(
    context: Context,
    owner: DemoSme,
    application: models.FinancingApplication,
    invoice: models.Invoice,
    offer: models.Offer,
    accepted_at: datetime,
    *,
    disburse: bool,
) -> None:
    data = context.data
    rng = data.rng
    product = next(
        p
        for _, products in context.lenders
        for p in products
        if p.id == offer.product_id
    )
    value_date = accepted_at.astimezone(INDIA).date() + timedelta(days=1)
    if value_date >= data.as_of or value_date >= invoice.due_date:
        disburse = False
        application.status = ApplicationStatus.ACCEPTED
    quote = price(
        invoice.total_amount,
        Terms(
            offer.advance_rate,
            offer.annual_rate,
            offer.processing_fee_rate,
            offer.processing_fee_min,
            offer.day_count,
        ),
        value_date,
        invoice.due_date,
    )
    loan = models.Loan(
        id=uuid.uuid4(),
        offer_id=offer.id,
        application_id=application.id,
        invoice_id=invoice.id,
        sme_id=owner.sme.id,
        lender_id=offer.lender_id,
        buyer_id=invoice.buyer_id,
        product_id=offer.product_id,
        status=LoanStatus.PENDING_DISBURSAL,
        asset_class=AssetClass.STANDARD,
        days_past_due=0,
        day_count=offer.day_count,
        advance_rate=offer.advance_rate,
        annual_rate=offer.annual_rate,
        processing_fee_rate=offer.processing_fee_rate,
        penal_annual_rate=product.penal_annual_rate,
        recourse=product.recourse,
        invoice_amount=quote.invoice_amount,
        advance_amount=quote.advance_amount,
        discount_amount=quote.discount_amount,
        fee_amount=quote.fee_amount,
        net_amount=quote.net_amount,
        annual_percentage_rate=quote.annual_percentage_rate,
        due_date=invoice.due_date,
        principal_outstanding=quote.advance_amount,
        created_at=accepted_at,
    )
    data.add(loan)
    if not disburse:
        # Accepted but not paid out: the invoice stays VERIFIED, in its
        # ACCEPTED application, until the checker approves the disbursal.
        return
    invoice.status = InvoiceStatus.FINANCED
    users = _lender_users(context, offer.lender_id)
    requested = india_instant(value_date, 10, rng.randint(0, 59))
    approved = requested + timedelta(minutes=rng.randint(20, 300))
    maker, checker = users if users else (None, None)
    if maker is not None and checker is not None:
        data.add(
            models.Disbursal(
                id=uuid.uuid4(),
                offer_id=offer.id,
                lender_id=offer.lender_id,
                status=DisbursalStatus.APPROVED,
                utr=f"UTIBR{value_date:%Y%m%d}{rng.randint(10**8, 10**9 - 1)}",
                value_date=value_date,
                amount=quote.net_amount,
                requested_by_user_id=maker,
                requested_at=requested,
                approved_by_user_id=checker,
                decided_at=approved,
                created_at=requested,
            )
        )
    loan.status = LoanStatus.ACTIVE
    loan.disbursal_date = value_date
    loan.disbursed_at = approved
    _repayments(context, loan, invoice)


def _repayments(context: Context, loan: models.Loan, invoice: models.Invoice) -> None:
    """Repay on time mostly; leave some loans overdue in each RBI bucket."""
    data = context.data
    rng = data.rng
    last_day_end = data.as_of - timedelta(days=1)
    if loan.due_date > last_day_end:
        return
    overdue_days = days_past_due(loan.due_date, last_day_end)
    # About one loan in nine past its due date stays unpaid (or part-paid).
    if rng.random() < 0.11:
        if rng.random() < 0.5:
            part = (loan.advance_amount * Decimal("0.4")).quantize(PAISA)
            _repayment(context, loan, part, loan.due_date + timedelta(days=2))
            loan.principal_outstanding = loan.advance_amount - part
        loan.days_past_due = overdue_days
        loan.asset_class = classify(overdue_days)
        if loan.asset_class is AssetClass.NPA:
            loan.npa_since = loan.due_date + timedelta(days=90)
        return
    paid_on = loan.due_date + timedelta(days=rng.choice([0, 0, 0, 1, 2, 5, 12]))
    paid_on = min(paid_on, last_day_end)
    if rng.random() < 0.3:
        half = (loan.advance_amount / 2).quantize(PAISA)
        _repayment(context, loan, half, paid_on - timedelta(days=3))
        _repayment(context, loan, loan.advance_amount - half, paid_on)
    else:
        _repayment(context, loan, loan.advance_amount, paid_on)
    loan.principal_outstanding = Decimal("0.00")
    loan.status = LoanStatus.REPAID
    loan.repaid_at = india_instant(paid_on, 16)
    invoice.status = InvoiceStatus.SETTLED


def _repayment(
    context: Context, loan: models.Loan, amount: Decimal, received_on: date
) -> None:
    context.data.add(
        models.Repayment(
            id=uuid.uuid4(),
            loan_id=loan.id,
            status=RepaymentStatus.POSTED,
            amount=amount,
            received_on=received_on,
            bank_reference=f"NEFT{received_on:%y%m%d}{_digits(context.data.rng, 10)}",
            allocated_penal=Decimal("0.00"),
            allocated_principal=amount,
            excess_amount=Decimal("0.00"),
            recorded_by_user_id=context.users["lender@hundi.example"].id
            if loan.lender_id == context.users["lender@hundi.example"].lender_id
            else None,
            created_at=india_instant(received_on, 17),
        )
    )


def _digits(rng: random.Random, count: int) -> str:
    return str(rng.randint(10 ** (count - 1), 10**count - 1))


def ensure_every_bucket(context: Context) -> None:
    """Make sure the demo portfolio has a loan in SMA-0, SMA-1, SMA-2 and NPA.

    The random history usually has them; where a bucket is empty, one of the
    first lender's repaid loans with a fitting due date is turned overdue.
    """
    data = context.data
    loans: list[models.Loan] = data.rows.get("Loan", [])
    repayments: list[models.Repayment] = data.rows.get("Repayment", [])
    last_day_end = data.as_of - timedelta(days=1)
    present = {loan.asset_class for loan in loans if loan.status is LoanStatus.ACTIVE}
    for asset_class in (
        AssetClass.SMA_0,
        AssetClass.SMA_1,
        AssetClass.SMA_2,
        AssetClass.NPA,
    ):
        if asset_class in present:
            continue
        candidates = [
            loan
            for loan in loans
            if loan.status is LoanStatus.REPAID
            and classify(days_past_due(loan.due_date, last_day_end)) is asset_class
        ]
        if not candidates:
            continue
        loan = candidates[0]
        removed = {r.id for r in repayments if r.loan_id == loan.id}
        data.rows["Repayment"] = repayments = [
            r for r in repayments if r.id not in removed
        ]
        overdue = days_past_due(loan.due_date, last_day_end)
        loan.status = LoanStatus.ACTIVE
        loan.repaid_at = None
        loan.principal_outstanding = loan.advance_amount
        loan.days_past_due = overdue
        loan.asset_class = classify(overdue)
        loan.npa_since = (
            loan.due_date + timedelta(days=90)
            if loan.asset_class is AssetClass.NPA
            else None
        )
        for invoice in data.rows["Invoice"]:
            if invoice.id == loan.invoice_id:
                invoice.status = InvoiceStatus.FINANCED


def build_classifications(context: Context) -> None:
    # TODO: the demo keeps one day-end, on the day before its as-of date, so
    # portfolio views as of earlier dates show no penal interest and the
    # current month's income carries penal interest of earlier months.
    data = context.data
    last_day_end = data.as_of - timedelta(days=1)
    started = min(india_instant(data.as_of, 0, 5), data.now - timedelta(minutes=1))
    run = models.DayEndRun(
        id=uuid.uuid4(),
        business_date=last_day_end,
        started_at=started,
        finished_at=started + timedelta(minutes=1),
    )
    active = [
        loan for loan in data.rows.get("Loan", []) if loan.status is LoanStatus.ACTIVE
    ]
    run.loans_classified = len(active)
    data.add(run)
    for loan in active:
        # This is the first day-end on record, so, as a real first run would,
        # it accrues penal interest on an overdue loan from its due date on.
        penal = (
            penal_for(loan, last_day_end, None)
            if days_past_due(loan.due_date, last_day_end)
            else Decimal("0.00")
        )
        loan.penal_outstanding = (loan.penal_outstanding or Decimal("0.00")) + penal
        data.add(
            models.LoanClassification(
                loan_id=loan.id,
                business_date=last_day_end,
                days_past_due=loan.days_past_due,
                asset_class=loan.asset_class,
                principal_outstanding=loan.principal_outstanding,
                penal_accrued=penal,
            )
        )


# --- what the success metrics are computed from -------------------------------


def build_product_events(context: Context) -> None:
    """Visits, onboarding steps and the visitors behind them, month by month."""
    data = context.data
    rng = data.rng
    for month in range(MONTHS):
        first = add_months(data.start, month)
        last = min(add_months(first, 1), data.as_of) - timedelta(days=1)
        # Visitors who never sign up; conversion hovers around its 15% target.
        for _ in range(18 + 4 * month):
            visitor = str(uuid.uuid4())
            visited = india_instant(data.day_in(first, last), rng.randint(8, 22))
            data.add(
                models.Visitor(visitor_id=visitor, first_seen_at=visited),
                _event(ProductEventName.VISIT, visitor, visited),
            )
            if rng.random() < 0.12:
                started = visited + timedelta(minutes=4)
                data.add(_event(ProductEventName.SIGNUP_STARTED, visitor, started))
    for owner in context.smes:
        _funnel(context, owner)


def _funnel(context: Context, owner: DemoSme) -> None:
    """The steps of one SME's browser, from its first visit to its applications."""
    data = context.data
    sme = owner.sme
    visitor = str(uuid.uuid5(uuid.NAMESPACE_URL, f"visitor:{sme.id}"))
    signed_up = sme.created_at
    data.add(
        models.Visitor(
            visitor_id=visitor,
            first_seen_at=signed_up - timedelta(minutes=20),
            sme_id=sme.id,
            linked_at=signed_up,
        ),
        _event(ProductEventName.VISIT, visitor, signed_up - timedelta(minutes=20)),
        _event(
            ProductEventName.SIGNUP_STARTED, visitor, signed_up - timedelta(minutes=15)
        ),
        _event(ProductEventName.SIGNUP_COMPLETED, visitor, signed_up, sme.id),
    )
    _kyc_steps(context, visitor, sme)
    _invoice_and_application_steps(context, visitor, sme)


def _kyc_steps(context: Context, visitor: str, sme: models.Sme) -> None:
    data = context.data
    submissions = [
        submission
        for submission in data.rows.get("KycSubmission", [])
        if submission.sme_id == sme.id
    ]
    for submission in submissions:
        started = submission.started_at or submission.submitted_at
        data.add(
            _event(ProductEventName.KYC_STARTED, visitor, started, sme.id),
            _event(
                ProductEventName.KYC_SUBMITTED, visitor, submission.submitted_at, sme.id
            ),
        )
    if not submissions and data.rng.random() < 0.5:
        # Opened the KYC form and left it: a drop-off.
        opened = sme.created_at + timedelta(hours=1)
        data.add(_event(ProductEventName.KYC_STARTED, visitor, opened, sme.id))


def _invoice_and_application_steps(
    context: Context, visitor: str, sme: models.Sme
) -> None:
    data = context.data
    invoices = sorted(
        (i for i in data.rows.get("Invoice", []) if i.sme_id == sme.id),
        key=lambda invoice: invoice.created_at,
    )
    if invoices:
        first_upload = invoices[0].created_at
        data.add(
            _event(
                ProductEventName.FIRST_INVOICE_UPLOADED, visitor, first_upload, sme.id
            )
        )
    applications = [
        a for a in data.rows.get("FinancingApplication", []) if a.sme_id == sme.id
    ]
    for application in applications:
        submitted = application.submitted_at
        started = submitted - timedelta(minutes=data.rng.randint(3, 30))
        data.add(
            _event(ProductEventName.APPLICATION_STARTED, visitor, started, sme.id),
            _event(ProductEventName.APPLICATION_SUBMITTED, visitor, submitted, sme.id),
        )
    applied = {
        link.invoice_id
        for link in data.rows.get("ApplicationInvoice", [])
        if link.application_id in {a.id for a in applications}
    }
    for invoice in invoices:
        if invoice.id not in applied and data.rng.random() < 0.06:
            # An application form opened and left without submitting.
            opened = invoice.created_at + timedelta(hours=1)
            data.add(
                _event(ProductEventName.APPLICATION_STARTED, visitor, opened, sme.id)
            )


def _event(
    name: ProductEventName,
    visitor: str,
    occurred: datetime,
    sme_id: uuid.UUID | None = None,
) -> models.ProductEvent:
    return models.ProductEvent(
        id=uuid.uuid4(),
        occurred_at=occurred,
        name=name,
        visitor_id=visitor,
        sme_id=sme_id,
    )


def build_sessions(context: Context) -> None:
    data = context.data
    rng = data.rng
    for owner in context.smes:
        if owner.sme.status is not SmeStatus.KYC_VERIFIED:
            continue
        day = owner.sme.created_at.astimezone(INDIA).date()
        while day < data.as_of:
            started = india_instant(day, rng.randint(9, 19), rng.randint(0, 59))
            minutes = rng.choice([2, 3, 4, 5, 6, 7, 8, 9, 11, 14])
            data.add(
                models.AppSession(
                    id=uuid.uuid4(),
                    user_id=owner.user.id,
                    sme_id=owner.sme.id,
                    started_at=started,
                    last_activity_at=started
                    + timedelta(minutes=minutes, seconds=rng.randint(0, 59)),
                    ended_at=started
                    + timedelta(minutes=minutes, seconds=rng.randint(0, 59)),
                )
            )
            day += timedelta(days=rng.randint(3, 9))


def build_marketing_spend(context: Context) -> None:
    data = context.data
    # About ₹3,000 a month: with 4 to 14 SMEs onboarded a month, some months
    # land inside the ₹300 to ₹500 cost per acquisition and some miss it.
    budget = {
        AcquisitionChannel.PAID_SEARCH: 1200,
        AcquisitionChannel.SOCIAL: 800,
        AcquisitionChannel.FIELD_SALES: 500,
        AcquisitionChannel.EVENT: 300,
        AcquisitionChannel.PARTNER: 200,
    }
    for month in range(MONTHS):
        for channel, rupees in budget.items():
            data.add(
                models.MarketingSpend(
                    id=uuid.uuid4(),
                    month=add_months(data.start, month),
                    channel=channel,
                    amount=Decimal(rupees) + data.money(0, 100),
                    created_at=india_instant(add_months(data.start, month)),
                )
            )


def build_support(context: Context) -> None:
    data = context.data
    rng = data.rng
    subjects = [
        (TicketCategory.KYC, "How long does KYC review take?"),
        (TicketCategory.INVOICE, "E-invoice import says the QR code disagrees"),
        (TicketCategory.FINANCING, "When will the disbursal reach my account?"),
        (TicketCategory.REPAYMENT, "Buyer paid directly to us, what now?"),
        (TicketCategory.ACCOUNT, "Add a second user for our accountant"),
    ]
    ops = context.users["ops@hundi.example"]
    for index in range(70):
        owner = context.smes[rng.randrange(len(context.smes))]
        opened = owner.sme.created_at + timedelta(
            days=rng.randint(1, 150), hours=rng.randint(0, 8)
        )
        if opened.astimezone(INDIA).date() >= data.as_of:
            continue
        category, subject = subjects[index % len(subjects)]
        first_response = opened + timedelta(hours=rng.choice([0.5, 1, 2, 3, 5, 8, 20]))
        resolved = first_response + timedelta(
            hours=rng.choice([1, 2, 4, 6, 10, 26, 40])
        )
        ticket = models.SupportTicket(
            id=uuid.uuid4(),
            sme_id=owner.sme.id,
            opened_by_user_id=owner.user.id,
            category=category,
            subject=subject,
            status=TicketStatus.RESOLVED,
            opened_at=opened,
            first_response_at=first_response,
            resolved_at=resolved,
        )
        now = data.now
        if resolved > now:
            ticket.status = (
                TicketStatus.ANSWERED if first_response <= now else TicketStatus.OPEN
            )
            ticket.resolved_at = None
            ticket.first_response_at = first_response if first_response <= now else None
        data.add(
            ticket,
            models.TicketMessage(
                id=uuid.uuid4(),
                ticket_id=ticket.id,
                author_user_id=owner.user.id,
                body=subject,
                created_at=opened,
            ),
        )
        if ticket.first_response_at is not None:
            data.add(
                models.TicketMessage(
                    id=uuid.uuid4(),
                    ticket_id=ticket.id,
                    author_user_id=ops.id,
                    body="Thanks for writing in; we are looking at it now.",
                    created_at=ticket.first_response_at,
                )
            )


def build_surveys(context: Context) -> None:
    data = context.data
    rng = data.rng
    for owner in context.smes:
        if owner.sme.status is not SmeStatus.KYC_VERIFIED:
            continue
        answered = owner.sme.created_at + timedelta(days=rng.randint(20, 60))
        if answered.astimezone(INDIA).date() >= data.as_of:
            continue
        local = answered.astimezone(INDIA)
        data.add(
            models.SurveyResponse(
                id=uuid.uuid4(),
                sme_id=owner.sme.id,
                user_id=owner.user.id,
                period=f"{local.year}-Q{(local.month - 1) // 3 + 1}",
                nps_score=rng.choices(
                    range(11), weights=[1, 1, 1, 1, 1, 2, 3, 6, 10, 14, 16]
                )[0],
                rating=rng.choices([1, 2, 3, 4, 5], weights=[1, 1, 3, 9, 14])[0],
                answered_at=answered,
            )
        )


def build_incidents(context: Context) -> None:
    data = context.data
    occurred = india_instant(add_months(data.start, 2) + timedelta(days=11), 15)
    data.add(
        models.SecurityIncident(
            id=uuid.uuid4(),
            occurred_at=occurred,
            detected_at=occurred + timedelta(minutes=42),
            severity=IncidentSeverity.LOW,
            title="Phishing e-mail reported by an operations user",
            description="A credential-phishing e-mail reached one inbox; it was "
            "reported, blocked and no credentials were entered.",
            personal_data_exposed=False,
            resolved_at=occurred + timedelta(hours=3),
            recorded_by_user_id=context.users["admin@hundi.example"].id,
            created_at=occurred + timedelta(hours=3),
        )
    )


# --- assembly -------------------------------------------------------------


def history_end(as_of: date, now: datetime | None = None) -> datetime:
    """The instant the demo history stops: now, or the end of an earlier as_of day."""
    end_of_day = india_instant(as_of + timedelta(days=1), 0, 0)
    return min(now or datetime.now(UTC), end_of_day)


def build(as_of: date, now: datetime | None = None) -> DemoData:
    """Draw the whole demo data set in memory."""
    start = add_months(month_start(as_of), -(MONTHS - 1))
    data = DemoData(
        rng=random.Random(RANDOM_SEED),
        as_of=as_of,
        start=start,
        now=history_end(as_of, now),
    )
    lenders = build_lenders(data)
    buyers = build_buyers(data)
    users = build_platform_users(data, [lender for lender, _ in lenders])
    smes = build_smes(data)
    context = Context(data, smes, buyers, lenders, users)
    for owner in smes:
        if owner.sme.status is SmeStatus.KYC_VERIFIED:
            build_financing(context, owner, build_invoices(context, owner))
    ensure_every_bucket(context)
    build_classifications(context)
    build_product_events(context)
    build_sessions(context)
    build_marketing_spend(context)
    build_support(context)
    build_surveys(context)
    build_incidents(context)
    return data


async def _add_kyc_documents(data: DemoData, store: DocumentStore) -> None:
    smes = {sme.id: sme for sme in data.rows.get("Sme", [])}
    pending = []
    for submission in data.rows.get("KycSubmission", []):
        pending += kyc_documents(
            submission, smes[submission.sme_id], submission.submitted_at
        )
    await store_documents(store, pending)
    data.add(*(document.row for document in pending))


# Insert order: parents before children, following the foreign keys.
INSERT_ORDER = [
    "LenderPartner",
    "LenderProduct",
    "Buyer",
    "Sme",
    "User",
    "SmeGstin",
    "KycSubmission",
    "KycDocument",
    "Invoice",
    "FinancingApplication",
    "ApplicationInvoice",
    "ApplicationLenderMatch",
    "Offer",
    "OfferLine",
    "Disbursal",
    "Loan",
    "Repayment",
    "DayEndRun",
    "LoanClassification",
    "Visitor",
    "ProductEvent",
    "AppSession",
    "MarketingSpend",
    "SupportTicket",
    "TicketMessage",
    "SurveyResponse",
    "SecurityIncident",
    "OAuthClient",
]


async def seed_demo(
    database: Database, as_of: date | None = None, documents_dir: Path | None = None
) -> str:
    """Write the demo data set; return a summary to print.

    With `documents_dir`, each KYC submission also gets its documents (small
    PDFs marked as demo data), stored there as the application stores uploads.
    """
    data = build(as_of or india_today())
    if documents_dir is not None:
        await _add_kyc_documents(data, DocumentStore(documents_dir))
    async with database.transaction() as session:
        for name in INSERT_ORDER:
            session.add_all(data.rows.get(name, []))
            await session.flush()
        # The migration stores the KPI targets; a database emptied since gets
        # them again here.
        await insert_missing_targets(session)
    counts = ", ".join(
        f"{len(data.rows.get(name, []))} {label}"
        for name, label in [
            ("Sme", "SMEs"),
            ("Buyer", "buyers"),
            ("LenderPartner", "lenders"),
            ("Invoice", "invoices"),
            ("FinancingApplication", "applications"),
            ("Offer", "offers"),
            ("Loan", "loans"),
            ("Repayment", "repayments"),
        ]
    )
    return f"Seeded the demo as of {data.as_of}: {counts}."
