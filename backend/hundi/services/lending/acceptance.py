"""Accepting an offer: the SME takes one offer and the loans are booked.

The accepted offer's application takes no more offers: its other open
offers are DECLINED. Each invoice becomes one loan, PENDING_DISBURSAL, with
the offer's terms and the quoted amounts. Approval of the disbursal prices
each loan again on the actual value date.

The loans reserve the lender's limits at once (their advance counts as
exposure). To keep parallel acceptances from taking a lender over a limit,
acceptance locks the lender's row before it reads the exposure, so the
checks of one lender run one at a time (PostgreSQL: SELECT ... FOR UPDATE;
SQLite: the single write lock taken at BEGIN IMMEDIATE).

TODO: an accepted offer that is never paid out keeps its loans
PENDING_DISBURSAL and its limits reserved; a mutation that cancels it (the
loans CANCELLED, the invoices free for a new application) is still missing.
"""

from __future__ import annotations

import logging
import uuid
from collections import defaultdict
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.db import Database
from hundi.domain.enums import ApplicationStatus, InvoiceStatus, LoanStatus, OfferStatus
from hundi.domain.limits import breaches
from hundi.models import (
    FinancingApplication,
    Invoice,
    LenderProduct,
    Loan,
    Offer,
    OfferLine,
)
from hundi.services.actor import Actor
from hundi.services.audit import record_audit, snapshot
from hundi.services.errors import FieldErrors
from hundi.services.idempotency import IdempotentRequest, run_idempotent
from hundi.services.lending.expiry import (
    APPLICATION_FIELDS,
    OFFER_FIELDS,
    close_offer,
    expire_if_due,
)
from hundi.services.lending.exposure import (
    buyer_names,
    limit_errors,
    limits_of,
    read_exposure,
)
from hundi.services.lending.rows import lock_lender, not_found, visible_row
from hundi.services.scoping import offer_scope

logger = logging.getLogger(__name__)

_FIELD = ("offerId",)
LOAN_FIELDS = (
    "status",
    "offer_id",
    "invoice_id",
    "lender_id",
    "buyer_id",
    "advance_amount",
    "discount_amount",
    "fee_amount",
    "net_amount",
    "principal_outstanding",
    "due_date",
)


async def accept_offer(
    database: Database,
    actor: Actor,
    offer_id: uuid.UUID | None,
    idempotency_key: str,
    now: datetime | None = None,
) -> Offer:
    """Accept one of the SME's open offers and book its loans."""
    now = now or datetime.now(UTC)
    if actor.sme_id is None:
        raise PermissionError("only an SME's user accepts offers")

    await expire_if_due(
        database, actor, await _application_of(database, actor, offer_id), now
    )

    async def work(session: AsyncSession) -> Offer:
        return await _accept(session, actor, offer_id, now)

    async def replay(session: AsyncSession, result_id: uuid.UUID) -> Offer:
        offer = await session.get(Offer, result_id)
        assert offer is not None  # Accepted offers are never deleted.
        return offer

    request = IdempotentRequest("acceptOffer", idempotency_key, {"offer_id": offer_id})
    offer = await run_idempotent(
        database, actor, request, work, replay, lambda row: row.id
    )
    logger.info("offer %s accepted", offer.id)
    return offer


async def _application_of(
    database: Database, actor: Actor, offer_id: uuid.UUID | None
) -> uuid.UUID | None:
    if offer_id is None:
        return None
    async with database.session() as session:
        application_id: uuid.UUID | None = await session.scalar(
            select(Offer.application_id).where(Offer.id == offer_id, offer_scope(actor))
        )
        return application_id


async def _accept(
    session: AsyncSession, actor: Actor, offer_id: uuid.UUID | None, now: datetime
) -> Offer:
    offer = await _locked_offer(session, actor, offer_id, now)
    application = await session.get(
        FinancingApplication, offer.application_id, with_for_update=True
    )
    assert application is not None  # Offers reference their application.
    _check_application(application, now)

    product = await session.get(LenderProduct, offer.product_id)
    assert product is not None  # Offers reference their product.

    lines = await _lines_with_invoices(session, offer)
    await _check_limits(session, product, offer, application, lines)

    await _close_offers(session, actor, offer, application, now)
    for line, invoice in lines:
        loan = _loan(product, offer, application, line, invoice, now)
        session.add(loan)
        await session.flush()
        await record_audit(
            session,
            actor,
            "loan.booked",
            "Loan",
            loan.id,
            after=snapshot(loan, *LOAN_FIELDS),
        )
    return offer


