"""The split of a repayment over what a loan owes, in a fixed order.

1. penal interest outstanding,
2. then principal outstanding (the advance),
3. then whatever is left is excess, refundable to the SME.

Charges come before principal, so a part payment never leaves penal
interest owing behind a smaller principal. docs/financing.md documents the
order for lenders.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from hundi.domain.money import check_amount


@dataclass(frozen=True)
class Allocation:
    """The parts of one repayment; they add up to the amount received."""

    penal: Decimal
    principal: Decimal
    excess: Decimal

    @property
    def amount(self) -> Decimal:
        return self.penal + self.principal + self.excess


def allocate(
    amount: Decimal, penal_outstanding: Decimal, principal_outstanding: Decimal
) -> Allocation:
    """Split `amount` into penal interest, principal and excess, in that order.

    Raises InvalidAmount when `amount` is not a positive amount in rupees and
    paise, or an outstanding figure is negative or has more than 2 places.
    """
    received = check_amount(amount)
    penal_owed = check_amount(penal_outstanding, allow_zero=True)
    principal_owed = check_amount(principal_outstanding, allow_zero=True)

    penal = min(received, penal_owed)
    principal = min(received - penal, principal_owed)
    excess = received - penal - principal

    return Allocation(penal=penal, principal=principal, excess=excess)
