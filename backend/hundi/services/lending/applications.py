"""Applications: an SME applies to finance its verified invoices, or withdraws.

An SME with verified KYC submits one or more of its VERIFIED invoices that
no live application holds (SUBMITTED or OFFERED and not yet expired,
ACCEPTED or DISBURSED). Hundi then matches the application to every active
lender (`hundi.services.lending.matching`) and records each lender's
result; a matching product with instant offers makes its offer at once.
An application expires 14 days after submission unless an offer on it was
accepted; the SME may withdraw it before that.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy import ColumnElement, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.enums import (
    ApplicationStatus,
    DocumentType,
    InvoiceStatus,
    OfferStatus,
    SmeStatus,
)
from hundi.domain.offer_quote import OfferQuote
from hundi.models import (
    ApplicationInvoice,
    ApplicationLenderMatch,
    FinancingApplication,
    Invoice,
    LenderProduct,
    Offer,
    Sme,
)
from hundi.services.actor import Actor
from hundi.services.audit import record_audit, snapshot
from hundi.services.checks import ErrorCollector
from hundi.services.errors import FieldErrors
from hundi.services.lending.expiry import (
    APPLICATION_FIELDS,
    OPEN_APPLICATION,
    close_offer,
    expire_if_due,
)
from hundi.services.lending.matching import (
    Candidate,
    LenderMatch,
    fit_reasons,
    match_lenders,
    pricing_terms,
)
from hundi.services.lending.offers import add_offer, load_candidate
from hundi.services.lending.rows import not_found, visible_row
from hundi.services.scoping import application_scope

logger = logging.getLogger(__name__)

APPLICATION_LIFETIME = timedelta(days=14)
MAX_INVOICES = 20
_FIELD = "invoiceIds"
_FINANCED = (InvoiceStatus.FINANCED, InvoiceStatus.SETTLED)
_DOCUMENT_NAMES = {
    DocumentType.INV: "tax invoice",
    DocumentType.CRN: "credit note",
    DocumentType.DBN: "debit note",
}


async def submit_application(
    database: Database,
    actor: Actor,
    invoice_ids: Sequence[uuid.UUID | None],
    now: datetime | None = None,
) -> FinancingApplication:
    """Submit the SME's invoices for financing and match them to lenders."""
    now = now or datetime.now(UTC)
    sme_id = _own_sme(actor)
    _check_list(invoice_ids)

    async with database.transaction() as session:
        await _check_kyc(session, sme_id)
        invoices = await _invoices_to_finance(session, sme_id, invoice_ids, now)
        application = await _save_application(session, actor, sme_id, invoices, now)

        candidate = await load_candidate(session, application, now)
        matches = await match_lenders(session, candidate)
        await _save_matches(session, application, matches, now)
        offers = await _make_instant_offers(
            session, actor, application, candidate, matches, now
        )

    logger.info(
        "application %s submitted: %s invoices, %s of %s lenders matched, "
        "%s instant offers",
        application.id,
        len(invoices),
        sum(1 for match in matches if match.product is not None),
        len(matches),
        offers,
    )
    return application


async def withdraw_application(
    database: Database,
    actor: Actor,
    application_id: uuid.UUID | None,
    now: datetime | None = None,
) -> FinancingApplication:
    """Withdraw the SME's application before it accepts an offer."""
    now = now or datetime.now(UTC)
    _own_sme(actor)

    await expire_if_due(database, actor, application_id, now)
    async with database.transaction() as session:
        application = await visible_row(
            session,
            FinancingApplication,
            application_id,
            application_scope(actor),
            lock=True,
        )
        if application is None:
            raise not_found(("applicationId",), "application")
        if application.status not in OPEN_APPLICATION:
            raise FieldErrors.single(
                ("applicationId",),
                "APPLICATION_NOT_OPEN",
                f"The application is {application.status.value}; only a SUBMITTED "
                "or OFFERED application can be withdrawn.",
            )

        await _withdraw(session, actor, application, now)

    logger.info("application %s withdrawn", application.id)
    return application


def _own_sme(actor: Actor) -> uuid.UUID:
    if actor.sme_id is None:
        raise PermissionError("only an SME's user submits or withdraws applications")
    return actor.sme_id


