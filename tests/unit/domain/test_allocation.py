"""Splitting a repayment: penal interest, then principal, then excess."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hundi.domain.allocation import allocate
from hundi.domain.money import InvalidAmount

paise = st.integers(min_value=0, max_value=10**10).map(lambda n: Decimal(n) / 100)
positive_paise = st.integers(min_value=1, max_value=10**10).map(
    lambda n: Decimal(n) / 100
)


def test_allocate_partial_pays_penal_first() -> None:
    split = allocate(Decimal("500.00"), Decimal("120.50"), Decimal("10000.00"))

    assert split.penal == Decimal("120.50")
    assert split.principal == Decimal("379.50")
    assert split.excess == Decimal("0.00")


def test_allocate_full_leaves_no_excess() -> None:
    split = allocate(Decimal("10120.50"), Decimal("120.50"), Decimal("10000.00"))

    assert split.penal == Decimal("120.50")
    assert split.principal == Decimal("10000.00")
    assert split.excess == Decimal("0.00")


def test_allocate_over_payment_becomes_excess() -> None:
    split = allocate(Decimal("10500.00"), Decimal("0.00"), Decimal("10000.00"))

    assert split.principal == Decimal("10000.00")
    assert split.excess == Decimal("500.00")


def test_allocate_smaller_than_penal_pays_penal_only() -> None:
    split = allocate(Decimal("50.00"), Decimal("120.50"), Decimal("10000.00"))

    assert split.penal == Decimal("50.00")
    assert split.principal == Decimal("0.00")


@pytest.mark.parametrize("amount", ["0", "-5.00", "10.005"])
def test_allocate_rejects_bad_amount(amount: str) -> None:
    with pytest.raises(InvalidAmount):
        allocate(Decimal(amount), Decimal("0"), Decimal("100.00"))


@given(amount=positive_paise, penal=paise, principal=paise)
def test_allocate_parts_add_up_and_never_overpay(
    amount: Decimal, penal: Decimal, principal: Decimal
) -> None:
    split = allocate(amount, penal, principal)

    assert split.amount == amount
    assert Decimal(0) <= split.penal <= penal
    assert Decimal(0) <= split.principal <= principal
    # Excess only once everything owed is paid.
    assert split.excess == 0 or (split.penal == penal and split.principal == principal)
