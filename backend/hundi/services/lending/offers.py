"""Offers: a lender prices an application, or declines it.

An offer is priced by `hundi.domain.offer_quote.quote_invoices`, one line
per invoice, as if disbursed tomorrow in India. The lines are stored with
the offer, and its totals are their exact sums. An offer lapses at its
`valid_until`, which is never after the application's `expires_at`.

A lender has at most one open offer on an application. Declining an
application withdraws the lender's open offer on it; once every matched
lender has declined and no offer is open, the application is DECLINED.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.enums import ApplicationStatus, OfferStatus
from hundi.domain.limits import breaches
from hundi.domain.offer_quote import OfferQuote, quote_invoices
from hundi.domain.pricing import PricingError, Terms
from hundi.models import (
    ApplicationInvoice,
    ApplicationLenderMatch,
    FinancingApplication,
    Invoice,
    LenderProduct,
    Offer,
    OfferLine,
    Sme,
)
from hundi.services.actor import Actor
from hundi.services.audit import record_audit, snapshot
from hundi.services.checks import ErrorCollector
from hundi.services.errors import FieldError, FieldErrors
from hundi.services.lending.checks import check_rate, check_whole_number
from hundi.services.lending.expiry import (
    APPLICATION_FIELDS,
    OPEN_APPLICATION,
    close_offer,
    expire_if_due,
    reopen_if_no_offers,
)
from hundi.services.lending.exposure import (
    buyer_names,
    limit_errors,
    limits_of,
    read_exposure,
)
from hundi.services.lending.matching import (
    Candidate,
    advances_by_buyer,
    eligibility_reasons,
)
from hundi.services.lending.rows import not_found, visible_row
from hundi.services.scoping import application_scope, lender_product_scope

logger = logging.getLogger(__name__)

MAX_REASON_LENGTH = 2000
MAX_VALID_DAYS = 30
OFFER_FIELDS = (
    "status",
    "lender_id",
    "product_id",
    "advance_rate",
    "annual_rate",
    "processing_fee_rate",
    "processing_fee_min",
    "day_count",
    "quote_disbursal_date",
    "invoice_amount",
    "advance_amount",
    "discount_amount",
    "fee_amount",
    "net_amount",
    "annual_percentage_rate",
    "valid_until",
)


@dataclass(frozen=True)
class OfferRequest:
    """An offer a lender user makes on an application."""

    application_id: uuid.UUID | None
    product_id: uuid.UUID | None
    advance_rate: Decimal
    annual_rate: Decimal
    processing_fee_rate: Decimal
    # None means the product's offer validity.
    valid_days: int | None = None


async def load_candidate(
    session: AsyncSession, application: FinancingApplication, now: datetime
) -> Candidate:
    """Read the application's SME and invoices, in the SME's order."""
    sme = await session.get(Sme, application.sme_id)
    assert sme is not None  # Applications reference their SME.
    invoices = list(
        await session.scalars(
            select(Invoice)
            .join(ApplicationInvoice, ApplicationInvoice.invoice_id == Invoice.id)
            .where(ApplicationInvoice.application_id == application.id)
            .order_by(ApplicationInvoice.position)
        )
    )
    today = india_today(now)
    return Candidate(
        sme=sme,
        invoices=invoices,
        today=today,
        # The earliest payout: a later one only shortens the discount, so the
        # net amount quoted is the least the SME receives.
        quote_date=today,
        buyer_names=await buyer_names(session, {i.buyer_id for i in invoices}),
    )


async def add_offer(
    session: AsyncSession,
    actor: Actor,
    application: FinancingApplication,
    product: LenderProduct,
    terms: Terms,
    quote: OfferQuote,
    *,
    is_instant: bool,
    valid_days: int,
    now: datetime,
) -> Offer:
    """Store an offer with its lines and mark the application OFFERED."""
    offer = Offer(
        id=uuid.uuid4(),
        application_id=application.id,
        lender_id=product.lender_id,
        product_id=product.id,
        status=OfferStatus.OPEN,
        is_instant=is_instant,
        advance_rate=terms.advance_rate,
        annual_rate=terms.annual_rate,
        processing_fee_rate=terms.processing_fee_rate,
        processing_fee_min=terms.processing_fee_min,
        day_count=terms.day_count,
        quote_disbursal_date=quote.disbursal_date,
        due_date=quote.due_date,
        invoice_amount=quote.invoice_amount,
        advance_amount=quote.advance_amount,
        discount_amount=quote.discount_amount,
        fee_amount=quote.fee_amount,
        net_amount=quote.net_amount,
        annual_percentage_rate=quote.annual_percentage_rate,
        valid_until=min(now + timedelta(days=valid_days), application.expires_at),
        created_by_user_id=None if is_instant else actor.user_id,
        created_at=now,
    )
    session.add(offer)
    # No relationship orders the inserts, so the offer is flushed first.
    await session.flush()
    session.add_all(_lines(offer.id, quote))
    await session.flush()

    await record_audit(
        session,
        actor,
        "offer.made",
        "Offer",
        offer.id,
        after=snapshot(offer, *OFFER_FIELDS),
    )
    await _mark_offered(session, actor, application)
    return offer


async def create_offer(
    database: Database, actor: Actor, request: OfferRequest, now: datetime | None = None
) -> Offer:
    """Make the actor's lender's offer on an application matched to it."""
    now = now or datetime.now(UTC)
    lender_id = _lender_user(actor)
    valid_days = _check_request(request)

    await expire_if_due(database, actor, request.application_id, now)
    async with database.transaction() as session:
        application = await _open_application(session, actor, request.application_id)
        await _check_lender_may_offer(session, lender_id, application)
        product = await _active_product(session, actor, request.product_id)
        terms = _check_terms_within(product, request)

        candidate = await load_candidate(session, application, now)
        quote = await _checked_quote(session, product, terms, candidate)
        offer = await add_offer(
            session,
            actor,
            application,
            product,
            terms,
            quote,
            is_instant=False,
            valid_days=valid_days or product.offer_validity_days,
            now=now,
        )

    logger.info("offer %s made on application %s", offer.id, application.id)
    return offer


async def decline_application(
    database: Database,
    actor: Actor,
    application_id: uuid.UUID | None,
    reason: str,
    now: datetime | None = None,
) -> FinancingApplication:
    """Record that the actor's lender declines the application, with the reason."""
    now = now or datetime.now(UTC)
    lender_id = _lender_user(actor)
    checks = ErrorCollector()
    clean_reason = checks.text(
        reason, ("reason",), "Reason", max_length=MAX_REASON_LENGTH
    )
    checks.raise_if_any()

    await expire_if_due(database, actor, application_id, now)
    async with database.transaction() as session:
        application = await _open_application(session, actor, application_id)
        match = await _lender_match(session, lender_id, application.id)
        if match.declined_at is not None:
            raise FieldErrors.single(
                ("applicationId",),
                "ALREADY_DECLINED",
                "Your lender declined this application already.",
            )

        await _record_decline(session, actor, match, clean_reason, now)
        await _withdraw_open_offers(session, actor, lender_id, application, now)
        await _close_if_every_lender_declined(session, actor, application, now)

    logger.info("application %s declined by lender %s", application.id, lender_id)
    return application


