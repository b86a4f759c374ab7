"""Judging a value against its target, and checking a target before it is saved.

A value meets its target when it lies on the target's side of the bounds
(bounds included). It is at risk when it is on the wrong side by at most 10%
of the bound it missed, and missed when it is further off. A zero bound has
no margin: any breach above a target of 0 is missed. The exact value is
judged, not the rounded one shown.

A target due within some months of launch, such as 5,000 SMEs in the first
6 months, is judged against its part due by the end of the period. That part
is the target times the months from the launch month to the period's last
month, over the months allowed, and at most the whole target.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from hundi.domain.enums import TargetDirection
from hundi.domain.kpi_periods import month_count
from hundi.domain.kpis import (
    UNIT_RANGES,
    KpiStatus,
    KpiUnit,
    MilestoneStatus,
    TargetBounds,
)

AT_RISK_MARGIN = Fraction(1, 10)

# kpi_targets.low and .high are NUMERIC(18, 4).
TARGET_PLACES = 4


@dataclass(frozen=True)
class ExactBounds:
    """Target bounds as exact fractions, such as a target pro-rated by months."""

    direction: TargetDirection
    low: Fraction | None
    high: Fraction | None

    @classmethod
    def of(cls, target: TargetBounds) -> ExactBounds:
        return cls(
            target.direction,
            None if target.low is None else Fraction(target.low),
            None if target.high is None else Fraction(target.high),
        )


def _margin(bound: Fraction) -> Fraction:
    return abs(bound) * AT_RISK_MARGIN


def _below(value: Fraction, low: Fraction) -> KpiStatus:
    if value >= low:
        return KpiStatus.MET
    return KpiStatus.AT_RISK if value >= low - _margin(low) else KpiStatus.MISSED


def _above(value: Fraction, high: Fraction) -> KpiStatus:
    if value <= high:
        return KpiStatus.MET
    return KpiStatus.AT_RISK if value <= high + _margin(high) else KpiStatus.MISSED


def evaluate(value: Fraction | None, bounds: ExactBounds | None) -> KpiStatus:
    """Judge `value` against `bounds`, or return NO_DATA when either is missing."""
    if value is None or bounds is None:
        return KpiStatus.NO_DATA

    if bounds.low is not None and value < bounds.low:
        return _below(value, bounds.low)
    if bounds.high is not None and value > bounds.high:
        return _above(value, bounds.high)
    return KpiStatus.MET


def due_by(
    target: TargetBounds,
    deadline_months: int,
    launch_month: date,
    last_month: date,
) -> ExactBounds | None:
    """Pro-rate a target due within `deadline_months` of launch to `last_month`.

    Returns None when `last_month` is before the launch month, because
    nothing was due yet.
    """
    elapsed = month_count(launch_month, last_month)
    if elapsed <= 0:
        return None

    share = Fraction(min(elapsed, deadline_months), deadline_months)
    exact = ExactBounds.of(target)
    return ExactBounds(
        exact.direction,
        None if exact.low is None else exact.low * share,
        None if exact.high is None else exact.high * share,
    )


def milestone_status(
    actual: Fraction | None, target: TargetBounds, *, deadline_passed: bool
) -> MilestoneStatus:
    """Judge a milestone: met now, still in progress, or missed at its deadline."""
    if actual is None:
        return MilestoneStatus.NO_DATA
    if evaluate(actual, ExactBounds.of(target)) is KpiStatus.MET:
        return MilestoneStatus.MET
    return MilestoneStatus.MISSED if deadline_passed else MilestoneStatus.IN_PROGRESS


@dataclass(frozen=True)
class TargetProblem:
    """Why a target cannot be saved: the input field at fault, a code, a message."""

    field: str | None
    code: str
    message: str


def check_target(
    unit: KpiUnit,
    direction: TargetDirection,
    low: Decimal | None,
    high: Decimal | None,
) -> list[TargetProblem]:
    """List what is wrong with a target, or nothing when it can be saved."""
    problems = _check_bounds_given(direction, low, high)
    for field, bound in (("low", low), ("high", high)):
        if bound is not None:
            problems += _check_bound(unit, field, bound)

    if not problems and low is not None and high is not None and low > high:
        problems.append(
            TargetProblem(
                "high",
                "INVALID_RANGE",
                f"The high bound {high} is below the low bound {low}; swap them.",
            )
        )
    return problems


def _check_bounds_given(
    direction: TargetDirection, low: Decimal | None, high: Decimal | None
) -> list[TargetProblem]:
    needs_low = direction in (TargetDirection.AT_LEAST, TargetDirection.BETWEEN)
    needs_high = direction in (TargetDirection.AT_MOST, TargetDirection.BETWEEN)
    problems = []
    for field, bound, needed in (("low", low, needs_low), ("high", high, needs_high)):
        if needed and bound is None:
            problems.append(
                TargetProblem(
                    field,
                    "BOUND_REQUIRED",
                    f"A target {direction.value} needs a {field} bound; give one.",
                )
            )
        if not needed and bound is not None:
            problems.append(
                TargetProblem(
                    field,
                    "BOUND_NOT_ALLOWED",
                    f"A target {direction.value} has no {field} bound; leave "
                    f"{field} out.",
                )
            )
    return problems


def _check_bound(unit: KpiUnit, field: str, bound: Decimal) -> list[TargetProblem]:
    if not bound.is_finite():
        return [TargetProblem(field, "INVALID_BOUND", f"{bound} is not a number.")]

    exponent = bound.normalize().as_tuple().exponent
    assert isinstance(exponent, int)  # Finite decimals have an int exponent.
    if -exponent > TARGET_PLACES:
        return [
            TargetProblem(
                field,
                "TOO_MANY_DECIMALS",
                f"The {field} bound {bound} has more than {TARGET_PLACES} "
                "decimal places; round it.",
            )
        ]

    smallest, largest = UNIT_RANGES[unit]
    outside = (smallest is not None and bound < smallest) or (
        largest is not None and bound > largest
    )
    if outside:
        return [
            TargetProblem(
                field,
                "OUT_OF_RANGE",
                f"The {field} bound {bound} is outside the range of "
                f"{unit.value} ({_range_text(smallest, largest)}).",
            )
        ]
    return []


def _range_text(smallest: Decimal | None, largest: Decimal | None) -> str:
    if largest is None:
        return f"{smallest} or more"
    return f"{smallest} to {largest}"
