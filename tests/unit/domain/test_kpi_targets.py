"""Judging values against targets, pro-rating, and checking new targets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from hundi.domain.enums import TargetDirection
from hundi.domain.kpi_targets import (
    ExactBounds,
    check_target,
    due_by,
    evaluate,
    milestone_status,
)
from hundi.domain.kpis import (
    KpiStatus,
    KpiUnit,
    MilestoneStatus,
    at_least,
    at_most,
    between,
)

MET, AT_RISK, MISSED, NO_DATA = (
    KpiStatus.MET,
    KpiStatus.AT_RISK,
    KpiStatus.MISSED,
    KpiStatus.NO_DATA,
)


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("50", MET),  # the bound itself meets the target
        ("49.99", AT_RISK),
        ("45", AT_RISK),  # 50 - 10% of 50
        ("44.99", MISSED),
    ],
)
def test_at_least_status(value: str, status: KpiStatus) -> None:
    bounds = ExactBounds.of(at_least("50"))

    assert evaluate(Fraction(Decimal(value)), bounds) is status


@pytest.mark.parametrize(
    ("value", "status"),
    [("72", MET), ("79.2", AT_RISK), ("79.21", MISSED)],
)
def test_at_most_status(value: str, status: KpiStatus) -> None:
    bounds = ExactBounds.of(at_most("72"))

    assert evaluate(Fraction(Decimal(value)), bounds) is status


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("300", MET),
        ("500", MET),
        ("270", AT_RISK),
        ("269.99", MISSED),
        ("550", AT_RISK),
        ("550.01", MISSED),
    ],
)
def test_between_status(value: str, status: KpiStatus) -> None:
    bounds = ExactBounds.of(between("300", "500"))

    assert evaluate(Fraction(Decimal(value)), bounds) is status


def test_zero_target_has_no_margin() -> None:
    bounds = ExactBounds.of(at_most("0"))

    assert evaluate(Fraction(0), bounds) is MET
    assert evaluate(Fraction(1), bounds) is MISSED


def test_negative_bound_margin_uses_its_size() -> None:
    bounds = ExactBounds.of(at_least("-10"))

    assert evaluate(Fraction(-11), bounds) is AT_RISK
    assert evaluate(Fraction(-12), bounds) is MISSED


def test_missing_value_has_no_data() -> None:
    assert evaluate(None, ExactBounds.of(at_least("1"))) is NO_DATA
    assert evaluate(Fraction(1), None) is NO_DATA


def test_due_by_pro_rates_months_since_launch() -> None:
    target = at_least("5000")
    launch = date(2026, 7, 1)

    third_month = due_by(target, 6, launch, date(2026, 9, 1))
    ninth_month = due_by(target, 6, launch, date(2027, 3, 1))

    assert third_month is not None
    assert ninth_month is not None
    assert third_month.low == 2500  # 5000 * 3 / 6
    assert ninth_month.low == 5000  # never more than the whole target


def test_due_by_before_launch_is_nothing() -> None:
    assert due_by(at_least("5000"), 6, date(2026, 7, 1), date(2026, 6, 1)) is None


def test_milestone_status_by_deadline() -> None:
    target = at_least("500")

    met = milestone_status(Fraction(500), target, deadline_passed=False)
    pending = milestone_status(Fraction(499), target, deadline_passed=False)
    missed = milestone_status(Fraction(499), target, deadline_passed=True)

    assert met is MilestoneStatus.MET
    assert pending is MilestoneStatus.IN_PROGRESS
    assert missed is MilestoneStatus.MISSED
    assert milestone_status(None, target, deadline_passed=True) is (
        MilestoneStatus.NO_DATA
    )


def _codes(
    unit: KpiUnit, direction: TargetDirection, low: str | None, high: str | None
) -> list[tuple[str | None, str]]:
    problems = check_target(
        unit,
        direction,
        None if low is None else Decimal(low),
        None if high is None else Decimal(high),
    )
    return [(problem.field, problem.code) for problem in problems]


def test_check_target_accepts_a_valid_target() -> None:
    assert _codes(KpiUnit.RUPEES, TargetDirection.BETWEEN, "300", "500.5") == []


def test_check_target_bounds_must_match_direction() -> None:
    assert _codes(KpiUnit.PERCENT, TargetDirection.AT_LEAST, None, "5") == [
        ("low", "BOUND_REQUIRED"),
        ("high", "BOUND_NOT_ALLOWED"),
    ]


def test_check_target_ranges_and_places() -> None:
    assert _codes(KpiUnit.PERCENT, TargetDirection.AT_MOST, None, "101") == [
        ("high", "OUT_OF_RANGE")
    ]
    assert _codes(KpiUnit.STARS, TargetDirection.AT_LEAST, "0.5", None) == [
        ("low", "OUT_OF_RANGE")
    ]
    assert _codes(KpiUnit.HOURS, TargetDirection.AT_MOST, None, "1.23456") == [
        ("high", "TOO_MANY_DECIMALS")
    ]
    assert _codes(KpiUnit.NPS_POINTS, TargetDirection.AT_LEAST, "-20", None) == []


def test_check_target_low_above_high() -> None:
    assert _codes(KpiUnit.RUPEES, TargetDirection.BETWEEN, "500", "300") == [
        ("high", "INVALID_RANGE")
    ]