def _lines(offer_id: uuid.UUID, quote: OfferQuote) -> list[OfferLine]:
    return [
        OfferLine(
            offer_id=offer_id,
            invoice_id=invoice_id,
            position=position,
            due_date=line.due_date,
            invoice_amount=line.invoice_amount,
            advance_amount=line.advance_amount,
            discount_amount=line.discount_amount,
            fee_amount=line.fee_amount,
            net_amount=line.net_amount,
            annual_percentage_rate=line.annual_percentage_rate,
        )
        for position, (invoice_id, line) in enumerate(quote.lines)
    ]


async def _mark_offered(
    session: AsyncSession, actor: Actor, application: FinancingApplication
) -> None:
    if application.status is ApplicationStatus.OFFERED:
        return

    before = snapshot(application, *APPLICATION_FIELDS)
    application.status = ApplicationStatus.OFFERED
    await record_audit(
        session,
        actor,
        "application.offered",
        "FinancingApplication",
        application.id,
        before=before,
        after=snapshot(application, *APPLICATION_FIELDS),
    )


def _lender_user(actor: Actor) -> uuid.UUID:
    if actor.lender_id is None or actor.user_id is None or actor.is_machine:
        raise PermissionError("only a lender's user makes or declines offers")
    return actor.lender_id


def _check_request(request: OfferRequest) -> int | None:
    checks = ErrorCollector()
    check_rate(checks, request.advance_rate, ("advanceRate",), "Advance rate")
    check_rate(checks, request.annual_rate, ("annualRate",), "Annual rate")
    check_rate(
        checks,
        request.processing_fee_rate,
        ("processingFeeRate",),
        "Processing fee rate",
        allow_zero=True,
        allow_one=False,
    )
    if request.valid_days is not None:
        check_whole_number(
            checks,
            request.valid_days,
            ("validDays",),
            "Validity",
            low=1,
            high=MAX_VALID_DAYS,
        )
    checks.raise_if_any()
    return request.valid_days


