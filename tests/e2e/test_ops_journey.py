"""Operations review a KYC submission from the demo data."""

from __future__ import annotations

import re

from playwright.async_api import Page, expect

from support.browser import check_screen, sign_in_from_start


async def test_ops_journey(page: Page) -> None:
    await sign_in_from_start(page, "ops@hundi.example", "/ops")
    queue = page.get_by_role("region", name="KYC submissions waiting")
    await expect(queue.locator("tbody tr").first).to_be_visible()
    waiting = await queue.locator("tbody tr").count()
    await check_screen(page, "ops-kyc-queue")

    await queue.locator("tbody tr a").first.click()
    await expect(page.get_by_role("heading", name="Decision")).to_be_visible()
    await check_screen(page, "ops-kyc-review")
    await page.get_by_role("button", name="Reject KYC").click()
    await expect(page.locator("#rejectionReason-error")).to_be_visible()
    await page.get_by_label("Reason for rejecting").fill(
        "The GST certificate is unreadable; upload a clear scan."
    )
    await page.get_by_role("button", name="Reject KYC").click()
    await expect(page.get_by_text("The KYC is rejected.")).to_be_visible()

    await page.get_by_role("link", name="Back to the queue").first.click()
    await expect(queue.locator("tbody tr")).to_have_count(waiting - 1)


async def test_ops_day_end_and_tickets(page: Page) -> None:
    await sign_in_from_start(page, "ops@hundi.example", "/ops")

    await page.get_by_role("link", name="Day-end", exact=True).click()
    await page.get_by_role("button", name="Run day-end").click()
    await expect(
        page.get_by_role("heading", name=re.compile("Day-end of"))
    ).to_be_visible()
    await expect(page.get_by_role("region", name="Loans by RBI class")).to_contain_text(
        "NPA"
    )
    await check_screen(page, "ops-day-end")

    await page.get_by_role("link", name="Support tickets", exact=True).click()
    await page.get_by_label("Status").select_option("")
    await expect(page.get_by_text("Loading…")).to_have_count(0)
    await check_screen(page, "ops-tickets")
