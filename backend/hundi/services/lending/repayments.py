"""Repayments: a lender user records money received on a loan, or reverses it.

A repayment is split by `hundi.domain.allocation.allocate`: penal interest
first, then principal, then the excess, which the lender owes back to the
SME (`refund_due`). A loan with nothing outstanding is REPAID, STANDARD and
0 days past due the same day, and its invoice SETTLED; its limits are
released because exposure is computed from what is outstanding.

A reversal (a bounced cheque, a wrong entry) puts each allocated part back.
A REPAID loan reopens as ACTIVE with the class of its last day-end.
Repayments and reversals of one loan run one at a time: each locks the
loan's row first.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.db import Database
from hundi.domain.allocation import allocate
from hundi.domain.calendar import india_today
from hundi.domain.enums import (
    AssetClass,
    InvoiceStatus,
    LoanStatus,
    RepaymentStatus,
)
from hundi.domain.overdue import next_asset_class
from hundi.models import Invoice, Loan, LoanClassification, Repayment
from hundi.services.actor import Actor
from hundi.services.audit import record_audit, snapshot
from hundi.services.checks import ErrorCollector
from hundi.services.conflicts import UniqueKey, violates
from hundi.services.errors import FieldErrors
from hundi.services.idempotency import IdempotentRequest, run_idempotent
from hundi.services.lending.rows import not_found, visible_row
from hundi.services.scoping import loan_scope, repayment_scope

logger = logging.getLogger(__name__)

REPAYMENT_REFERENCE = UniqueKey(
    "uq_repayments_bank_reference", "repayments.bank_reference"
)
MAX_REFERENCE_LENGTH = 40
MAX_REASON_LENGTH = 2000
LOAN_BALANCE_FIELDS = (
    "status",
    "asset_class",
    "days_past_due",
    "npa_since",
    "principal_outstanding",
    "penal_outstanding",
    "refund_due",
    "repaid_at",
)
REPAYMENT_FIELDS = (
    "loan_id",
    "status",
    "amount",
    "received_on",
    "bank_reference",
    "allocated_penal",
    "allocated_principal",
    "excess_amount",
    "reversed_at",
    "reversal_reason",
)


@dataclass(frozen=True)
class ReceivedMoney:
    """Money a lender received on a loan, from the buyer or the SME."""

    loan_id: uuid.UUID | None
    amount: Decimal
    received_on: date
    bank_reference: str
    idempotency_key: str


def check_received(
    money: ReceivedMoney,
    first_day: date | None,
    now: datetime,
    first_day_event: str = "the loan was paid out",
) -> tuple[Decimal, str]:
    """Check the amount, date and bank reference; return amount and reference.

    Shared by repayments and recoveries. `first_day` is the earliest allowed
    date of receipt (None when there is none), the day `first_day_event`.
    """
    checks = ErrorCollector()
    amount = checks.amount(money.amount, ("amount",), "Amount")
    # TODO: a bank reference has only a length limit. A shape check (a UTR of
    # 12 to 22 characters, or a cheque number) would catch typing mistakes.
    reference = checks.text(
        money.bank_reference,
        ("bankReference",),
        "Bank reference",
        max_length=MAX_REFERENCE_LENGTH,
    ).upper()

    today = india_today(now)
    if money.received_on > today:
        checks.add(
            ("receivedOn",),
            "RECEIVED_ON_OUT_OF_RANGE",
            f"Received on {money.received_on.isoformat()} is after today in India "
            f"({today.isoformat()}); give the date the money arrived.",
        )
    elif first_day is not None and money.received_on < first_day:
        checks.add(
            ("receivedOn",),
            "RECEIVED_ON_OUT_OF_RANGE",
            f"Received on {money.received_on.isoformat()} is before "
            f"{first_day.isoformat()}, when {first_day_event}; give the date "
            "the money arrived.",
        )
    checks.raise_if_any()

    assert amount is not None  # Checked above.
    return amount, reference


async def record_repayment(
    database: Database,
    actor: Actor,
    money: ReceivedMoney,
    now: datetime | None = None,
) -> Repayment:
    """Record money received on an ACTIVE loan and allocate it."""
    now = now or datetime.now(UTC)
    _lender_user(actor)
    amount, reference = check_received(money, None, now)

    async def work(session: AsyncSession) -> Repayment:
        return await _record(session, actor, money, amount, reference, now)

    request = IdempotentRequest(
        "recordRepayment",
        money.idempotency_key,
        {
            "loan_id": money.loan_id,
            "amount": amount,
            "received_on": money.received_on,
            "bank_reference": reference,
        },
    )
    try:
        repayment = await run_idempotent(
            database, actor, request, work, _replay, lambda row: row.id
        )
    except IntegrityError as error:
        if violates(error, REPAYMENT_REFERENCE):
            raise _reference_taken(reference) from None
        raise

    logger.info("repayment %s of %s recorded", repayment.id, repayment.amount)
    return repayment


async def reverse_repayment(
    database: Database,
    actor: Actor,
    repayment_id: uuid.UUID | None,
    reason: str,
    idempotency_key: str,
    now: datetime | None = None,
) -> Repayment:
    """Reverse a posted repayment, putting its allocation back on the loan."""
    now = now or datetime.now(UTC)
    _lender_user(actor)
    checks = ErrorCollector()
    clean_reason = checks.text(
        reason, ("reason",), "Reason", max_length=MAX_REASON_LENGTH
    )
    checks.raise_if_any()

    async def work(session: AsyncSession) -> Repayment:
        return await _reverse(session, actor, repayment_id, clean_reason, now)

    request = IdempotentRequest(
        "reverseRepayment",
        idempotency_key,
        {"repayment_id": repayment_id, "reason": clean_reason},
    )
    repayment = await run_idempotent(
        database, actor, request, work, _replay, lambda row: row.id
    )
    logger.info("repayment %s reversed", repayment.id)
    return repayment


async def _replay(session: AsyncSession, repayment_id: uuid.UUID) -> Repayment:
    repayment = await session.get(Repayment, repayment_id)
    assert repayment is not None  # Repayments are never deleted.
    return repayment


def _lender_user(actor: Actor) -> None:
    if actor.lender_id is None or actor.user_id is None or actor.is_machine:
        raise PermissionError("only a lender's user records repayments")


async def active_loan(
    session: AsyncSession, actor: Actor, loan_id: uuid.UUID | None
) -> Loan:
    """Return the actor's loan, locked; raise NOT_FOUND or LOAN_NOT_ACTIVE."""
    loan = await visible_row(session, Loan, loan_id, loan_scope(actor), lock=True)
    if loan is None:
        raise not_found(("loanId",), "loan")
    if loan.status is not LoanStatus.ACTIVE:
        raise FieldErrors.single(
            ("loanId",),
            "LOAN_NOT_ACTIVE",
            f"The loan is {loan.status.value}; repayments are recorded on ACTIVE "
            "loans only.",
        )
    return loan


