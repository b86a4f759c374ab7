"""Lender limits: per buyer, per SME, and the concentration cap above its floor."""

from __future__ import annotations

from decimal import Decimal

from hundi.domain.limits import (
    Exposure,
    LimitKind,
    Limits,
    breaches,
    concentration_applies,
    concentration_headroom,
    share,
)

LIMITS = Limits(
    per_buyer=Decimal("1000000.00"),
    per_sme=Decimal("1500000.00"),
    concentration_cap=Decimal("0.25"),
    concentration_floor=Decimal("2000000.00"),
)


def _exposure(total: str, buyer: str = "0", sme: str = "0") -> Exposure[str]:
    return Exposure(
        total=Decimal(total), buyers={"b1": Decimal(buyer)}, sme=Decimal(sme)
    )


def test_breaches_first_loan_under_floor_passes() -> None:
    found = breaches(LIMITS, _exposure("0"), {"b1": Decimal("900000.00")})

    assert found == []


def test_breaches_buyer_limit_exceeded() -> None:
    found = breaches(
        LIMITS, _exposure("5000000", buyer="600000"), {"b1": Decimal("400000.01")}
    )

    assert [breach.kind for breach in found] == [LimitKind.BUYER]
    assert found[0].exposure_after == Decimal("1000000.01")


def test_breaches_buyer_limit_reached_exactly_passes() -> None:
    found = breaches(
        LIMITS, _exposure("8000000", buyer="600000"), {"b1": Decimal("400000.00")}
    )

    assert found == []


def test_breaches_sme_limit_exceeded() -> None:
    found = breaches(LIMITS, _exposure("0", sme="1400000"), {"b1": Decimal("200000")})

    assert [breach.kind for breach in found] == [LimitKind.SME]


def test_breaches_concentration_above_floor() -> None:
    # 3,00,000 on b1 of a 30,00,000 book after the loan: 10%. Then a loan of
    # 6,00,000 more makes it 9,00,000 of 36,00,000: 25%, right at the cap.
    at_cap = breaches(
        LIMITS, _exposure("3000000", buyer="300000"), {"b1": Decimal("600000")}
    )
    over_cap = breaches(
        LIMITS, _exposure("3000000", buyer="300000"), {"b1": Decimal("600000.01")}
    )

    assert at_cap == []
    assert [breach.kind for breach in over_cap] == [LimitKind.CONCENTRATION]
    assert over_cap[0].share_after == Decimal("0.250000")


def test_concentration_applies_only_above_floor() -> None:
    assert concentration_applies(LIMITS, Decimal("2000000.00")) is False
    assert concentration_applies(LIMITS, Decimal("2000000.01")) is True


def test_concentration_headroom_under_floor_is_room_to_floor() -> None:
    headroom = concentration_headroom(LIMITS, Decimal("0"), Decimal("0"))

    assert headroom == Decimal("2000000.00")


def test_concentration_headroom_above_floor_keeps_share_at_cap() -> None:
    # (0.25 x 30,00,000 - 3,00,000) / 0.75 = 6,00,000.
    headroom = concentration_headroom(LIMITS, Decimal("3000000"), Decimal("300000"))

    assert headroom == Decimal("600000.00")
    assert (
        breaches(LIMITS, _exposure("3000000", buyer="300000"), {"b1": headroom}) == []
    )


def test_concentration_headroom_full_cap_has_no_limit() -> None:
    limits = Limits(
        Decimal("1"),
        Decimal("1"),
        concentration_cap=Decimal("1"),
        concentration_floor=Decimal("0"),
    )

    assert concentration_headroom(limits, Decimal("10"), Decimal("10")) is None


def test_share_rounds_half_up_to_six_places() -> None:
    assert share(Decimal("1"), Decimal("3")) == Decimal("0.333333")
    assert share(Decimal("2"), Decimal("3")) == Decimal("0.666667")
    assert share(Decimal("5"), Decimal("0")) == Decimal("0")
