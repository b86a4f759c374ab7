"""Turn a metric's monthly numerators and denominators into its values.

The database returns, for each month, a numerator and a denominator (or a
count) as exact integers or decimals. Everything here is exact arithmetic on
fractions. The only rounding is in `display_value`, half-up, for showing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from hundi.domain.kpis import DISPLAY_PLACES, Aggregation, KpiUnit
from hundi.domain.money import round_fraction_half_up


@dataclass(frozen=True)
class Parts:
    """One month's numerator and denominator; counts use a denominator of 1."""

    numerator: Fraction
    denominator: Fraction

    @classmethod
    def of(cls, numerator: object, denominator: object = 1) -> Parts:
        return cls(_exact(numerator), _exact(denominator))


def _exact(value: object) -> Fraction:
    if value is None:
        return Fraction(0)
    if isinstance(value, Fraction | int | Decimal):
        return Fraction(value)
    if isinstance(value, str):
        return Fraction(Decimal(value))
    raise TypeError(f"{type(value).__name__} {value!r} is not an exact number")


@dataclass(frozen=True)
class Figures:
    """A metric's value for the whole period and its value in each month."""

    value: Fraction | None
    series: list[tuple[date, Fraction | None]]


def _ratio(numerator: Fraction, denominator: Fraction) -> Fraction | None:
    return numerator / denominator if denominator else None


def _scaled(value: Fraction | None, scale: Fraction) -> Fraction | None:
    return None if value is None else value * scale


def combine(
    aggregation: Aggregation,
    parts: Mapping[date, Parts],
    months: Sequence[date],
    *,
    scale: Fraction = Fraction(1),
    trailing: Fraction | None = None,
) -> Figures:
    """Build the period value and the monthly series of one metric.

    `parts` is keyed by the first day of each month. For running totals it
    may hold months before the period (from launch on), which count towards
    the first month's total. `scale` converts units, such as seconds to
    hours or a fraction to a percentage. `trailing` is the value of a
    TRAILING_30_DAYS metric, counted by its own query.
    """
    if aggregation is Aggregation.RATIO:
        return _ratio_figures(parts, months, scale)
    if aggregation is Aggregation.COUNT:
        return _count_figures(parts, months, scale)
    if aggregation is Aggregation.TRAILING_30_DAYS:
        counts = _count_figures(parts, months, scale)
        return Figures(_scaled(trailing, scale), counts.series)
    return _running_figures(aggregation, parts, months, scale)


def _ratio_figures(
    parts: Mapping[date, Parts], months: Sequence[date], scale: Fraction
) -> Figures:
    series: list[tuple[date, Fraction | None]] = []
    numerator, denominator = Fraction(0), Fraction(0)
    for month in months:
        part = parts.get(month)
        if part is None:
            series.append((month, None))
            continue
        series.append((month, _scaled(_ratio(part.numerator, part.denominator), scale)))
        numerator += part.numerator
        denominator += part.denominator

    return Figures(_scaled(_ratio(numerator, denominator), scale), series)


def _count_figures(
    parts: Mapping[date, Parts], months: Sequence[date], scale: Fraction
) -> Figures:
    series: list[tuple[date, Fraction | None]] = []
    for month in months:
        part = parts.get(month)
        series.append((month, (part.numerator if part else Fraction(0)) * scale))

    total = sum((value for _, value in series if value is not None), Fraction(0))
    return Figures(total, series)


def _running_figures(
    aggregation: Aggregation,
    parts: Mapping[date, Parts],
    months: Sequence[date],
    scale: Fraction,
) -> Figures:
    first_month = months[0]
    numerator = sum(
        (part.numerator for month, part in parts.items() if month < first_month),
        Fraction(0),
    )
    denominator = sum(
        (part.denominator for month, part in parts.items() if month < first_month),
        Fraction(0),
    )

    series: list[tuple[date, Fraction | None]] = []
    for month in months:
        part = parts.get(month)
        if part is not None:
            numerator += part.numerator
            denominator += part.denominator
        if aggregation is Aggregation.RUNNING_TOTAL:
            series.append((month, numerator * scale))
        else:
            series.append((month, _scaled(_ratio(numerator, denominator), scale)))

    return Figures(series[-1][1], series)


def display_value(value: Fraction | None, unit: KpiUnit) -> Decimal | None:
    """Round a value half-up to its unit's decimal places, for showing."""
    if value is None:
        return None
    return round_fraction_half_up(value, DISPLAY_PLACES[unit])