async def _record(
    session: AsyncSession,
    actor: Actor,
    money: ReceivedMoney,
    amount: Decimal,
    reference: str,
    now: datetime,
) -> Repayment:
    loan = await active_loan(session, actor, money.loan_id)
    assert loan.disbursal_date is not None  # ACTIVE loans were paid out.
    check_received(money, loan.disbursal_date, now)
    if await session.scalar(
        select(Repayment.id).where(Repayment.bank_reference == reference)
    ):
        raise _reference_taken(reference)

    split = allocate(amount, loan.penal_outstanding, loan.principal_outstanding)
    repayment = Repayment(
        loan_id=loan.id,
        status=RepaymentStatus.POSTED,
        amount=amount,
        received_on=money.received_on,
        bank_reference=reference,
        allocated_penal=split.penal,
        allocated_principal=split.principal,
        excess_amount=split.excess,
        recorded_by_user_id=actor.user_id,
        created_at=now,
    )
    session.add(repayment)
    await session.flush()
    await record_audit(
        session,
        actor,
        "repayment.recorded",
        "Repayment",
        repayment.id,
        after=snapshot(repayment, *REPAYMENT_FIELDS),
    )

    before = snapshot(loan, *LOAN_BALANCE_FIELDS)
    loan.penal_outstanding -= split.penal
    loan.principal_outstanding -= split.principal
    loan.refund_due += split.excess
    if loan.penal_outstanding == 0 and loan.principal_outstanding == 0:
        await _close_repaid(session, actor, loan, now)
    await _audit_balance(session, actor, loan, before)
    return repayment


async def _close_repaid(
    session: AsyncSession, actor: Actor, loan: Loan, now: datetime
) -> None:
    loan.status = LoanStatus.REPAID
    loan.repaid_at = now
    # Nothing is in arrears, so even an NPA is standard again the same day.
    loan.asset_class = next_asset_class(loan.asset_class, 0, False)
    loan.days_past_due = 0
    loan.npa_since = None
    await _set_invoice_status(session, actor, loan, InvoiceStatus.SETTLED)