async def _open_application(
    session: AsyncSession, actor: Actor, application_id: uuid.UUID | None
) -> FinancingApplication:
    application = await visible_row(
        session,
        FinancingApplication,
        application_id,
        application_scope(actor),
        lock=True,
    )
    if application is None:
        raise not_found(("applicationId",), "application")

    if application.status is ApplicationStatus.EXPIRED:
        raise FieldErrors.single(
            ("applicationId",),
            "APPLICATION_EXPIRED",
            f"The application expired at {application.expires_at.isoformat()}.",
        )
    if application.status not in OPEN_APPLICATION:
        raise FieldErrors.single(
            ("applicationId",),
            "APPLICATION_NOT_OPEN",
            f"The application is {application.status.value}; only SUBMITTED or "
            "OFFERED applications take offers or declines.",
        )
    return application


async def _lender_match(
    session: AsyncSession, lender_id: uuid.UUID, application_id: uuid.UUID
) -> ApplicationLenderMatch:
    match = await session.scalar(
        select(ApplicationLenderMatch)
        .where(
            ApplicationLenderMatch.application_id == application_id,
            ApplicationLenderMatch.lender_id == lender_id,
        )
        .with_for_update()
    )
    # The application scope shows a lender only applications matched to it.
    assert match is not None
    return match


async def _check_lender_may_offer(
    session: AsyncSession, lender_id: uuid.UUID, application: FinancingApplication
) -> None:
    match = await _lender_match(session, lender_id, application.id)
    if match.declined_at is not None:
        raise FieldErrors.single(
            ("applicationId",),
            "ALREADY_DECLINED",
            "Your lender declined this application, so it cannot make an offer.",
        )

    open_offers = await session.scalar(
        select(func.count()).where(
            Offer.application_id == application.id,
            Offer.lender_id == lender_id,
            Offer.status == OfferStatus.OPEN,
        )
    )
    if open_offers:
        raise FieldErrors.single(
            ("applicationId",),
            "ALREADY_OFFERED",
            "Your lender has an open offer on this application; wait for the "
            "SME's answer or for it to lapse.",
        )


async def _active_product(
    session: AsyncSession, actor: Actor, product_id: uuid.UUID | None
) -> LenderProduct:
    product = await visible_row(
        session, LenderProduct, product_id, lender_product_scope(actor)
    )
    if product is None or product.lender_id != actor.lender_id:
        raise not_found(("productId",), "product of your lender")
    if not product.is_active:
        raise FieldErrors.single(
            ("productId",),
            "PRODUCT_INACTIVE",
            f"Product {product.name} is deactivated; offer from an active one.",
        )
    return product


def _check_terms_within(product: LenderProduct, request: OfferRequest) -> Terms:
    checks = ErrorCollector()
    if request.advance_rate > product.advance_rate:
        checks.add(
            ("advanceRate",),
            "ADVANCE_RATE_OUT_OF_RANGE",
            f"Advance rate {request.advance_rate} is above product "
            f"{product.name}'s {product.advance_rate}.",
        )
    if not product.min_annual_rate <= request.annual_rate <= product.max_annual_rate:
        checks.add(
            ("annualRate",),
            "ANNUAL_RATE_OUT_OF_RANGE",
            f"Annual rate {request.annual_rate} is outside product {product.name}'s "
            f"range {product.min_annual_rate} to {product.max_annual_rate}.",
        )
    if request.processing_fee_rate > product.processing_fee_rate:
        checks.add(
            ("processingFeeRate",),
            "PROCESSING_FEE_RATE_OUT_OF_RANGE",
            f"Processing fee rate {request.processing_fee_rate} is above product "
            f"{product.name}'s {product.processing_fee_rate}.",
        )
    checks.raise_if_any()

    return Terms(
        advance_rate=request.advance_rate,
        annual_rate=request.annual_rate,
        processing_fee_rate=request.processing_fee_rate,
        processing_fee_min=product.processing_fee_min,
        day_count=product.day_count,
    )


