"""A lender's exposure, read with SQL sums, and the limit checks built on it.

Exposure = principal outstanding of ACTIVE loans + advance of
PENDING_DISBURSAL loans (accepted, not yet paid out), so accepting an offer
reserves headroom at once and repayments release it as they come in. The
rule itself is in `hundi.domain.limits`.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping
from decimal import Decimal

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.domain.enums import LoanStatus
from hundi.domain.limits import Breach, Exposure, LimitKind, Limits
from hundi.models import Buyer, LenderProduct, Loan
from hundi.models.types import Money
from hundi.services.errors import FieldError

EXPOSED_STATUSES = (LoanStatus.ACTIVE, LoanStatus.PENDING_DISBURSAL)


def exposure_of_loan() -> ColumnElement[Decimal]:
    """Return what one loan adds to its lender's exposure."""
    return case(
        (Loan.status == LoanStatus.ACTIVE, Loan.principal_outstanding),
        else_=Loan.advance_amount,
    )


def money_sum(expression: ColumnElement[Decimal]) -> ColumnElement[Decimal]:
    """SUM of an amount column, 0 over no rows."""
    return func.coalesce(func.sum(expression), 0, type_=Money())


async def read_exposure(
    session: AsyncSession,
    lender_id: uuid.UUID,
    sme_id: uuid.UUID,
    buyer_ids: Collection[uuid.UUID],
) -> Exposure[uuid.UUID]:
    """Read the lender's exposure: in total, on each of `buyer_ids`, on the SME."""
    exposed = [Loan.lender_id == lender_id, Loan.status.in_(EXPOSED_STATUSES)]
    amount = money_sum(exposure_of_loan())

    total = await session.scalar(select(amount).where(*exposed))
    on_sme = await session.scalar(select(amount).where(*exposed, Loan.sme_id == sme_id))
    rows = await session.execute(
        select(Loan.buyer_id, amount)
        .where(*exposed, Loan.buyer_id.in_(set(buyer_ids)))
        .group_by(Loan.buyer_id)
    )

    return Exposure(
        total=total or Decimal("0.00"),
        buyers={buyer_id: value for buyer_id, value in rows.all()},
        sme=on_sme or Decimal("0.00"),
    )


def limits_of(product: LenderProduct) -> Limits:
    return Limits(
        per_buyer=product.limit_per_buyer,
        per_sme=product.limit_per_sme,
        concentration_cap=product.concentration_cap,
        concentration_floor=product.concentration_floor,
    )


async def buyer_names(
    session: AsyncSession, buyer_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, str]:
    rows = await session.execute(
        select(Buyer.id, Buyer.legal_name).where(Buyer.id.in_(set(buyer_ids)))
    )
    return {buyer_id: name for buyer_id, name in rows.all()}


def describe_breach(breach: Breach[uuid.UUID], names: Mapping[uuid.UUID, str]) -> str:
    """Say which limit a breach breaks, with the figures, in one sentence."""
    buyer = names.get(breach.buyer, str(breach.buyer)) if breach.buyer else ""
    if breach.kind is LimitKind.BUYER:
        return (
            f"Exposure on buyer {buyer} would be {breach.exposure_after}, above "
            f"the limit per buyer of {breach.limit}."
        )
    if breach.kind is LimitKind.SME:
        return (
            f"Exposure on this SME would be {breach.exposure_after}, above the "
            f"limit per SME of {breach.limit}."
        )
    return (
        f"Buyer {buyer} would be {breach.share_after} of the lender's exposure, "
        f"above the concentration cap of {breach.limit}."
    )


def limit_errors(
    breaches: list[Breach[uuid.UUID]], names: Mapping[uuid.UUID, str], hint: str
) -> list[FieldError]:
    """Field errors for the breaches, each naming the limit and its figures."""
    return [
        FieldError(None, "LIMIT_EXCEEDED", f"{describe_breach(breach, names)} {hint}")
        for breach in breaches
    ]
