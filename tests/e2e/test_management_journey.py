"""Management reads the success metrics over the demo data."""

from __future__ import annotations

from playwright.async_api import Page, expect

from support.browser import check_screen, fits_phone_width, sign_in_from_start


async def test_management_journey(page: Page) -> None:
    await sign_in_from_start(page, "management@hundi.example", "/management")
    card = page.get_by_role("article", name="Loan disbursed volume")
    await expect(card.locator(".stat-value")).to_contain_text("₹")
    await expect(card).to_contain_text("Target")
    await expect(page.get_by_role("heading", name="Milestones")).to_be_visible()
    await check_screen(page, "management-kpis")

    await card.get_by_text("How it is counted").click()
    await expect(card.locator("details p")).to_be_visible()
    await page.get_by_label("Period", exact=True).select_option("month")
    await expect(card.get_by_role("list")).to_have_count(1)
    await expect(page.get_by_text("Loading…")).to_have_count(0)
    await check_screen(page, "management-kpis-month")

    await page.set_viewport_size({"width": 375, "height": 800})
    assert await fits_phone_width(page), "the KPI dashboard scrolls sideways at 375px"


async def test_management_sees_no_lender_pages(page: Page) -> None:
    await sign_in_from_start(page, "management@hundi.example", "/management")

    await page.goto("/lender/portfolio")

    await expect(
        page.get_by_role("heading", name="You cannot open this page")
    ).to_be_visible()
