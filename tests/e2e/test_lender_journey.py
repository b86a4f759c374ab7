"""A lender's journey over the demo data: applications, loans and products."""

from __future__ import annotations

from playwright.async_api import Page, expect

from support.browser import check_screen, sign_in_from_start


async def test_lender_journey(page: Page) -> None:
    await sign_in_from_start(page, "lender@hundi.example", "/lender")
    queue = page.get_by_role("region", name="Applications")
    await expect(queue.locator("tbody tr").first).to_be_visible()
    await check_screen(page, "lender-applications")

    await page.get_by_label("Status").select_option("DISBURSED")
    await expect(queue.locator("tbody tr").first).to_contain_text("Disbursed")
    await queue.locator("tbody tr a").first.click()
    await expect(page.get_by_role("heading", name="SME and KYC")).to_be_visible()
    await expect(page.get_by_role("heading", name="Your offers")).to_be_visible()
    await check_screen(page, "lender-application")

    await page.get_by_role("link", name="Loans", exact=True).click()
    loans = page.get_by_role("region", name="Loans")
    await expect(loans.locator("tbody tr").first).to_be_visible()
    await page.get_by_label("Asset class").select_option("NPA")
    await expect(loans.locator("tbody tr").first).to_contain_text("NPA")
    await check_screen(page, "lender-loans")
    async with page.expect_download() as download_info:
        await page.get_by_role("link", name="Export CSV").click()
    download = await download_info.value
    path = await download.path()
    lines = path.read_text().strip().splitlines()
    assert lines[0].startswith("loan_id,invoice_number,sme_name,buyer_name")
    assert len(lines) > 1
    assert all(",NPA," in line for line in lines[1:])

    await page.get_by_role("link", name="Products", exact=True).click()
    await expect(
        page.get_by_role("heading", name="Receivables Express")
    ).to_be_visible()
    await check_screen(page, "lender-products")

    await page.get_by_role("link", name="Portfolio", exact=True).click()
    await expect(page.get_by_text("Days past due")).to_be_visible()
    await expect(page.get_by_role("region", name="Largest buyers")).to_be_visible()
    await check_screen(page, "lender-portfolio")

    await page.get_by_role("link", name="Disbursals", exact=True).click()
    await expect(page.get_by_role("heading", name="Disbursals")).to_be_visible()
    await check_screen(page, "lender-disbursals")
    await page.get_by_role("link", name="Approvals", exact=True).click()
    await expect(page.get_by_role("heading", name="Approvals")).to_be_visible()
    await check_screen(page, "lender-approvals")
