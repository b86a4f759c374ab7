"""`FinancingApplication.lenderExposure`: what a lender has at stake, and its room.

Shown to LENDER users only, for their own lender. Exposure is outstanding
(principal of ACTIVE loans) plus reserved (advance of accepted loans not
yet paid out). Headroom is measured against the limits of the product the
application matched (`hundi.domain.limits`).
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi import models
from hundi.api.invoices.types import BuyerType
from hundi.api.lending.types import LenderProductType
from hundi.api.scalars import MoneyValue, RateValue
from hundi.domain.enums import Role
from hundi.domain.limits import (
    Limits,
    concentration_applies,
    concentration_headroom,
    share,
)
from hundi.services.lending.exposure import limits_of

if TYPE_CHECKING:
    from hundi.api.context import Context

_ZERO = Decimal("0.00")


@strawberry.type(description="A lender's exposure on one SME or buyer.")
class ExposureFigures:
    outstanding: MoneyValue = strawberry.field(
        description="Principal outstanding of active loans."
    )
    reserved: MoneyValue = strawberry.field(
        description="Advance of accepted loans not yet paid out."
    )
    exposure: MoneyValue = strawberry.field(description="Outstanding plus reserved.")
    limit: MoneyValue = strawberry.field(
        description="The matched product's limit on it."
    )
    headroom_under_limit: MoneyValue = strawberry.field(
        description="How much more the limit allows; 0 when it is used up."
    )


@strawberry.type(description="A lender's exposure on one buyer of the application.")
class BuyerExposure:
    figures: ExposureFigures = strawberry.field(
        description="Exposure and the limit per buyer."
    )
    share: RateValue = strawberry.field(
        description="Share of the lender's whole exposure on this buyer now."
    )
    concentration_cap: RateValue = strawberry.field(
        description="The matched product's concentration cap."
    )
    concentration_applies: bool = strawberry.field(
        description="Whether the cap binds now: the lender's exposure exceeds "
        "the product's concentration floor."
    )
    concentration_headroom: MoneyValue | None = strawberry.field(
        description="How much more the cap allows on this buyer; null when the "
        "cap is 100% and never binds."
    )
    headroom: MoneyValue = strawberry.field(
        description="The most that may still be financed on this buyer for this "
        "SME: the least of the buyer limit, cap and SME limit headrooms."
    )
    buyer_id: strawberry.Private[uuid.UUID]

    @strawberry.field(description="The buyer.")
    async def buyer(self, info: Info) -> BuyerType | None:
        context: Context = info.context
        return await context.loaders.buyer_by_id.load(self.buyer_id)  # type: ignore[return-value]


@strawberry.type(
    description="Your lender's exposure where an application would add to it."
)
class LenderExposure:
    product: LenderProductType | None = strawberry.field(
        description="The matched product, whose limits apply."
    )
    total_exposure: MoneyValue = strawberry.field(
        description="The lender's exposure over its whole book."
    )
    sme: ExposureFigures = strawberry.field(
        description="Exposure on the applying SME and the limit per SME."
    )
    buyers: list[BuyerExposure] = strawberry.field(
        description="Exposure on each buyer of the application's invoices."
    )


async def lender_exposure_of(
    info: Info, application: models.FinancingApplication
) -> LenderExposure | None:
    """Build the exposure view of a LENDER viewer; None for other viewers."""
    context: Context = info.context
    actor = context.actor
    if actor is None or actor.role is not Role.LENDER or actor.lender_id is None:
        return None

    product = await _matched_product(context, application, actor.lender_id)
    if product is None:
        return None
    limits = limits_of(product)

    invoices = await context.loaders.invoices_by_application_id.load(application.id)
    buyer_ids = list(dict.fromkeys(invoice.buyer_id for invoice in invoices))
    total = sum(
        await context.loaders.exposure_by_lender_id.load(actor.lender_id), _ZERO
    )
    sme = _figures(
        await context.loaders.exposure_by_sme_id.load(application.sme_id),
        limits.per_sme,
    )
    on_buyers = await context.loaders.exposure_by_buyer_id.load_many(buyer_ids)

    return LenderExposure(
        product=product,  # type: ignore[arg-type]
        total_exposure=total,  # type: ignore[arg-type]
        sme=sme,
        buyers=[
            _buyer_exposure(buyer_id, exposure, limits, total, sme)
            for buyer_id, exposure in zip(buyer_ids, on_buyers, strict=True)
        ],
    )


async def _matched_product(
    context: Context, application: models.FinancingApplication, lender_id: uuid.UUID
) -> models.LenderProduct | None:
    matches = await context.loaders.matches_by_application_id.load(application.id)
    product_id = next(
        (m.product_id for m in matches if m.lender_id == lender_id and m.matched),
        None,
    )
    if product_id is None:
        return None
    product: (
        models.LenderProduct | None
    ) = await context.loaders.lender_product_by_id.load(product_id)
    return product


def _figures(parts: tuple[Decimal, Decimal], limit: Decimal) -> ExposureFigures:
    outstanding, reserved = parts
    exposure = outstanding + reserved
    return ExposureFigures(
        outstanding=outstanding,  # type: ignore[arg-type]
        reserved=reserved,  # type: ignore[arg-type]
        exposure=exposure,  # type: ignore[arg-type]
        limit=limit,  # type: ignore[arg-type]
        headroom_under_limit=max(limit - exposure, _ZERO),  # type: ignore[arg-type]
    )


def _buyer_exposure(
    buyer_id: uuid.UUID,
    parts: tuple[Decimal, Decimal],
    limits: Limits,
    total: Decimal,
    sme: ExposureFigures,
) -> BuyerExposure:
    figures = _figures(parts, limits.per_buyer)
    under_cap = concentration_headroom(limits, total, figures.exposure)
    candidates = [figures.headroom_under_limit, sme.headroom_under_limit]
    if under_cap is not None:
        candidates.append(under_cap)  # type: ignore[arg-type]

    return BuyerExposure(
        buyer_id=buyer_id,
        figures=figures,
        share=share(figures.exposure, total),  # type: ignore[arg-type]
        concentration_cap=limits.concentration_cap,  # type: ignore[arg-type]
        concentration_applies=concentration_applies(limits, total),
        concentration_headroom=under_cap,  # type: ignore[arg-type]
        headroom=min(candidates),
    )
