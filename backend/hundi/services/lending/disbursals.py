"""Disbursal under maker-checker: one lender user requests, another approves.

    requestDisbursal (maker)  offer ACCEPTED -> disbursal REQUESTED
    approveDisbursal (checker) REQUESTED -> APPROVED: loans ACTIVE, invoices
                               FINANCED, application DISBURSED
    rejectDisbursal (checker)  REQUESTED -> REJECTED; the maker may request
                               again

The value date is the day the money reached the SME: not before the offer
was accepted, not in the future in India, and before the earliest due date.
Approval prices each loan again by `hundi.domain.pricing.price` on that
date, and the disbursal amount is the sum of the loans' net amounts.

Exactly once, under retries and concurrency: approval changes the status
with `UPDATE ... WHERE status = 'REQUESTED'`, so of two checkers only one
changes a row; each bank reference (UTR) is unique; an offer has at most
one live (requested or approved) disbursal, by a partial unique index; and
both money-moving mutations take an idempotency key.
"""

from __future__ import annotations

import logging
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.db import Database
from hundi.domain.calendar import india_today, to_india
from hundi.domain.enums import (
    ApplicationStatus,
    DisbursalStatus,
    InvoiceStatus,
    LoanStatus,
    OfferStatus,
)
from hundi.domain.pricing import PricingError, Quote, Terms, price
from hundi.models import Disbursal, FinancingApplication, Invoice, Loan, Offer
from hundi.services.actor import Actor
from hundi.services.audit import record_audit, snapshot
from hundi.services.checks import ErrorCollector
from hundi.services.conflicts import UniqueKey, violates
from hundi.services.errors import FieldErrors
from hundi.services.idempotency import IdempotentRequest, run_idempotent
from hundi.services.lending.expiry import APPLICATION_FIELDS
from hundi.services.lending.rows import not_found, visible_row
from hundi.services.scoping import disbursal_scope, offer_scope

logger = logging.getLogger(__name__)

DISBURSAL_UTR = UniqueKey("uq_disbursals_utr", "disbursals.utr")
LIVE_DISBURSAL = UniqueKey("uq_disbursals_offer_id_live", "disbursals.offer_id")
_UTR = re.compile(r"[A-Z0-9]{12,22}")
MAX_REASON_LENGTH = 2000
DISBURSAL_FIELDS = (
    "status",
    "offer_id",
    "utr",
    "value_date",
    "amount",
    "requested_by_user_id",
    "approved_by_user_id",
    "rejected_by_user_id",
    "rejection_reason",
    "decided_at",
)
ACTIVATION_FIELDS = (
    "status",
    "disbursal_id",
    "disbursal_date",
    "disbursed_at",
    "advance_amount",
    "discount_amount",
    "fee_amount",
    "net_amount",
    "annual_percentage_rate",
    "principal_outstanding",
)


@dataclass(frozen=True)
class DisbursalRequest:
    offer_id: uuid.UUID | None
    utr: str
    value_date: date
    idempotency_key: str


def loan_terms(loan: Loan, offer: Offer) -> Terms:
    """Return the pricing terms booked on a loan, with the offer's minimum fee."""
    return Terms(
        advance_rate=loan.advance_rate,
        annual_rate=loan.annual_rate,
        processing_fee_rate=loan.processing_fee_rate,
        processing_fee_min=offer.processing_fee_min,
        day_count=loan.day_count,
    )


async def request_disbursal(
    database: Database,
    actor: Actor,
    request: DisbursalRequest,
    now: datetime | None = None,
) -> Disbursal:
    """Record the maker's request to pay out an accepted offer."""
    now = now or datetime.now(UTC)
    _lender_user(actor)
    utr = _checked_utr(request.utr)

    async def work(session: AsyncSession) -> Disbursal:
        return await _request(session, actor, request, utr, now)

    fields = {
        "offer_id": request.offer_id,
        "utr": utr,
        "value_date": request.value_date,
    }
    try:
        disbursal = await run_idempotent(
            database,
            actor,
            IdempotentRequest("requestDisbursal", request.idempotency_key, fields),
            work,
            _replay,
            lambda row: row.id,
        )
    except IntegrityError as error:
        raise _conflict(error, utr) from None

    logger.info(
        "disbursal %s of %s requested for offer %s",
        disbursal.id,
        disbursal.amount,
        disbursal.offer_id,
    )
    return disbursal


