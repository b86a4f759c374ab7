"""A lender's limits on one buyer, one SME, and its concentration on one buyer.

Exposure is what a lender has at stake: the principal outstanding of its
ACTIVE loans plus the advance of loans accepted but not yet disbursed
(PENDING_DISBURSAL). The limits come from the product an offer is priced
from and are measured against the lender's whole exposure, over every
product:

- per buyer: exposure on one buyer after the new loans is at most
  `per_buyer`;
- per SME: exposure on one SME after the new loans is at most `per_sme`;
- concentration: exposure on one buyer is at most `concentration_cap` (a
  fraction) of the lender's total exposure after the new loans, but only
  once that total exceeds `concentration_floor`. A share of an empty book is
  100%, so without the floor no lender could make its first loan.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Generic, TypeVar

from hundi.domain.money import round_fraction_half_up

_SHARE_PLACES = 6

# The key of a buyer: its id in the services, anything hashable in tests.
BuyerKey = TypeVar("BuyerKey", bound=Hashable)
_ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Limits:
    """The limits of a product; the cap is a fraction (0.25 is 25%)."""

    per_buyer: Decimal
    per_sme: Decimal
    concentration_cap: Decimal
    concentration_floor: Decimal


@dataclass(frozen=True)
class Exposure(Generic[BuyerKey]):
    """A lender's exposure before new loans: in total, per buyer, on the SME."""

    total: Decimal
    buyers: Mapping[BuyerKey, Decimal]
    sme: Decimal

    def on_buyer(self, buyer: BuyerKey) -> Decimal:
        return self.buyers.get(buyer, _ZERO)


class LimitKind(enum.StrEnum):
    BUYER = "BUYER"
    SME = "SME"
    CONCENTRATION = "CONCENTRATION"


@dataclass(frozen=True)
class Breach(Generic[BuyerKey]):
    """A limit the new loans would break, with the figures after them.

    `limit` is rupees for BUYER and SME, and the cap (a fraction) for
    CONCENTRATION, whose `share_after` is the buyer's share after the loans.
    """

    kind: LimitKind
    buyer: BuyerKey | None
    exposure_after: Decimal
    limit: Decimal
    share_after: Decimal | None = None


def breaches(
    limits: Limits,
    before: Exposure[BuyerKey],
    additions: Mapping[BuyerKey, Decimal],
) -> list[Breach[BuyerKey]]:
    """List every limit that adding `additions` (advance per buyer) would break.

    All the additions belong to one SME: the SME of one application.
    """
    total_after = before.total + sum(additions.values(), _ZERO)
    found: list[Breach[BuyerKey]] = []

    for buyer, added in additions.items():
        buyer_after = before.on_buyer(buyer) + added
        if buyer_after > limits.per_buyer:
            found.append(Breach(LimitKind.BUYER, buyer, buyer_after, limits.per_buyer))
        if _over_cap(limits, buyer_after, total_after):
            found.append(
                Breach(
                    LimitKind.CONCENTRATION,
                    buyer,
                    buyer_after,
                    limits.concentration_cap,
                    share(buyer_after, total_after),
                )
            )

    sme_after = before.sme + sum(additions.values(), _ZERO)
    if sme_after > limits.per_sme:
        found.append(Breach(LimitKind.SME, None, sme_after, limits.per_sme))

    return found


def concentration_applies(limits: Limits, total_after: Decimal) -> bool:
    """Tell whether the cap binds a book of `total_after` rupees."""
    return total_after > limits.concentration_floor


def concentration_headroom(
    limits: Limits, total: Decimal, on_buyer: Decimal
) -> Decimal | None:
    """Return the largest amount that may be added on one buyer, or None.

    None means no limit: a cap of 1 (100%) never binds. Adding x is allowed
    when total + x stays at or below the floor, or when
    on_buyer + x <= cap x (total + x), that is x <= (cap x total - on_buyer)
    / (1 - cap). The larger bound wins; it is rounded down to paise.
    """
    cap = Fraction(limits.concentration_cap)
    if cap >= 1:
        return None

    under_floor = Fraction(limits.concentration_floor - total)
    under_cap = (cap * Fraction(total) - Fraction(on_buyer)) / (1 - cap)
    largest = max(under_floor, under_cap, Fraction(0))

    paise = math.floor(largest * 100)

    return Decimal(paise).scaleb(-2)


def share(part: Decimal, whole: Decimal) -> Decimal:
    """Return `part` / `whole` as a fraction with 6 places, half-up; 0 for 0."""
    if whole == 0:
        return Decimal("0")

    return round_fraction_half_up(Fraction(part) / Fraction(whole), _SHARE_PLACES)


def _over_cap(limits: Limits, buyer_after: Decimal, total_after: Decimal) -> bool:
    if not concentration_applies(limits, total_after):
        return False

    return buyer_after > limits.concentration_cap * total_after
