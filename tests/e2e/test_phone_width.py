"""Every role's main screens fit a 375-pixel-wide phone without sideways scrolling."""

from __future__ import annotations

import pytest
from playwright.async_api import Page, expect

from support.browser import (
    fits_phone_width,
    screenshot,
    sign_in_from_start,
    wider_than_page,
)

SCREENS = {
    ("lender@hundi.example", "/lender"): [
        "/lender",
        "/lender/loans",
        "/lender/portfolio",
        "/lender/disbursals",
        "/lender/approvals",
        "/lender/products",
    ],
    ("ops@hundi.example", "/ops"): ["/ops", "/ops/tickets", "/ops/day-end"],
    ("admin@hundi.example", "/admin"): [
        "/admin",
        "/admin/lenders",
        "/admin/machine-clients",
        "/admin/kpi-targets",
        "/admin/marketing",
        "/admin/incidents",
    ],
    ("sme@hundi.example", "/sme"): [
        "/sme",
        "/sme/kyc",
        "/sme/applications",
        "/sme/applications/new",
        "/sme/support",
    ],
}


@pytest.mark.parametrize(
    ("email", "home"), list(SCREENS), ids=[home[1:] for _, home in SCREENS]
)
async def test_main_screens_fit_phone_width(page: Page, email: str, home: str) -> None:
    await page.set_viewport_size({"width": 375, "height": 800})
    await sign_in_from_start(page, email, home)
    for path in SCREENS[(email, home)]:
        await page.goto(path)
        await expect(page.get_by_role("heading", level=1)).to_be_visible()
        await expect(page.get_by_text("Loading…")).to_have_count(0)
        name = "phone" + path.replace("/", "-")
        assert await fits_phone_width(page), (
            f"{path} scrolls sideways at 375px: {await wider_than_page(page)}"
        )
        await screenshot(page, name)