async def approve_disbursal(
    database: Database,
    actor: Actor,
    disbursal_id: uuid.UUID | None,
    idempotency_key: str,
    now: datetime | None = None,
) -> Disbursal:
    """Approve a requested disbursal as its checker: the loans go live."""
    now = now or datetime.now(UTC)
    _lender_user(actor)

    async def work(session: AsyncSession) -> Disbursal:
        return await _approve(session, actor, disbursal_id, now)

    disbursal = await run_idempotent(
        database,
        actor,
        IdempotentRequest(
            "approveDisbursal", idempotency_key, {"disbursal_id": disbursal_id}
        ),
        work,
        _replay,
        lambda row: row.id,
    )
    logger.info(
        "disbursal %s approved: %s paid out on %s for offer %s",
        disbursal.id,
        disbursal.amount,
        disbursal.value_date.isoformat(),
        disbursal.offer_id,
    )
    return disbursal


async def reject_disbursal(
    database: Database,
    actor: Actor,
    disbursal_id: uuid.UUID | None,
    reason: str,
    now: datetime | None = None,
) -> Disbursal:
    """Reject a requested disbursal as its checker, with the reason."""
    now = now or datetime.now(UTC)
    user_id = _lender_user(actor)
    checks = ErrorCollector()
    clean_reason = checks.text(
        reason, ("reason",), "Reason", max_length=MAX_REASON_LENGTH
    )
    checks.raise_if_any()

    async with database.transaction() as session:
        disbursal = await _requested_disbursal(session, actor, disbursal_id, "reject")
        before = snapshot(disbursal, *DISBURSAL_FIELDS)
        await _decide(
            session,
            disbursal,
            status=DisbursalStatus.REJECTED,
            rejected_by_user_id=user_id,
            rejection_reason=clean_reason,
            decided_at=now,
        )
        await record_audit(
            session,
            actor,
            "disbursal.rejected",
            "Disbursal",
            disbursal.id,
            before=before,
            after=snapshot(disbursal, *DISBURSAL_FIELDS),
        )

    logger.info("disbursal %s rejected", disbursal.id)
    return disbursal


async def _replay(session: AsyncSession, disbursal_id: uuid.UUID) -> Disbursal:
    disbursal = await session.get(Disbursal, disbursal_id)
    assert disbursal is not None  # Disbursals are never deleted.
    return disbursal


def _lender_user(actor: Actor) -> uuid.UUID:
    if actor.lender_id is None or actor.user_id is None or actor.is_machine:
        raise PermissionError("only a lender's user requests or decides disbursals")
    return actor.user_id


def _checked_utr(value: str) -> str:
    utr = value.strip().upper()
    if not _UTR.fullmatch(utr):
        raise FieldErrors.single(
            ("utr",),
            "INVALID_UTR",
            f"UTR {value!r} is not a bank reference; give the 12 to 22 letters "
            "and digits of the NEFT, RTGS or IMPS transfer.",
        )
    return utr


async def _request(
    session: AsyncSession,
    actor: Actor,
    request: DisbursalRequest,
    utr: str,
    now: datetime,
) -> Disbursal:
    offer = await _accepted_offer(session, actor, request.offer_id)
    loans = await _pending_loans(session, offer)
    _check_value_date(offer, loans, request.value_date, now)
    await _check_utr_free(session, utr)

    quotes = _priced(loans, offer, request.value_date)
    disbursal = Disbursal(
        offer_id=offer.id,
        lender_id=offer.lender_id,
        status=DisbursalStatus.REQUESTED,
        utr=utr,
        value_date=request.value_date,
        amount=sum((quote.net_amount for quote in quotes), Decimal("0.00")),
        requested_by_user_id=actor.user_id,
        requested_at=now,
        created_at=now,
    )
    session.add(disbursal)
    await session.flush()

    await record_audit(
        session,
        actor,
        "disbursal.requested",
        "Disbursal",
        disbursal.id,
        after=snapshot(disbursal, *DISBURSAL_FIELDS),
    )
    return disbursal


