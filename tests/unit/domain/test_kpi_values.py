"""Combining monthly parts into a metric's period value and series."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from hundi.domain.kpi_values import Parts, combine, display_value
from hundi.domain.kpis import Aggregation, KpiUnit

JUN, JUL, AUG = date(2026, 6, 1), date(2026, 7, 1), date(2026, 8, 1)


def test_ratio_sums_parts_before_dividing() -> None:
    parts = {JUL: Parts.of(1, 3), AUG: Parts.of(3, 4)}

    figures = combine(Aggregation.RATIO, parts, [JUL, AUG], scale=Fraction(100))

    # (1 + 3) / (3 + 4) * 100, not the mean of 33.3 and 75.
    assert figures.value == Fraction(400, 7)
    assert figures.series == [(JUL, Fraction(100, 3)), (AUG, Fraction(75))]


def test_ratio_without_denominator_has_no_value() -> None:
    figures = combine(Aggregation.RATIO, {JUL: Parts.of(0, 0)}, [JUL, AUG])

    assert figures.value is None
    assert figures.series == [(JUL, None), (AUG, None)]


def test_ratio_month_without_parts_is_empty_but_period_has_value() -> None:
    figures = combine(Aggregation.RATIO, {AUG: Parts.of(1, 2)}, [JUL, AUG])

    assert figures.value == Fraction(1, 2)
    assert figures.series == [(JUL, None), (AUG, Fraction(1, 2))]


def test_count_is_zero_in_months_without_rows() -> None:
    figures = combine(Aggregation.COUNT, {AUG: Parts.of(2)}, [JUL, AUG])

    assert figures.value == 2
    assert figures.series == [(JUL, 0), (AUG, 2)]


def test_running_total_starts_with_months_before_period() -> None:
    parts = {JUN: Parts.of(5), AUG: Parts.of(Decimal("2.50"))}

    figures = combine(Aggregation.RUNNING_TOTAL, parts, [JUL, AUG])

    assert figures.series == [(JUL, 5), (AUG, Fraction(15, 2))]
    assert figures.value == Fraction(15, 2)


def test_running_ratio_divides_running_totals() -> None:
    parts = {JUN: Parts.of(1, 2), JUL: Parts.of(0, 2), AUG: Parts.of(2, 0)}

    figures = combine(Aggregation.RUNNING_RATIO, parts, [JUL, AUG], scale=Fraction(100))

    # End of July: 1 / 4; end of August: 3 / 4.
    assert figures.series == [(JUL, 25), (AUG, 75)]
    assert figures.value == 75


def test_trailing_value_comes_from_its_own_count() -> None:
    parts = {JUL: Parts.of(3), AUG: Parts.of(5)}

    figures = combine(
        Aggregation.TRAILING_30_DAYS, parts, [JUL, AUG], trailing=Fraction(4)
    )

    assert figures.value == 4
    assert figures.series == [(JUL, 3), (AUG, 5)]


def test_display_rounds_half_up_by_unit() -> None:
    assert display_value(Fraction(1, 8) * 100, KpiUnit.PERCENT) == Decimal("12.50")
    assert display_value(Fraction(2, 3) * 100, KpiUnit.PERCENT) == Decimal("66.67")
    assert display_value(Fraction(5, 2), KpiUnit.COUNT) == Decimal("3")
    assert display_value(Fraction(-1, 200), KpiUnit.NPS_POINTS) == Decimal("-0.01")
    assert display_value(None, KpiUnit.HOURS) is None


def test_parts_keep_money_exact() -> None:
    parts = Parts.of(Decimal("0.10"), 3)

    assert parts.numerator * 3 == Fraction(3, 10)
