"""A large synthetic data set for benchmarks: N SMEs, about 10 invoices each.

Rows are drawn in chunks of SMEs and written in bulk: PostgreSQL's COPY
through asyncpg, or multi-row INSERTs on SQLite. Everything the success
metrics read is included (visits, funnel steps, sessions, tickets, surveys,
marketing spend), spread over the six months up to today.
"""

from __future__ import annotations

import json
import random
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, insert, text
from tqdm import tqdm

from hundi import models
from hundi.db import Database
from hundi.domain.calendar import add_months, financial_year, india_today, month_start
from hundi.domain.enums import (
    AcquisitionChannel,
    ApplicationStatus,
    AssetClass,
    Constitution,
    DayCountConvention,
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
from hundi.seed.demo import india_instant

CHUNK_SMES = 2_000
LENDER_COUNT = 5
CHANNELS = list(AcquisitionChannel)
CHANNEL_WEIGHTS = [30, 20, 15, 12, 5, 13, 5]
STATES = list(catalog.STATES)
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass
class Batch:
    """Rows drawn for one chunk of SMEs, by table."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, table: str, **row: Any) -> None:
        self.rows.setdefault(table, []).append(row)


class BulkWriter:
    """Write lists of row dicts to tables as fast as the database allows."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.written = 0

    async def write(self, batch: Batch) -> None:
        async with self.database.transaction() as session:
            connection = await session.connection()
            for table in models.Base.metadata.sorted_tables:
                rows = batch.rows.get(table.name)
                if not rows:
                    continue
                if self.database.dialect == "postgresql":
                    await self._copy(connection, table, rows)
                else:
                    await connection.execute(insert(table), rows)
                self.written += len(rows)

    async def _copy(
        self, connection: Any, table: Table, rows: list[dict[str, Any]]
    ) -> None:
        columns = list(rows[0])
        json_columns = {
            c.name
            for c in table.columns
            if c.type.__class__.__name__ in ("JSON", "Variant")
        }
        records = [
            tuple(json.dumps(row[c]) if c in json_columns else row[c] for c in columns)
            for row in rows
        ]
        raw = await connection.get_raw_connection()
        await raw.driver_connection.copy_records_to_table(
            table.name, records=records, columns=columns
        )


@dataclass
class World:
    rng: random.Random
    as_of: date
    start: date
    lenders: list[dict[str, Any]]
    products: list[dict[str, Any]]
    buyers: list[dict[str, Any]]

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def day(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, max((last - first).days, 0)))