async def _accepted_offer(
    session: AsyncSession, actor: Actor, offer_id: uuid.UUID | None
) -> Offer:
    offer = await visible_row(session, Offer, offer_id, offer_scope(actor), lock=True)
    if offer is None:
        raise not_found(("offerId",), "offer")
    if offer.status is not OfferStatus.ACCEPTED:
        raise FieldErrors.single(
            ("offerId",),
            "OFFER_NOT_ACCEPTED",
            f"The offer is {offer.status.value}; only an ACCEPTED offer is paid out.",
        )

    live = await session.scalar(
        select(Disbursal.id).where(
            Disbursal.offer_id == offer.id,
            Disbursal.status.in_((DisbursalStatus.REQUESTED, DisbursalStatus.APPROVED)),
        )
    )
    if live is not None:
        raise _disbursal_exists()
    return offer


async def _pending_loans(session: AsyncSession, offer: Offer) -> list[Loan]:
    loans = list(
        await session.scalars(
            select(Loan)
            .where(
                Loan.offer_id == offer.id,
                Loan.status == LoanStatus.PENDING_DISBURSAL,
            )
            .order_by(Loan.created_at, Loan.id)
            .with_for_update()
        )
    )
    if not loans:
        raise _disbursal_exists()
    return loans


def _check_value_date(
    offer: Offer, loans: list[Loan], value_date: date, now: datetime
) -> None:
    today = india_today(now)
    assert offer.decided_at is not None  # An accepted offer has its decision time.
    accepted_on = to_india(offer.decided_at).date()
    earliest_due = min(loan.due_date for loan in loans)

    problem = None
    if value_date > today:
        problem = f"is after today in India ({today.isoformat()})"
    elif value_date < accepted_on:
        problem = f"is before the offer was accepted on {accepted_on.isoformat()}"
    elif value_date >= earliest_due:
        problem = (
            f"is not before the earliest due date {earliest_due.isoformat()}, "
            "so there is nothing left to discount"
        )

    if problem is not None:
        raise FieldErrors.single(
            ("valueDate",),
            "VALUE_DATE_OUT_OF_RANGE",
            f"Value date {value_date.isoformat()} {problem}. Give the date the "
            "money reached the SME.",
        )


async def _check_utr_free(session: AsyncSession, utr: str) -> None:
    if await session.scalar(select(Disbursal.id).where(Disbursal.utr == utr)):
        raise _utr_taken(utr)


def _priced(loans: list[Loan], offer: Offer, value_date: date) -> list[Quote]:
    try:
        return [
            price(
                loan.invoice_amount, loan_terms(loan, offer), value_date, loan.due_date
            )
            for loan in loans
        ]
    except PricingError as error:
        raise FieldErrors.single(("valueDate",), "PRICING_FAILED", str(error)) from None


async def _requested_disbursal(
    session: AsyncSession, actor: Actor, disbursal_id: uuid.UUID | None, verb: str
) -> Disbursal:
    disbursal = await visible_row(
        session, Disbursal, disbursal_id, disbursal_scope(actor)
    )
    if disbursal is None:
        raise not_found(("disbursalId",), "disbursal")

    if disbursal.requested_by_user_id == actor.user_id:
        raise FieldErrors.single(
            ("disbursalId",),
            f"MAKER_CANNOT_{verb.upper()}",
            f"You requested this disbursal, so another user of your lender must "
            f"{verb} it.",
        )
    if disbursal.status is not DisbursalStatus.REQUESTED:
        raise _not_requested(disbursal.status)
    return disbursal