async def _reverse(
    session: AsyncSession,
    actor: Actor,
    repayment_id: uuid.UUID | None,
    reason: str,
    now: datetime,
) -> Repayment:
    loan_id = await session.scalar(
        select(Repayment.loan_id).where(
            Repayment.id == repayment_id, repayment_scope(actor)
        )
    )
    if loan_id is None:
        raise not_found(("repaymentId",), "repayment")

    loan = await visible_row(session, Loan, loan_id, loan_scope(actor), lock=True)
    repayment = await session.get(Repayment, repayment_id, with_for_update=True)
    # Both were seen a moment ago, and neither is ever deleted.
    assert loan is not None
    assert repayment is not None
    _check_reversible(loan, repayment)

    before = snapshot(repayment, *REPAYMENT_FIELDS)
    repayment.status = RepaymentStatus.REVERSED
    repayment.reversed_at = now
    repayment.reversal_reason = reason
    await record_audit(
        session,
        actor,
        "repayment.reversed",
        "Repayment",
        repayment.id,
        before=before,
        after=snapshot(repayment, *REPAYMENT_FIELDS),
    )

    loan_before = snapshot(loan, *LOAN_BALANCE_FIELDS)
    loan.penal_outstanding += repayment.allocated_penal
    loan.principal_outstanding += repayment.allocated_principal
    loan.refund_due -= repayment.excess_amount
    if loan.status is LoanStatus.REPAID:
        await _reopen(session, actor, loan)
    await _audit_balance(session, actor, loan, loan_before)
    return repayment


def _check_reversible(loan: Loan, repayment: Repayment) -> None:
    if repayment.status is not RepaymentStatus.POSTED:
        raise FieldErrors.single(
            ("repaymentId",),
            "REPAYMENT_NOT_POSTED",
            "The repayment is reversed already.",
        )
    if loan.status not in (LoanStatus.ACTIVE, LoanStatus.REPAID):
        raise FieldErrors.single(
            ("repaymentId",),
            "LOAN_NOT_ACTIVE",
            f"The loan is {loan.status.value}; repayments of a written-off loan "
            "cannot be reversed.",
        )


async def _reopen(session: AsyncSession, actor: Actor, loan: Loan) -> None:
    """Reopen a REPAID loan with the days past due and class of its last day-end."""
    last = await session.scalar(
        select(LoanClassification)
        .where(LoanClassification.loan_id == loan.id)
        .order_by(LoanClassification.business_date.desc())
        .limit(1)
    )
    loan.status = LoanStatus.ACTIVE
    loan.repaid_at = None
    loan.days_past_due = last.days_past_due if last else 0
    loan.asset_class = last.asset_class if last else AssetClass.STANDARD
    loan.npa_since = await _npa_since(session, loan) if last else None
    await _set_invoice_status(session, actor, loan, InvoiceStatus.FINANCED)


async def _npa_since(session: AsyncSession, loan: Loan) -> date | None:
    if loan.asset_class is not AssetClass.NPA:
        return None
    # An NPA stays one until it is paid in full, which closes the loan, so
    # its first NPA day-end is when it became one.
    first: date | None = await session.scalar(
        select(func.min(LoanClassification.business_date)).where(
            LoanClassification.loan_id == loan.id,
            LoanClassification.asset_class == AssetClass.NPA,
        )
    )
    return first


async def _set_invoice_status(
    session: AsyncSession, actor: Actor, loan: Loan, status: InvoiceStatus
) -> None:
    invoice = await session.get(Invoice, loan.invoice_id, with_for_update=True)
    assert invoice is not None  # Loans reference their invoice.
    before = {"status": invoice.status.value}
    invoice.status = status
    await record_audit(
        session,
        actor,
        f"invoice.{status.value.lower()}",
        "Invoice",
        invoice.id,
        before=before,
        after={"status": status.value},
    )


async def _audit_balance(
    session: AsyncSession, actor: Actor, loan: Loan, before: dict[str, object]
) -> None:
    await record_audit(
        session,
        actor,
        "loan.balance_changed",
        "Loan",
        loan.id,
        before=before,
        after=snapshot(loan, *LOAN_BALANCE_FIELDS),
    )


def _reference_taken(reference: str) -> FieldErrors:
    return FieldErrors.single(
        ("bankReference",),
        "BANK_REFERENCE_TAKEN",
        f"Bank reference {reference} is recorded on another repayment already; "
        "check the reference.",
    )