async def _checked_quote(
    session: AsyncSession,
    product: LenderProduct,
    terms: Terms,
    candidate: Candidate,
) -> OfferQuote:
    misfits = eligibility_reasons(product, candidate)
    if misfits:
        raise FieldErrors(
            [FieldError(("productId",), "OUTSIDE_PRODUCT", m) for m in misfits]
        )

    try:
        quote = quote_invoices(candidate.to_price(), terms, candidate.quote_date)
    except PricingError as error:
        raise FieldErrors.single(None, "PRICING_FAILED", str(error)) from None

    additions = advances_by_buyer(candidate.invoices, quote)
    exposure = await read_exposure(
        session, product.lender_id, candidate.sme.id, additions.keys()
    )
    found = breaches(limits_of(product), exposure, additions)
    if found:
        raise FieldErrors(
            limit_errors(
                found,
                candidate.buyer_names,
                "Lower the advance rate or raise the product's limits.",
            )
        )
    return quote


async def _record_decline(
    session: AsyncSession,
    actor: Actor,
    match: ApplicationLenderMatch,
    reason: str,
    now: datetime,
) -> None:
    match.declined_at = now
    match.decline_reason = reason
    await record_audit(
        session,
        actor,
        "application.declined_by_lender",
        "FinancingApplication",
        match.application_id,
        after={"lender_id": str(match.lender_id), "reason": reason},
    )


async def _withdraw_open_offers(
    session: AsyncSession,
    actor: Actor,
    lender_id: uuid.UUID,
    application: FinancingApplication,
    now: datetime,
) -> None:
    offers: Sequence[Offer] = list(
        await session.scalars(
            select(Offer).where(
                Offer.application_id == application.id,
                Offer.lender_id == lender_id,
                Offer.status == OfferStatus.OPEN,
            )
        )
    )
    for offer in offers:
        await close_offer(session, actor, offer, OfferStatus.WITHDRAWN, now)


async def _close_if_every_lender_declined(
    session: AsyncSession,
    actor: Actor,
    application: FinancingApplication,
    now: datetime,
) -> None:
    await session.flush()
    undecided = await session.scalar(
        select(func.count()).where(
            ApplicationLenderMatch.application_id == application.id,
            ApplicationLenderMatch.matched.is_(True),
            ApplicationLenderMatch.declined_at.is_(None),
        )
    )
    open_offers = await session.scalar(
        select(func.count()).where(
            Offer.application_id == application.id, Offer.status == OfferStatus.OPEN
        )
    )
    if undecided or open_offers:
        await reopen_if_no_offers(session, actor, application)
        return

    before = snapshot(application, *APPLICATION_FIELDS)
    application.status = ApplicationStatus.DECLINED
    application.closed_at = now
    await record_audit(
        session,
        actor,
        "application.declined",
        "FinancingApplication",
        application.id,
        before=before,
        after=snapshot(application, *APPLICATION_FIELDS),
    )


async def quote_offer(
    database: Database, actor: Actor, request: OfferRequest, now: datetime | None = None
) -> OfferQuote:
    """Price an offer the lender is about to make, without making it.

    The same checks and the same pricing as `create_offer` apply, so the quote
    equals what `create_offer` would store; nothing is written or locked.
    """
    now = now or datetime.now(UTC)
    _lender_user(actor)
    _check_request(request)

    async with database.session() as session:
        application = await visible_row(
            session,
            FinancingApplication,
            request.application_id,
            application_scope(actor),
        )
        if application is None:
            raise not_found(("applicationId",), "application")
        product = await _active_product(session, actor, request.product_id)
        terms = _check_terms_within(product, request)
        candidate = await load_candidate(session, application, now)
        return await _checked_quote(session, product, terms, candidate)