async def _decide(
    session: AsyncSession, disbursal: Disbursal, **values: object
) -> None:
    """Change a REQUESTED disbursal; fail when another checker got there first."""
    result = await session.execute(
        update(Disbursal)
        .where(
            Disbursal.id == disbursal.id,
            Disbursal.status == DisbursalStatus.REQUESTED,
        )
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise _not_requested(None)

    await session.refresh(disbursal)


async def _approve(
    session: AsyncSession, actor: Actor, disbursal_id: uuid.UUID | None, now: datetime
) -> Disbursal:
    disbursal = await _requested_disbursal(session, actor, disbursal_id, "approve")
    offer = await session.get(Offer, disbursal.offer_id)
    assert offer is not None  # Disbursals reference their offer.

    before = snapshot(disbursal, *DISBURSAL_FIELDS)
    await _decide(
        session,
        disbursal,
        status=DisbursalStatus.APPROVED,
        approved_by_user_id=actor.user_id,
        decided_at=now,
    )

    loans = await _pending_loans(session, offer)
    quotes = _priced(loans, offer, disbursal.value_date)
    for loan, quote in zip(loans, quotes, strict=True):
        await _activate(session, actor, loan, quote, disbursal, now)

    disbursal.amount = sum((quote.net_amount for quote in quotes), Decimal("0.00"))
    await record_audit(
        session,
        actor,
        "disbursal.approved",
        "Disbursal",
        disbursal.id,
        before=before,
        after=snapshot(disbursal, *DISBURSAL_FIELDS),
    )
    await _mark_disbursed(session, actor, offer.application_id, now)
    return disbursal


async def _activate(
    session: AsyncSession,
    actor: Actor,
    loan: Loan,
    quote: Quote,
    disbursal: Disbursal,
    now: datetime,
) -> None:
    before = snapshot(loan, *ACTIVATION_FIELDS)
    loan.status = LoanStatus.ACTIVE
    loan.disbursal_id = disbursal.id
    loan.disbursal_date = disbursal.value_date
    loan.disbursed_at = now
    loan.advance_amount = quote.advance_amount
    loan.discount_amount = quote.discount_amount
    loan.fee_amount = quote.fee_amount
    loan.net_amount = quote.net_amount
    loan.annual_percentage_rate = quote.annual_percentage_rate
    loan.principal_outstanding = quote.advance_amount
    await record_audit(
        session,
        actor,
        "loan.disbursed",
        "Loan",
        loan.id,
        before=before,
        after=snapshot(loan, *ACTIVATION_FIELDS),
    )

    invoice = await session.get(Invoice, loan.invoice_id, with_for_update=True)
    assert invoice is not None  # Loans reference their invoice.
    invoice.status = InvoiceStatus.FINANCED
    await record_audit(
        session,
        actor,
        "invoice.financed",
        "Invoice",
        invoice.id,
        before={"status": InvoiceStatus.VERIFIED.value},
        after={"status": invoice.status.value},
    )


async def _mark_disbursed(
    session: AsyncSession, actor: Actor, application_id: uuid.UUID, now: datetime
) -> None:
    application = await session.get(
        FinancingApplication, application_id, with_for_update=True
    )
    assert application is not None  # Offers reference their application.

    before = snapshot(application, *APPLICATION_FIELDS)
    application.status = ApplicationStatus.DISBURSED
    await record_audit(
        session,
        actor,
        "application.disbursed",
        "FinancingApplication",
        application.id,
        before=before,
        after=snapshot(application, *APPLICATION_FIELDS),
    )


def _conflict(error: IntegrityError, utr: str) -> Exception:
    if violates(error, DISBURSAL_UTR):
        return _utr_taken(utr)
    if violates(error, LIVE_DISBURSAL):
        return _disbursal_exists()
    return error


def _utr_taken(utr: str) -> FieldErrors:
    return FieldErrors.single(
        ("utr",),
        "UTR_TAKEN",
        f"UTR {utr} is recorded on another disbursal already; check the bank "
        "reference.",
    )


def _disbursal_exists() -> FieldErrors:
    return FieldErrors.single(
        ("offerId",),
        "DISBURSAL_EXISTS",
        "The offer has a requested or approved disbursal already; approve or "
        "reject that one.",
    )


def _not_requested(status: DisbursalStatus | None) -> FieldErrors:
    state = status.value if status is not None else "decided by another checker"
    return FieldErrors.single(
        ("disbursalId",),
        "DISBURSAL_NOT_REQUESTED",
        f"The disbursal is {state}; only a REQUESTED disbursal can be approved "
        "or rejected.",
    )