def _check_list(invoice_ids: Sequence[uuid.UUID | None]) -> None:
    if not invoice_ids:
        raise FieldErrors.single(
            (_FIELD,), "REQUIRED", "Choose at least one invoice to finance."
        )
    if len(invoice_ids) > MAX_INVOICES:
        raise FieldErrors.single(
            (_FIELD,),
            "TOO_MANY_INVOICES",
            f"The application has {len(invoice_ids)} invoices; apply with at "
            f"most {MAX_INVOICES} at a time.",
        )

    checks = ErrorCollector()
    first_index: dict[uuid.UUID, int] = {}
    for index, invoice_id in enumerate(invoice_ids):
        if invoice_id is None:
            continue
        if invoice_id in first_index:
            checks.add(
                (_FIELD, index),
                "REPEATED_INVOICE",
                f"This invoice id is also at index {first_index[invoice_id]} of "
                "invoiceIds; list each invoice once.",
            )
        else:
            first_index[invoice_id] = index
    checks.raise_if_any()


async def _check_kyc(session: AsyncSession, sme_id: uuid.UUID) -> None:
    sme = await session.get(Sme, sme_id)
    if sme is None:
        raise LookupError(f"SME {sme_id} of the actor does not exist")
    if sme.status is not SmeStatus.KYC_VERIFIED:
        raise FieldErrors.single(
            None,
            "KYC_NOT_VERIFIED",
            f"Your KYC is {sme.status.value}, not verified; you can apply for "
            "financing once OPS has approved your KYC.",
        )


async def _invoices_to_finance(
    session: AsyncSession,
    sme_id: uuid.UUID,
    invoice_ids: Sequence[uuid.UUID | None],
    now: datetime,
) -> list[Invoice]:
    requested_ids = {i for i in invoice_ids if i is not None}
    found = {
        invoice.id: invoice
        for invoice in await session.scalars(
            select(Invoice)
            .where(Invoice.id.in_(requested_ids), Invoice.sme_id == sme_id)
            .with_for_update()
        )
    }
    in_live_applications = await _held_by_live_applications(session, requested_ids, now)
    last_due_date_allowed = india_today(now) + timedelta(days=1)

    checks = ErrorCollector()
    for index, invoice_id in enumerate(invoice_ids):
        invoice = found.get(invoice_id) if invoice_id is not None else None
        field = (_FIELD, index)
        if invoice is None:
            checks.add(field, "NOT_FOUND", "No invoice of yours has this id.")
        elif invoice.document_type is not DocumentType.INV:
            checks.add(
                field,
                "NOT_A_TAX_INVOICE",
                f"Document {invoice.invoice_number} is a "
                f"{_DOCUMENT_NAMES[invoice.document_type]} "
                f"({invoice.document_type.value}); only tax invoices (INV) can be "
                "financed.",
            )
        elif invoice.status in _FINANCED:
            checks.add(
                field,
                "INVOICE_ALREADY_FINANCED",
                f"Invoice {invoice.invoice_number} is {invoice.status.value} already.",
            )
        elif invoice.status is not InvoiceStatus.VERIFIED:
            checks.add(
                field,
                "INVOICE_NOT_VERIFIED",
                f"Invoice {invoice.invoice_number} is {invoice.status.value}; only "
                "VERIFIED invoices can be financed.",
            )
        elif invoice.id in in_live_applications:
            checks.add(
                field,
                "INVOICE_IN_LIVE_APPLICATION",
                f"Invoice {invoice.invoice_number} is in another live application; "
                "withdraw that one first or wait for it to close.",
            )
        elif invoice.due_date <= last_due_date_allowed:
            checks.add(
                field,
                "INVOICE_DUE_TOO_SOON",
                f"Invoice {invoice.invoice_number} is due on "
                f"{invoice.due_date.isoformat()}; an invoice due tomorrow or "
                "earlier can no longer be financed.",
            )
    checks.raise_if_any()

    return [found[invoice_id] for invoice_id in invoice_ids if invoice_id is not None]


def in_live_application(now: datetime) -> ColumnElement[bool]:
    """Build the condition: the invoice is in an open, accepted or paid-out application.

    An invoice may be in one live application at a time; an open application
    stops holding its invoices once it expires.
    """
    application = FinancingApplication
    live = or_(
        application.status.in_(
            (ApplicationStatus.ACCEPTED, ApplicationStatus.DISBURSED)
        ),
        (application.status.in_(OPEN_APPLICATION) & (application.expires_at > now)),
    )
    return exists(
        select(ApplicationInvoice.invoice_id)
        .join(application, application.id == ApplicationInvoice.application_id)
        .where(ApplicationInvoice.invoice_id == Invoice.id, live)
    )


