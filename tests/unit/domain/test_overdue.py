"""Tests of RBI day-end asset classification.

Worked examples from RBI circular DOR.STR.REC.68/21.04.048/2021-22
(12 November 2021).
"""

from __future__ import annotations

from datetime import date

import pytest

from hundi.domain.enums import AssetClass
from hundi.domain.overdue import classify, days_past_due, next_asset_class

DUE_31_MARCH = date(2022, 3, 31)
DUE_1_DECEMBER = date(2021, 12, 1)


def _class_at(due_date: date, business_date: date) -> AssetClass:
    return classify(days_past_due(due_date, business_date))


@pytest.mark.parametrize(
    ("business_date", "days", "asset_class"),
    [
        (date(2022, 3, 30), 0, AssetClass.STANDARD),
        (date(2022, 3, 31), 1, AssetClass.SMA_0),
        (date(2022, 4, 29), 30, AssetClass.SMA_0),
        (date(2022, 4, 30), 31, AssetClass.SMA_1),
        (date(2022, 5, 29), 60, AssetClass.SMA_1),
        (date(2022, 5, 30), 61, AssetClass.SMA_2),
        (date(2022, 6, 28), 90, AssetClass.SMA_2),
        (date(2022, 6, 29), 91, AssetClass.NPA),
    ],
)
def test_classify_due_31_march_worked_example(business_date, days, asset_class):
    assert days_past_due(DUE_31_MARCH, business_date) == days
    assert _class_at(DUE_31_MARCH, business_date) == asset_class


@pytest.mark.parametrize(
    ("business_date", "days", "asset_class"),
    [
        (date(2021, 11, 30), 0, AssetClass.STANDARD),
        (date(2021, 12, 1), 1, AssetClass.SMA_0),
        (date(2021, 12, 30), 30, AssetClass.SMA_0),
        (date(2021, 12, 31), 31, AssetClass.SMA_1),
        (date(2022, 1, 29), 60, AssetClass.SMA_1),
        (date(2022, 1, 30), 61, AssetClass.SMA_2),
        (date(2022, 2, 28), 90, AssetClass.SMA_2),
        (date(2022, 3, 1), 91, AssetClass.NPA),
    ],
)
def test_classify_due_1_december_worked_example(business_date, days, asset_class):
    assert days_past_due(DUE_1_DECEMBER, business_date) == days
    assert _class_at(DUE_1_DECEMBER, business_date) == asset_class


def test_days_past_due_before_due_date_is_zero():
    assert days_past_due(date(2024, 7, 15), date(2024, 1, 1)) == 0


@pytest.mark.parametrize(
    ("days", "asset_class"),
    [
        (0, AssetClass.STANDARD),
        (1, AssetClass.SMA_0),
        (30, AssetClass.SMA_0),
        (31, AssetClass.SMA_1),
        (60, AssetClass.SMA_1),
        (61, AssetClass.SMA_2),
        (90, AssetClass.SMA_2),
        (91, AssetClass.NPA),
        (1000, AssetClass.NPA),
    ],
)
def test_classify_boundaries(days, asset_class):
    assert classify(days) == asset_class


def test_classify_negative_days_rejected():
    with pytest.raises(ValueError, match="Days past due -1 is negative"):
        classify(-1)


def test_next_asset_class_npa_part_paid_stays_npa():
    # A part payment cleared the oldest instalment, so days past due fell to
    # 10, but arrears remain.
    assert (
        next_asset_class(AssetClass.NPA, 10, arrears_outstanding=True) == AssetClass.NPA
    )


def test_next_asset_class_npa_zero_days_arrears():
    assert (
        next_asset_class(AssetClass.NPA, 0, arrears_outstanding=True) == AssetClass.NPA
    )


def test_next_asset_class_npa_fully_paid_is_standard():
    assert (
        next_asset_class(AssetClass.NPA, 0, arrears_outstanding=False)
        == AssetClass.STANDARD
    )


@pytest.mark.parametrize(
    "previous",
    [AssetClass.STANDARD, AssetClass.SMA_0, AssetClass.SMA_1, AssetClass.SMA_2],
)
def test_next_asset_class_paid_is_standard(previous):
    assert (
        next_asset_class(previous, 75, arrears_outstanding=False) == AssetClass.STANDARD
    )


@pytest.mark.parametrize(
    ("previous", "days", "asset_class"),
    [
        (AssetClass.STANDARD, 1, AssetClass.SMA_0),
        (AssetClass.SMA_0, 31, AssetClass.SMA_1),
        (AssetClass.SMA_2, 91, AssetClass.NPA),
        (AssetClass.SMA_2, 40, AssetClass.SMA_1),
    ],
)
def test_next_asset_class_follows_days_unless_npa(previous, days, asset_class):
    assert next_asset_class(previous, days, arrears_outstanding=True) == asset_class


def test_next_asset_class_accepts_stored_string():
    assert next_asset_class("NPA", 5, arrears_outstanding=True) == AssetClass.NPA


def test_next_asset_class_day_end_twice_same_result():
    first = next_asset_class(AssetClass.SMA_2, 91, arrears_outstanding=True)

    second = next_asset_class(first, 91, arrears_outstanding=True)

    assert first == AssetClass.NPA
    assert second == first
