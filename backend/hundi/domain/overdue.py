"""RBI asset classification of a loan at the day-end of a business date.

Rules from RBI circular DOR.STR.REC.68/21.04.048/2021-22 (12 November 2021):

- An amount not paid on its due date is overdue. Classification runs at the
  day-end of each calendar date, in India time, so an amount still unpaid at
  the day-end of its due date is 1 day past due on that date.
- Days past due 1-30 is SMA-0, 31-60 SMA-1, 61-90 SMA-2, and more than 90 NPA.
- An NPA returns to standard only when all arrears are paid. A standard or SMA
  account with nothing outstanding is standard the same day.

Each function is pure, so running day-end twice for one date gives the same
class both times.
"""

from __future__ import annotations

from datetime import date

from hundi.domain.enums import AssetClass

# Upper bounds (inclusive) of days past due for each special-mention class.
_SMA_0_MAX_DAYS = 30
_SMA_1_MAX_DAYS = 60
_SMA_2_MAX_DAYS = 90


def days_past_due(due_date: date, business_date: date) -> int:
    """Count days past due at the day-end of `business_date`.

    The count is 0 before the due date, and (business_date - due_date) + 1
    from the due date on, because the due date's own day-end counts as day 1.
    """
    if business_date < due_date:
        return 0

    return (business_date - due_date).days + 1


def classify(days: int) -> AssetClass:
    """Return the asset class for a number of days past due."""
    if days < 0:
        raise ValueError(
            f"Days past due {days} is negative. Count them with days_past_due()."
        )

    if days == 0:
        return AssetClass.STANDARD
    if days <= _SMA_0_MAX_DAYS:
        return AssetClass.SMA_0
    if days <= _SMA_1_MAX_DAYS:
        return AssetClass.SMA_1
    if days <= _SMA_2_MAX_DAYS:
        return AssetClass.SMA_2
    return AssetClass.NPA


def next_asset_class(
    previous: AssetClass, days: int, arrears_outstanding: bool
) -> AssetClass:
    """Classify a loan at day-end, given its class at the previous day-end.

    With nothing outstanding a loan is STANDARD. An NPA with any arrears
    outstanding stays NPA, even when a part payment lowers its days past due.
    Otherwise the class follows the days past due.
    """
    if not arrears_outstanding:
        return AssetClass.STANDARD

    if previous == AssetClass.NPA:
        return AssetClass.NPA

    return classify(days)