async def _locked_offer(
    session: AsyncSession, actor: Actor, offer_id: uuid.UUID | None, now: datetime
) -> Offer:
    lender_id = await session.scalar(
        select(Offer.lender_id).where(Offer.id == offer_id, offer_scope(actor))
    )
    if lender_id is None:
        raise not_found(_FIELD, "offer")

    # The lender lock comes first, before any read of its exposure.
    await lock_lender(session, lender_id)
    offer = await visible_row(session, Offer, offer_id, offer_scope(actor), lock=True)
    assert offer is not None  # Seen a moment ago, and offers are never deleted.

    if offer.status is OfferStatus.EXPIRED or offer.valid_until <= now:
        raise FieldErrors.single(
            _FIELD,
            "OFFER_EXPIRED",
            f"The offer lapsed at {offer.valid_until.isoformat()}; ask the lender "
            "for a new one.",
        )
    if offer.status is not OfferStatus.OPEN:
        raise FieldErrors.single(
            _FIELD,
            "OFFER_NOT_OPEN",
            f"The offer is {offer.status.value}; only an OPEN offer can be accepted.",
        )
    return offer


def _check_application(application: FinancingApplication, now: datetime) -> None:
    if application.status is ApplicationStatus.OFFERED and application.expires_at > now:
        return

    raise FieldErrors.single(
        _FIELD,
        "APPLICATION_NOT_OPEN",
        f"The offer's application is {application.status.value}"
        f"{' and past its expiry' if application.expires_at <= now else ''}; "
        "no offer on it can be accepted.",
    )


async def _lines_with_invoices(
    session: AsyncSession, offer: Offer
) -> list[tuple[OfferLine, Invoice]]:
    rows = await session.execute(
        select(OfferLine, Invoice)
        .join(Invoice, Invoice.id == OfferLine.invoice_id)
        .where(OfferLine.offer_id == offer.id)
        .order_by(OfferLine.position)
        .with_for_update(of=Invoice)
    )
    lines = [(line, invoice) for line, invoice in rows.all()]

    for _line, invoice in lines:
        if invoice.status is not InvoiceStatus.VERIFIED:
            raise FieldErrors.single(
                _FIELD,
                "INVOICE_ALREADY_FINANCED",
                f"Invoice {invoice.invoice_number} is {invoice.status.value}; the "
                "offer can no longer be accepted.",
            )
    return lines


async def _check_limits(
    session: AsyncSession,
    product: LenderProduct,
    offer: Offer,
    application: FinancingApplication,
    lines: list[tuple[OfferLine, Invoice]],
) -> None:
    additions: dict[uuid.UUID, Decimal] = defaultdict(lambda: Decimal("0.00"))
    for line, invoice in lines:
        additions[invoice.buyer_id] += line.advance_amount

    exposure = await read_exposure(
        session, offer.lender_id, application.sme_id, additions.keys()
    )
    found = breaches(limits_of(product), exposure, additions)
    if found:
        names = await buyer_names(session, additions.keys())
        raise FieldErrors(
            limit_errors(
                found,
                names,
                "The lender cannot take this offer now; ask it for a smaller one.",
            )
        )


async def _close_offers(
    session: AsyncSession,
    actor: Actor,
    offer: Offer,
    application: FinancingApplication,
    now: datetime,
) -> None:
    before = snapshot(offer, *OFFER_FIELDS)
    offer.status = OfferStatus.ACCEPTED
    offer.decided_at = now
    await record_audit(
        session,
        actor,
        "offer.accepted",
        "Offer",
        offer.id,
        before=before,
        after=snapshot(offer, *OFFER_FIELDS),
    )

    others = await session.scalars(
        select(Offer).where(
            Offer.application_id == application.id,
            Offer.id != offer.id,
            Offer.status == OfferStatus.OPEN,
        )
    )
    for other in list(others):
        await close_offer(session, actor, other, OfferStatus.DECLINED, now)

    before = snapshot(application, *APPLICATION_FIELDS)
    application.status = ApplicationStatus.ACCEPTED
    application.decided_at = now
    await record_audit(
        session,
        actor,
        "application.accepted",
        "FinancingApplication",
        application.id,
        before=before,
        after=snapshot(application, *APPLICATION_FIELDS),
    )


def _loan(
    product: LenderProduct,
    offer: Offer,
    application: FinancingApplication,
    line: OfferLine,
    invoice: Invoice,
    now: datetime,
) -> Loan:
    return Loan(
        offer_id=offer.id,
        application_id=application.id,
        invoice_id=invoice.id,
        sme_id=application.sme_id,
        lender_id=offer.lender_id,
        buyer_id=invoice.buyer_id,
        product_id=offer.product_id,
        status=LoanStatus.PENDING_DISBURSAL,
        day_count=offer.day_count,
        advance_rate=offer.advance_rate,
        annual_rate=offer.annual_rate,
        processing_fee_rate=offer.processing_fee_rate,
        penal_annual_rate=product.penal_annual_rate,
        recourse=product.recourse,
        invoice_amount=line.invoice_amount,
        advance_amount=line.advance_amount,
        discount_amount=line.discount_amount,
        fee_amount=line.fee_amount,
        net_amount=line.net_amount,
        annual_percentage_rate=line.annual_percentage_rate,
        due_date=line.due_date,
        principal_outstanding=line.advance_amount,
        created_at=now,
    )