def financeable(now: datetime) -> list[ColumnElement[bool]]:
    """Conditions on an invoice that an application for it today would pass."""
    return [
        Invoice.status == InvoiceStatus.VERIFIED,
        Invoice.document_type == DocumentType.INV,
        Invoice.due_date > india_today(now) + timedelta(days=1),
        ~in_live_application(now),
    ]


async def _held_by_live_applications(
    session: AsyncSession, invoice_ids: set[uuid.UUID], now: datetime
) -> set[uuid.UUID]:
    invoice_ids_held = await session.scalars(
        select(Invoice.id).where(Invoice.id.in_(invoice_ids), in_live_application(now))
    )
    return set(invoice_ids_held)


async def _save_application(
    session: AsyncSession,
    actor: Actor,
    sme_id: uuid.UUID,
    invoices: list[Invoice],
    now: datetime,
) -> FinancingApplication:
    application = FinancingApplication(
        id=uuid.uuid4(),
        sme_id=sme_id,
        status=ApplicationStatus.SUBMITTED,
        requested_amount=sum((i.total_amount for i in invoices), Decimal("0.00")),
        submitted_at=now,
        expires_at=now + APPLICATION_LIFETIME,
        submitted_by_user_id=actor.user_id,
        created_at=now,
    )
    session.add(application)
    # No relationship orders the inserts, so the parent is flushed first.
    await session.flush()
    session.add_all(
        ApplicationInvoice(
            application_id=application.id, invoice_id=invoice.id, position=position
        )
        for position, invoice in enumerate(invoices)
    )
    await session.flush()

    await record_audit(
        session,
        actor,
        "application.submitted",
        "FinancingApplication",
        application.id,
        after={
            **snapshot(application, "status", "requested_amount", "expires_at"),
            "invoice_ids": [invoice.id for invoice in invoices],
        },
    )
    return application


async def _save_matches(
    session: AsyncSession,
    application: FinancingApplication,
    matches: list[LenderMatch],
    now: datetime,
) -> None:
    session.add_all(
        ApplicationLenderMatch(
            application_id=application.id,
            lender_id=match.lender_id,
            product_id=match.product.id if match.product else None,
            matched=match.product is not None,
            reasons=match.reasons,
            created_at=now,
        )
        for match in matches
    )
    await session.flush()


async def _make_instant_offers(
    session: AsyncSession,
    actor: Actor,
    application: FinancingApplication,
    candidate: Candidate,
    matches: list[LenderMatch],
    now: datetime,
) -> int:
    offers_made = 0
    for match in matches:
        product = match.product
        if product is None or not product.instant_offer:
            continue
        assert product.instant_annual_rate is not None  # Checked on every product.

        quote, reasons = await fit_reasons(
            session, product, candidate, product.instant_annual_rate
        )
        # The match priced this very quote a moment ago, so it fits.
        assert quote is not None, reasons
        assert not reasons, reasons
        await _add_instant_offer(session, actor, application, product, quote, now)
        offers_made += 1
    return offers_made


async def _add_instant_offer(
    session: AsyncSession,
    actor: Actor,
    application: FinancingApplication,
    product: LenderProduct,
    quote: OfferQuote,
    now: datetime,
) -> Offer:
    assert product.instant_annual_rate is not None
    return await add_offer(
        session,
        actor,
        application,
        product,
        pricing_terms(product, product.instant_annual_rate),
        quote,
        is_instant=True,
        valid_days=product.offer_validity_days,
        now=now,
    )


async def _withdraw(
    session: AsyncSession,
    actor: Actor,
    application: FinancingApplication,
    now: datetime,
) -> None:
    offers = await session.scalars(
        select(Offer).where(
            Offer.application_id == application.id, Offer.status == OfferStatus.OPEN
        )
    )
    for offer in list(offers):
        await close_offer(session, actor, offer, OfferStatus.WITHDRAWN, now)

    before = snapshot(application, *APPLICATION_FIELDS)
    application.status = ApplicationStatus.WITHDRAWN
    application.closed_at = now
    await record_audit(
        session,
        actor,
        "application.withdrawn",
        "FinancingApplication",
        application.id,
        before=before,
        after=snapshot(application, *APPLICATION_FIELDS),
    )