def unique_pan(number: int, fifth: str) -> str:
    """A well-formed company PAN, different for every `number` below 175 million."""
    serial = number % 9999 + 1
    block = number // 9999
    letters = (
        LETTERS[block // 676 % 26] + LETTERS[block // 26 % 26] + LETTERS[block % 26]
    )
    return f"{letters}C{fifth}{serial:04d}K"


def build_world(scale: int, as_of: date, rng: random.Random) -> tuple[World, Batch]:
    start = add_months(month_start(as_of), -5)
    world = World(rng=rng, as_of=as_of, start=start, lenders=[], products=[], buyers=[])
    batch = Batch()
    created = india_instant(start)
    for index in range(LENDER_COUNT):
        lender = {
            "id": world.uuid(),
            "name": f"Benchmark Lender {index + 1}",
            "kind": LenderKind.BANK if index % 2 == 0 else LenderKind.NBFC,
            "registration_number": f"BENCH-{index + 1:04d}",
            "contact_name": "Credit Desk",
            "contact_email": f"desk{index + 1}@lender.example",
            "contact_phone": None,
            "is_active": True,
            "onboarded_at": created,
            "created_at": created,
        }
        product = {
            "id": world.uuid(),
            "lender_id": lender["id"],
            "name": "Invoice discounting",
            "advance_rate": Decimal("0.80"),
            "min_annual_rate": Decimal("0.11"),
            "max_annual_rate": Decimal("0.20"),
            "processing_fee_rate": Decimal("0.005"),
            "processing_fee_min": Decimal("500.00"),
            "day_count": list(DayCountConvention)[index % 4],
            "min_tenor_days": 15,
            "max_tenor_days": 180,
            "min_amount": Decimal("10000.00"),
            "max_amount": Decimal("50000000.00"),
            "min_days_to_due": 15,
            "recourse": True,
            "eligible_industries": [],
            "eligible_states": [],
            "limit_per_buyer": Decimal("9000000000.00"),
            "limit_per_sme": Decimal("900000000.00"),
            "concentration_cap": Decimal("1.00"),
            "concentration_floor": Decimal("0.00"),
            "instant_offer": False,
            "instant_annual_rate": None,
            "penal_annual_rate": None,
            "offer_validity_days": 7,
            "is_active": True,
            "created_at": created,
        }
        world.lenders.append(lender)
        world.products.append(product)
        batch.add("lender_partners", **lender)
        batch.add("lender_products", **product)
    for index in range(max(50, scale // 10)):
        state = STATES[index % len(STATES)]
        name = catalog.BUYER_NAMES[index % len(catalog.BUYER_NAMES)]
        buyer = {
            "id": world.uuid(),
            "gstin": build_gstin(state, unique_pan(index, "B")),
            "legal_name": f"{name} {index} Limited",
            "trade_name": None,
            "state_code": state,
            "industry": catalog.INDUSTRIES[index % len(catalog.INDUSTRIES)],
            "created_at": created,
        }
        world.buyers.append(buyer)
    for buyer in world.buyers:
        batch.add("buyers", **buyer)
    return world, batch


def draw_sme(world: World, batch: Batch, number: int) -> None:
    """Draw one SME with its user, KYC, invoices, financing and activity."""
    rng = world.rng
    state = STATES[number % len(STATES)]
    pan = unique_pan(number, "S")
    gstin = build_gstin(state, pan)
    registered = world.day(world.start, world.as_of - timedelta(days=2))
    created = india_instant(registered, 9 + number % 10, number % 60)
    verified = rng.random() < 0.85
    sme_id, user_id = world.uuid(), world.uuid()
    channel = rng.choices(CHANNELS, weights=CHANNEL_WEIGHTS)[0]
    batch.add(
        "smes",
        id=sme_id,
        legal_name=f"Synthetic Enterprise {number} Private Limited",
        trade_name=None,
        constitution=Constitution.PRIVATE_LIMITED,
        state_code=state,
        industry=catalog.INDUSTRIES[number % len(catalog.INDUSTRIES)],
        status=SmeStatus.KYC_VERIFIED if verified else SmeStatus.KYC_SUBMITTED,
        pan=pan,
        udyam_number=None,
        bank_account_number=f"{100000000000 + number}",
        ifsc="HDFC0001234",
        referral_code=f"S{number:011d}",
        acquisition_channel=channel,
        referred_by_sme_id=None,
        referral_partner=None,
        kyc_verified_at=created + timedelta(minutes=rng.randint(5, 40))
        if verified
        else None,
        created_at=created,
    )
    batch.add(
        "users",
        id=user_id,
        email=f"owner{number}@synthetic.example",
        full_name="Synthetic Owner",
        phone=None,
        password_hash=None,
        role=Role.SME,
        is_lender_admin=False,
        sme_id=sme_id,
        lender_id=None,
        is_active=True,
        deactivated_at=None,
        last_sign_in_at=None,
        created_at=created,
    )
    batch.add(
        "sme_gstins",
        id=world.uuid(),
        sme_id=sme_id,
        gstin=gstin,
        is_primary=True,
        created_at=created,
    )
    _kyc(world, batch, sme_id, user_id, pan, gstin, created, verified)
    _activity(world, batch, sme_id, user_id, registered, created)
    if verified:
        for serial in range(rng.randint(5, 15)):
            _invoice(world, batch, sme_id, user_id, gstin, registered, serial)


def _kyc(
    world: World,
    batch: Batch,
    sme_id: uuid.UUID,
    user_id: uuid.UUID,
    pan: str,
    gstin: str,
    created: datetime,
    verified: bool,
) -> None:
    submitted = created + timedelta(minutes=world.rng.randint(3, 20))
    reviewed = (
        submitted + timedelta(minutes=world.rng.randint(3, 30)) if verified else None
    )
    batch.add(
        "kyc_submissions",
        id=world.uuid(),
        sme_id=sme_id,
        status=KycStatus.APPROVED if verified else KycStatus.SUBMITTED,
        pan=pan,
        gstins=[gstin],
        udyam_number=None,
        bank_account_number="100000000000",
        ifsc="HDFC0001234",
        signatory_name="Synthetic Owner",
        signatory_designation=None,
        submitted_by_user_id=user_id,
        started_at=created,
        submitted_at=submitted,
        reviewed_at=reviewed,
        reviewed_by_user_id=None,
        verified_at=reviewed,
        rejection_reason=None,
        checks_run=[],
    )


def _activity(
    world: World,
    batch: Batch,
    sme_id: uuid.UUID,
    user_id: uuid.UUID,
    registered: date,
    created: datetime,
) -> None:
    rng = world.rng
    visitor = visitor_of(sme_id)
    batch.add(
        "visitors",
        visitor_id=visitor,
        first_seen_at=created,
        sme_id=sme_id,
        linked_at=created + timedelta(minutes=2),
    )
    steps = [
        ProductEventName.VISIT,
        ProductEventName.SIGNUP_STARTED,
        ProductEventName.SIGNUP_COMPLETED,
        ProductEventName.KYC_STARTED,
        ProductEventName.KYC_SUBMITTED,
    ]
    for index, step in enumerate(steps):
        batch.add(
            "product_events",
            id=world.uuid(),
            occurred_at=created + timedelta(minutes=index),
            name=step,
            visitor_id=visitor,
            sme_id=None if step is ProductEventName.VISIT else sme_id,
        )
    for _ in range(rng.randint(4, 9)):
        _anonymous_visit(world, batch)
    day = registered
    while day < world.as_of:
        started = india_instant(day, rng.randint(9, 19), rng.randint(0, 59))
        batch.add(
            "app_sessions",
            id=world.uuid(),
            user_id=user_id,
            sme_id=sme_id,
            started_at=started,
            last_activity_at=started + timedelta(seconds=rng.randint(60, 900)),
            ended_at=None,
        )
        day += timedelta(days=rng.randint(5, 20))
    if rng.random() < 0.3:
        opened = created + timedelta(days=rng.randint(0, 20), hours=rng.randint(0, 10))
        responded = opened + timedelta(hours=rng.randint(1, 20))
        resolved = responded + timedelta(hours=rng.randint(1, 30))
        batch.add(
            "support_tickets",
            id=world.uuid(),
            sme_id=sme_id,
            opened_by_user_id=user_id,
            category=TicketCategory.OTHER,
            subject="Synthetic question",
            status=TicketStatus.RESOLVED,
            opened_at=opened,
            first_response_at=responded,
            resolved_at=resolved,
        )
    if rng.random() < 0.5:
        answered = created + timedelta(days=rng.randint(1, 30))
        batch.add(
            "survey_responses",
            id=world.uuid(),
            sme_id=sme_id,
            user_id=user_id,
            period=f"{answered.year}-Q{(answered.month - 1) // 3 + 1}",
            nps_score=rng.choices(
                range(11), weights=[1, 1, 1, 1, 1, 2, 3, 6, 10, 14, 16]
            )[0],
            rating=rng.randint(3, 5),
            comment=None,
            answered_at=answered,
        )


def visitor_of(sme_id: uuid.UUID) -> str:
    """The visitor id of the browser an SME signed up from."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"hundi-visitor:{sme_id}"))


def _anonymous_visit(world: World, batch: Batch) -> None:
    """A visit of someone who never signs up: one event and one visitor."""
    rng = world.rng
    visitor = str(uuid.UUID(int=rng.getrandbits(128)))
    visited = india_instant(
        world.day(world.start, world.as_of - timedelta(days=1)), rng.randint(8, 22)
    )
    batch.add(
        "visitors",
        visitor_id=visitor,
        first_seen_at=visited,
        sme_id=None,
        linked_at=None,
    )
    batch.add(
        "product_events",
        id=world.uuid(),
        occurred_at=visited,
        name=ProductEventName.VISIT,
        visitor_id=visitor,
        sme_id=None,
    )


def _application_started(
    world: World, batch: Batch, sme_id: uuid.UUID, started: datetime
) -> None:
    batch.add(
        "product_events",
        id=world.uuid(),
        occurred_at=started,
        name=ProductEventName.APPLICATION_STARTED,
        visitor_id=visitor_of(sme_id),
        sme_id=sme_id,
    )


def _invoice(
    world: World,
    batch: Batch,
    sme_id: uuid.UUID,
    user_id: uuid.UUID,
    gstin: str,
    registered: date,
    serial: int,
) -> None:
    rng = world.rng
    uploaded = world.day(registered, world.as_of - timedelta(days=1))
    invoice_date = uploaded - timedelta(days=rng.randint(0, 15))
    due_date = invoice_date + timedelta(days=rng.choice([45, 60, 75, 90]))
    buyer = world.buyers[rng.randrange(len(world.buyers))]
    taxable = Decimal(rng.randrange(5_000_000, 200_000_000)) / 100
    tax = (taxable * Decimal("0.18")).quantize(Decimal("0.01"))
    fy = financial_year(invoice_date)
    invoice_id = world.uuid()
    created = india_instant(uploaded, 12, rng.randint(0, 59))
    invoice = {
        "id": invoice_id,
        "sme_id": sme_id,
        "buyer_id": buyer["id"],
        "seller_gstin": gstin,
        "buyer_gstin": buyer["gstin"],
        "document_type": "INV",
        "invoice_number": f"S{serial:03d}-{invoice_id.hex[:8].upper()}",
        "invoice_date": invoice_date,
        "due_date": due_date,
        "financial_year": fy,
        "taxable_value": taxable,
        "tax_amount": tax,
        "total_amount": taxable + tax,
        "irn": None,
        "ack_number": None,
        "ack_date": None,
        "signature_verified": None,
        "source": InvoiceSource.CSV,
        "status": InvoiceStatus.VERIFIED,
        "rejection_reason": None,
        "uploaded_by_user_id": user_id,
        "created_at": created,
    }
    batch.add("invoices", **invoice)
    if rng.random() < 0.3:
        _financing(world, batch, invoice, created)
    elif rng.random() < 0.05:
        # An application form opened and left without submitting.
        _application_started(world, batch, sme_id, created + timedelta(hours=1))


def _financing(
    world: World, batch: Batch, invoice: dict[str, Any], uploaded: datetime
) -> None:
    rng = world.rng
    submitted = uploaded + timedelta(hours=rng.randint(1, 30))
    outcome = rng.choices(
        [
            ApplicationStatus.DISBURSED,
            ApplicationStatus.DECLINED,
            ApplicationStatus.EXPIRED,
            ApplicationStatus.SUBMITTED,
        ],
        weights=[70, 10, 10, 10],
    )[0]
    application_id = world.uuid()
    _application_started(
        world,
        batch,
        invoice["sme_id"],
        submitted - timedelta(minutes=rng.randint(3, 40)),
    )
    batch.add(
        "financing_applications",
        id=application_id,
        sme_id=invoice["sme_id"],
        status=outcome,
        requested_amount=invoice["total_amount"],
        submitted_at=submitted,
        expires_at=submitted + timedelta(days=14),
        decided_at=None,
        closed_at=submitted + timedelta(days=3)
        if outcome in (ApplicationStatus.DECLINED, ApplicationStatus.EXPIRED)
        else None,
        submitted_by_user_id=invoice["uploaded_by_user_id"],
        created_at=submitted,
    )
    batch.add(
        "application_invoices",
        application_id=application_id,
        invoice_id=invoice["id"],
        position=0,
    )
    chosen = rng.sample(range(LENDER_COUNT), k=2)
    for lender_index in chosen:
        batch.add(
            "application_lender_matches",
            id=world.uuid(),
            application_id=application_id,
            lender_id=world.lenders[lender_index]["id"],
            product_id=world.products[lender_index]["id"],
            matched=True,
            reasons=[],
            declined_at=None,
            decline_reason=None,
            created_at=submitted,
        )
    if outcome is not ApplicationStatus.DISBURSED:
        return
    product = world.products[chosen[0]]
    made = submitted + timedelta(hours=rng.randint(1, 24))
    disbursal = made.date() + timedelta(days=1)
    if disbursal >= invoice["due_date"] or disbursal >= world.as_of:
        return
    annual = product["min_annual_rate"] + Decimal("0.005") * rng.randint(0, 18)
    terms = Terms(
        product["advance_rate"],
        annual,
        product["processing_fee_rate"],
        product["processing_fee_min"],
        product["day_count"],
    )
    quote = price(invoice["total_amount"], terms, disbursal, invoice["due_date"])
    offer_id = world.uuid()
    batch.add(
        "offers",
        id=offer_id,
        application_id=application_id,
        lender_id=product["lender_id"],
        product_id=product["id"],
        status=OfferStatus.ACCEPTED,
        is_instant=False,
        advance_rate=terms.advance_rate,
        annual_rate=annual,
        processing_fee_rate=terms.processing_fee_rate,
        processing_fee_min=terms.processing_fee_min,
        day_count=terms.day_count,
        quote_disbursal_date=disbursal,
        due_date=invoice["due_date"],
        invoice_amount=quote.invoice_amount,
        advance_amount=quote.advance_amount,
        discount_amount=quote.discount_amount,
        fee_amount=quote.fee_amount,
        net_amount=quote.net_amount,
        annual_percentage_rate=quote.annual_percentage_rate,
        valid_until=made + timedelta(days=7),
        created_by_user_id=None,
        decided_at=made + timedelta(hours=2),
        created_at=made,
    )
    _loan(world, batch, invoice, application_id, offer_id, product, terms, quote, made)


def _loan(
    world: World,
    batch: Batch,
    invoice: dict[str, Any],
    application_id: uuid.UUID,
    offer_id: uuid.UUID,
    product: dict[str, Any],
    terms: Terms,
    quote: Any,
    made: datetime,
) -> None:
    disbursal = quote.disbursal_date
    rng = world.rng
    last_day_end = world.as_of - timedelta(days=1)
    repaid = invoice["due_date"] <= last_day_end and rng.random() < 0.93
    overdue = days_past_due(invoice["due_date"], last_day_end) if not repaid else 0
    loan_id = world.uuid()
    batch.add(
        "loans",
        id=loan_id,
        offer_id=offer_id,
        application_id=application_id,
        invoice_id=invoice["id"],
        sme_id=invoice["sme_id"],
        lender_id=product["lender_id"],
        buyer_id=invoice["buyer_id"],
        product_id=product["id"],
        disbursal_id=None,
        status=LoanStatus.REPAID if repaid else LoanStatus.ACTIVE,
        asset_class=classify(overdue) if not repaid else AssetClass.STANDARD,
        days_past_due=overdue,
        day_count=product["day_count"],
        advance_rate=product["advance_rate"],
        annual_rate=terms.annual_rate,
        processing_fee_rate=product["processing_fee_rate"],
        penal_annual_rate=None,
        recourse=True,
        invoice_amount=quote.invoice_amount,
        advance_amount=quote.advance_amount,
        discount_amount=quote.discount_amount,
        fee_amount=quote.fee_amount,
        net_amount=quote.net_amount,
        annual_percentage_rate=quote.annual_percentage_rate,
        due_date=invoice["due_date"],
        disbursal_date=disbursal,
        disbursed_at=india_instant(disbursal, 11),
        principal_outstanding=Decimal("0.00") if repaid else quote.advance_amount,
        penal_outstanding=Decimal("0.00"),
        refund_due=Decimal("0.00"),
        repaid_at=india_instant(invoice["due_date"], 15) if repaid else None,
        written_off_at=None,
        written_off_amount=None,
        write_off_reason=None,
        recovered_amount=Decimal("0.00"),
        npa_since=None,
        created_at=made + timedelta(hours=2),
    )
    if repaid:
        batch.add(
            "repayments",
            id=world.uuid(),
            loan_id=loan_id,
            status=RepaymentStatus.POSTED,
            amount=quote.advance_amount,
            received_on=invoice["due_date"],
            bank_reference=f"SYN{loan_id.hex[:20].upper()}",
            allocated_penal=Decimal("0.00"),
            allocated_principal=quote.advance_amount,
            excess_amount=Decimal("0.00"),
            recorded_by_user_id=None,
            reversed_at=None,
            reversal_reason=None,
            created_at=india_instant(invoice["due_date"], 16),
        )


def marketing(world: World, batch: Batch, scale: int) -> None:
    for month in range(6):
        for channel in CHANNELS:
            if channel in (AcquisitionChannel.ORGANIC, AcquisitionChannel.REFERRAL):
                continue
            batch.add(
                "marketing_spend",
                id=world.uuid(),
                month=add_months(world.start, month),
                channel=channel,
                amount=Decimal(scale * 20 + month * 1000),
                created_at=india_instant(add_months(world.start, month)),
            )


def security_incidents(world: World, batch: Batch) -> None:
    """One incident every other month; the one in the fifth month exposed data."""
    for month in range(0, 6, 2):
        occurred = india_instant(add_months(world.start, month) + timedelta(days=9), 15)
        batch.add(
            "security_incidents",
            id=world.uuid(),
            occurred_at=occurred,
            detected_at=occurred + timedelta(hours=2),
            severity=IncidentSeverity.MEDIUM,
            title=f"Synthetic incident {month + 1}",
            description="Synthetic incident for benchmarks.",
            personal_data_exposed=month == 4,
            resolved_at=occurred + timedelta(hours=9),
            recorded_by_user_id=None,
            created_at=occurred + timedelta(hours=3),
        )


def _chunks(total: int, size: int) -> Iterable[range]:
    for first in range(0, total, size):
        yield range(first, min(first + size, total))


async def seed_scale(database: Database, scale: int, as_of: date | None = None) -> str:
    """Write `scale` synthetic SMEs and their history; return a summary."""
    started = time.perf_counter()
    rng = random.Random(scale)
    world, batch = build_world(scale, as_of or india_today(), rng)
    marketing(world, batch, scale)
    security_incidents(world, batch)
    writer = BulkWriter(database)
    await writer.write(batch)
    with tqdm(total=scale, unit="SME", desc="Seeding", mininterval=1.0) as progress:
        for numbers in _chunks(scale, CHUNK_SMES):
            batch = Batch()
            for number in numbers:
                draw_sme(world, batch, number)
            await writer.write(batch)
            progress.update(len(numbers))
    # Fresh planner statistics: without them PostgreSQL plans the first
    # queries on the new rows as if the tables were nearly empty.
    async with database.engine.connect() as connection:
        await connection.execute(text("ANALYZE"))
        await connection.commit()
    seconds = time.perf_counter() - started
    return (
        f"Seeded {scale:,} synthetic SMEs ({writer.written:,} rows) in {seconds:.1f} s."
    )
