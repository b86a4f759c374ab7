"""Writing off an NPA loan, and recording what is recovered after.

A lender admin writes off an ACTIVE loan classified NPA: the loan becomes
WRITTEN_OFF with `written_off_amount` = principal + penal outstanding at
that moment. The outstanding figures stay on the loan as they were, for
the record; a written-off loan adds nothing to exposure or to the
portfolio's outstanding. Recoveries on it are capped so that their total
never exceeds the amount written off.
"""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.enums import AssetClass, LoanStatus
from hundi.models import Loan, Recovery
from hundi.services.actor import Actor
from hundi.services.audit import record_audit, snapshot
from hundi.services.checks import ErrorCollector
from hundi.services.conflicts import UniqueKey, violates
from hundi.services.errors import FieldErrors
from hundi.services.idempotency import IdempotentRequest, run_idempotent
from hundi.services.lending.repayments import (
    ReceivedMoney,
    active_loan,
    check_received,
)
from hundi.services.lending.rows import not_found, visible_row
from hundi.services.scoping import loan_scope

logger = logging.getLogger(__name__)

RECOVERY_REFERENCE = UniqueKey(
    "uq_recoveries_bank_reference", "recoveries.bank_reference"
)
MAX_REASON_LENGTH = 2000
WRITE_OFF_FIELDS = (
    "status",
    "asset_class",
    "principal_outstanding",
    "penal_outstanding",
    "written_off_at",
    "written_off_on",
    "written_off_amount",
    "write_off_reason",
    "recovered_amount",
)


async def write_off_loan(
    database: Database,
    actor: Actor,
    loan_id: uuid.UUID | None,
    reason: str,
    idempotency_key: str,
    now: datetime | None = None,
) -> Loan:
    """Write off an NPA loan of the actor's lender."""
    now = now or datetime.now(UTC)
    if actor.lender_id is None or not actor.is_lender_admin or actor.is_machine:
        raise PermissionError("only a lender admin writes off loans")
    checks = ErrorCollector()
    clean_reason = checks.text(
        reason, ("reason",), "Reason", max_length=MAX_REASON_LENGTH
    )
    checks.raise_if_any()

    async def work(session: AsyncSession) -> Loan:
        return await _write_off(session, actor, loan_id, clean_reason, now)

    async def replay(session: AsyncSession, result_id: uuid.UUID) -> Loan:
        loan = await session.get(Loan, result_id)
        assert loan is not None  # Loans are never deleted.
        return loan

    request = IdempotentRequest(
        "writeOffLoan", idempotency_key, {"loan_id": loan_id, "reason": clean_reason}
    )
    loan = await run_idempotent(
        database, actor, request, work, replay, lambda row: row.id
    )
    logger.info("loan %s written off: %s", loan.id, loan.written_off_amount)
    return loan


async def record_recovery(
    database: Database,
    actor: Actor,
    money: ReceivedMoney,
    now: datetime | None = None,
) -> Recovery:
    """Record money recovered on a written-off loan of the actor's lender."""
    now = now or datetime.now(UTC)
    if actor.lender_id is None or actor.user_id is None or actor.is_machine:
        raise PermissionError("only a lender's user records recoveries")
    amount, reference = check_received(money, None, now)

    async def work(session: AsyncSession) -> Recovery:
        return await _recover(session, actor, money, reference, now)

    async def replay(session: AsyncSession, result_id: uuid.UUID) -> Recovery:
        recovery = await session.get(Recovery, result_id)
        assert recovery is not None  # Recoveries are never deleted.
        return recovery

    request = IdempotentRequest(
        "recordRecovery",
        money.idempotency_key,
        {
            "loan_id": money.loan_id,
            "amount": amount,
            "received_on": money.received_on,
            "bank_reference": reference,
        },
    )
    try:
        recovery = await run_idempotent(
            database, actor, request, work, replay, lambda row: row.id
        )
    except IntegrityError as error:
        if violates(error, RECOVERY_REFERENCE):
            raise _reference_taken(reference) from None
        raise

    logger.info("recovery %s of %s recorded", recovery.id, recovery.amount)
    return recovery


async def _write_off(
    session: AsyncSession,
    actor: Actor,
    loan_id: uuid.UUID | None,
    reason: str,
    now: datetime,
) -> Loan:
    loan = await active_loan(session, actor, loan_id)
    if loan.asset_class is not AssetClass.NPA:
        raise FieldErrors.single(
            ("loanId",),
            "LOAN_NOT_NPA",
            f"The loan is {loan.asset_class.value}; only an NPA loan can be "
            "written off.",
        )

    before = snapshot(loan, *WRITE_OFF_FIELDS)
    loan.status = LoanStatus.WRITTEN_OFF
    loan.written_off_at = now
    loan.written_off_on = india_today(now)
    loan.written_off_amount = loan.principal_outstanding + loan.penal_outstanding
    loan.write_off_reason = reason
    await record_audit(
        session,
        actor,
        "loan.written_off",
        "Loan",
        loan.id,
        before=before,
        after=snapshot(loan, *WRITE_OFF_FIELDS),
    )
    return loan


async def _recover(
    session: AsyncSession,
    actor: Actor,
    money: ReceivedMoney,
    reference: str,
    now: datetime,
) -> Recovery:
    loan = await visible_row(session, Loan, money.loan_id, loan_scope(actor), lock=True)
    if loan is None:
        raise not_found(("loanId",), "loan")
    if loan.status is not LoanStatus.WRITTEN_OFF or loan.written_off_amount is None:
        raise FieldErrors.single(
            ("loanId",),
            "LOAN_NOT_WRITTEN_OFF",
            f"The loan is {loan.status.value}; recoveries are recorded on "
            "WRITTEN_OFF loans only. Record a repayment instead.",
        )

    amount, _ = check_received(
        money, loan.written_off_on, now, "the loan was written off"
    )
    room = loan.written_off_amount - loan.recovered_amount
    if amount > room:
        raise FieldErrors.single(
            ("amount",),
            "RECOVERY_EXCEEDS_WRITE_OFF",
            f"Amount {amount} is more than the {room} still unrecovered of the "
            f"{loan.written_off_amount} written off.",
        )
    if await session.scalar(
        select(Recovery.id).where(Recovery.bank_reference == reference)
    ):
        raise _reference_taken(reference)

    recovery = Recovery(
        loan_id=loan.id,
        amount=amount,
        received_on=money.received_on,
        bank_reference=reference,
        recorded_by_user_id=actor.user_id,
        created_at=now,
    )
    session.add(recovery)
    before = snapshot(loan, "recovered_amount")
    loan.recovered_amount += amount
    await session.flush()

    await record_audit(
        session,
        actor,
        "recovery.recorded",
        "Recovery",
        recovery.id,
        after=snapshot(recovery, "loan_id", "amount", "received_on", "bank_reference"),
    )
    await record_audit(
        session,
        actor,
        "loan.recovered",
        "Loan",
        loan.id,
        before=before,
        after=snapshot(loan, "recovered_amount"),
    )
    return recovery


def _reference_taken(reference: str) -> FieldErrors:
    return FieldErrors.single(
        ("bankReference",),
        "BANK_REFERENCE_TAKEN",
        f"Bank reference {reference} is recorded on another recovery already; "
        "check the reference.",
    )
