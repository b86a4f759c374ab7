"""Penal interest: the overdue days each day-end accrues, and their interest."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hundi.domain.enums import DayCountConvention
from hundi.domain.penal import accrual_window, penal_interest


def test_window_first_day_end_after_due_covers_from_due_date() -> None:
    window = accrual_window(date(2025, 3, 31), None, date(2025, 4, 30))

    assert window == (date(2025, 3, 31), date(2025, 4, 30))


def test_window_starts_after_previous_day_end() -> None:
    window = accrual_window(date(2025, 3, 31), date(2025, 4, 30), date(2025, 5, 30))

    assert window == (date(2025, 5, 1), date(2025, 5, 30))


def test_window_before_due_date_is_none() -> None:
    assert accrual_window(date(2025, 3, 31), None, date(2025, 3, 30)) is None


def test_window_of_same_day_end_twice_is_none() -> None:
    assert (
        accrual_window(date(2025, 3, 31), date(2025, 4, 30), date(2025, 4, 30)) is None
    )


def test_penal_interest_on_act_365f() -> None:
    # 1,00,000 at 24% a year for 30 days: 1,972.60.
    interest = penal_interest(
        Decimal("100000.00"),
        Decimal("0.24"),
        DayCountConvention.ACT_365F,
        date(2025, 4, 1),
        date(2025, 4, 30),
    )

    assert interest == Decimal("1972.60")


def test_penal_interest_one_day_rounds_half_up() -> None:
    # 1,000 x 18.25% / 365 = 0.50 exactly; 1,001 gives 0.5005, rounded 0.50.
    assert penal_interest(
        Decimal("1000.00"),
        Decimal("0.1825"),
        DayCountConvention.ACT_365F,
        date(2025, 4, 1),
        date(2025, 4, 1),
    ) == Decimal("0.50")


def test_penal_interest_window_reversed_rejected() -> None:
    with pytest.raises(ValueError, match="ends before it starts"):
        penal_interest(
            Decimal("1.00"),
            Decimal("0.1"),
            DayCountConvention.ACT_360,
            date(2025, 4, 2),
            date(2025, 4, 1),
        )
