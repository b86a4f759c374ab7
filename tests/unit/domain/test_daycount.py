"""Tests of day count conventions."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hundi.domain.daycount import day_count_days, year_fraction
from hundi.domain.enums import DayCountConvention

ACT_365F = DayCountConvention.ACT_365F
ACT_360 = DayCountConvention.ACT_360
THIRTY_360 = DayCountConvention.THIRTY_360
ACT_ACT = DayCountConvention.ACT_ACT


def test_act_365f_sixty_days():
    assert year_fraction(ACT_365F, date(2024, 1, 1), date(2024, 3, 1)) == Fraction(
        60, 365
    )


def test_act_360_sixty_days():
    assert year_fraction(ACT_360, date(2024, 1, 1), date(2024, 3, 1)) == Fraction(
        60, 360
    )


def test_act_act_within_common_year():
    fraction = year_fraction(ACT_ACT, date(2023, 3, 1), date(2023, 4, 30))

    assert fraction == Fraction(60, 365)


def test_act_act_within_leap_year():
    fraction = year_fraction(ACT_ACT, date(2024, 2, 28), date(2024, 3, 1))

    assert fraction == Fraction(2, 366)


def test_act_act_across_leap_year_boundary():
    # 30 days fall in 2023 (2 December to 1 January) and 30 in 2024.
    fraction = year_fraction(ACT_ACT, date(2023, 12, 2), date(2024, 1, 31))

    assert fraction == Fraction(30, 365) + Fraction(30, 366)


def test_act_act_leaving_leap_year():
    fraction = year_fraction(ACT_ACT, date(2024, 12, 1), date(2025, 2, 1))

    assert fraction == Fraction(31, 366) + Fraction(31, 365)


def test_act_act_spanning_whole_years():
    fraction = year_fraction(ACT_ACT, date(2023, 7, 1), date(2025, 7, 1))

    expected = Fraction(184, 365) + Fraction(366, 366) + Fraction(181, 365)
    assert fraction == expected
    assert fraction == 2


def test_act_act_full_leap_year_is_one():
    assert year_fraction(ACT_ACT, date(2024, 1, 1), date(2025, 1, 1)) == 1


@pytest.mark.parametrize(
    ("start", "end", "days"),
    [
        (date(2024, 1, 1), date(2024, 1, 31), 30),
        (date(2024, 1, 31), date(2024, 3, 31), 60),
        (date(2024, 1, 30), date(2024, 3, 31), 60),
        (date(2024, 1, 29), date(2024, 3, 31), 62),
        (date(2024, 2, 28), date(2024, 3, 31), 33),
        (date(2024, 2, 29), date(2024, 3, 31), 32),
        (date(2024, 1, 15), date(2024, 2, 14), 29),
        (date(2023, 12, 31), date(2024, 1, 31), 30),
        (date(2023, 6, 15), date(2024, 6, 15), 360),
    ],
)
def test_thirty_360_bond_basis_days(start, end, days):
    assert day_count_days(THIRTY_360, start, end) == days
    assert year_fraction(THIRTY_360, start, end) == Fraction(days, 360)


@pytest.mark.parametrize("convention", [ACT_365F, ACT_360, ACT_ACT])
def test_day_count_days_actual(convention):
    assert day_count_days(convention, date(2024, 1, 31), date(2024, 3, 31)) == 60


@pytest.mark.parametrize("convention", list(DayCountConvention))
def test_year_fraction_same_day_is_zero(convention):
    assert year_fraction(convention, date(2024, 5, 31), date(2024, 5, 31)) == 0


@pytest.mark.parametrize("convention", list(DayCountConvention))
def test_year_fraction_end_before_start_rejected(convention):
    with pytest.raises(ValueError, match="is before start date"):
        year_fraction(convention, date(2024, 3, 1), date(2024, 2, 29))


def test_day_count_days_end_before_start_rejected():
    with pytest.raises(ValueError, match="is before start date"):
        day_count_days(ACT_365F, date(2024, 3, 1), date(2024, 2, 29))


@given(
    start=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    days=st.integers(min_value=0, max_value=3 * 366),
)
def test_act_act_equals_sum_of_daily_fractions(start, days):
    end = start + timedelta(days=days)

    expected = sum(
        (
            Fraction(1, 366 if _is_leap((start + timedelta(days=i)).year) else 365)
            for i in range(days)
        ),
        Fraction(0),
    )

    assert year_fraction(ACT_ACT, start, end) == expected


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
