"""An SME's journey over the demo data: KYC, invoices, offers and loans."""

from __future__ import annotations

import re
from datetime import timedelta

from playwright.async_api import Page, expect

from hundi.domain.calendar import india_today
from support.browser import (
    check_screen,
    fits_phone_width,
    screenshot,
    sign_in_from_start,
)
from support.upload_files import einvoice_json, invoices_csv
from support.uploads import pdf_bytes

BUYER_GSTIN = "27AAPFU0939F1ZV"
OTHER_BUYER_GSTIN = "33AAPFD1365C1ZR"


async def primary_gstin(page: Page) -> str:
    await page.get_by_role("link", name="KYC", exact=True).click()
    facts = page.locator("dt:text-is('GSTINs') + dd")
    return (await facts.inner_text()).split(",")[0].strip()


async def test_sme_journey(page: Page) -> None:
    today = india_today()
    await sign_in_from_start(page, "sme@hundi.example", "/sme")
    await expect(page.get_by_text("Your KYC is verified.")).to_be_visible()
    await check_screen(page, "sme-overview")

    seller_gstin = await primary_gstin(page)
    await expect(page.get_by_text("KYC verified").first).to_be_visible()
    await check_screen(page, "sme-kyc")

    await page.get_by_role("link", name="Invoices", exact=True).click()
    await page.get_by_label("Status").select_option("FINANCED")
    rows = page.get_by_role("region", name="Invoices").locator("tbody tr")
    badges = rows.locator("td:nth-child(6) .badge")
    await expect(badges.filter(has_not_text="Financed")).to_have_count(0)
    await expect(badges.first).to_have_text("Financed")
    await check_screen(page, "sme-invoices")

    await page.get_by_role("link", name="Add invoices").click()
    await page.get_by_label("Buyer's GSTIN").fill("27AAPFU0939F1ZX")
    await expect(page.get_by_text("has check character X, expected V")).to_be_visible()
    await page.get_by_label("Buyer's GSTIN").fill(BUYER_GSTIN)
    await page.get_by_label("Buyer's legal name").fill("Umang Pumps LLP")
    await page.get_by_label("Invoice number").fill("E2E/FORM/1")
    await page.get_by_label("Invoice date").fill(str(today - timedelta(days=3)))
    await page.get_by_label("Due date", exact=True).fill(
        str(today + timedelta(days=60))
    )
    await page.get_by_label("Taxable value (₹)").fill("1,00,000")
    await page.get_by_label("GST (₹)").fill("18000")
    await expect(page.get_by_label("Total the buyer owes")).to_have_value(
        "₹1,18,000.00"
    )
    await page.get_by_label("Invoice PDF").set_input_files(
        {"name": "invoice.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}
    )
    await page.get_by_role("button", name="Save invoice").click()
    await expect(
        page.get_by_text("Invoice E2E/FORM/1 is saved and verified.")
    ).to_be_visible()
    await check_screen(page, "sme-add-invoice")

    await page.get_by_role("tab", name="E-invoice JSON").click()
    document = einvoice_json(
        seller_gstin, OTHER_BUYER_GSTIN, "E2E/EINV/1", today - timedelta(days=2)
    )
    await page.get_by_label("E-invoice JSON file").set_input_files(
        {"name": "einvoice.json", "mimeType": "application/json", "buffer": document}
    )
    await page.get_by_role("button", name="Import e-invoice").click()
    await expect(page.get_by_text("Invoice E2E/EINV/1 is imported.")).to_be_visible()
    await check_screen(page, "sme-import-einvoice")

    await page.get_by_role("tab", name="CSV file").click()
    dated, due = str(today - timedelta(days=1)), str(today + timedelta(days=45))
    bad = invoices_csv(
        [
            (
                "E2E/CSV/1",
                "INV",
                dated,
                due,
                BUYER_GSTIN,
                "Umang Pumps LLP",
                "1000.00",
                "180.00",
                "1180.00",
            ),
            (
                "E2E/CSV/2",
                "INV",
                dated,
                due,
                "27AAPFU0939F1ZX",
                "Umang Pumps LLP",
                "1000.00",
                "180.00",
                "1180.00",
            ),
        ]
    )
    await page.get_by_label("CSV file of invoices").set_input_files(
        {"name": "invoices.csv", "mimeType": "text/csv", "buffer": bad}
    )
    await page.get_by_role("button", name="Import CSV").click()
    report = page.get_by_role("region", name="Rows to correct")
    await expect(report.locator("tbody tr").first).to_contain_text("buyer_gstin")
    await expect(report.locator("tbody tr td").first).to_have_text("3")
    await check_screen(page, "sme-import-csv-errors")

    good = invoices_csv(
        [
            (
                "E2E/CSV/1",
                "INV",
                dated,
                due,
                BUYER_GSTIN,
                "Umang Pumps LLP",
                "1000.00",
                "180.00",
                "1180.00",
            ),
            (
                "E2E/CSV/2",
                "INV",
                dated,
                due,
                OTHER_BUYER_GSTIN,
                "Dhanam Castings",
                "2000.00",
                "360.00",
                "2360.00",
            ),
        ]
    )
    await page.get_by_label("CSV file of invoices").set_input_files(
        {"name": "invoices-fixed.csv", "mimeType": "text/csv", "buffer": good}
    )
    await page.get_by_role("button", name="Import CSV").click()
    await expect(
        page.get_by_text("2 invoices are imported and verified.")
    ).to_be_visible()

    await page.get_by_role("link", name="Financing", exact=True).click()
    await check_screen(page, "sme-applications")
    await page.get_by_role("link", name="Offers").first.click()
    await expect(page.get_by_role("heading", name="Compare offers")).to_be_visible()
    await check_screen(page, "sme-offers")

    await page.get_by_role("link", name="Loans", exact=True).click()
    await expect(
        page.get_by_role("heading", name="Loans and repayments")
    ).to_be_visible()
    await check_screen(page, "sme-loans")


async def test_sme_screens_fit_phone_width(page: Page) -> None:
    await page.set_viewport_size({"width": 375, "height": 800})
    await sign_in_from_start(page, "sme@hundi.example", "/sme")

    for link, name in [
        ("Invoices", "sme-invoices-phone"),
        ("Loans", "sme-loans-phone"),
    ]:
        await page.get_by_role("link", name=link).click()
        await expect(page.get_by_text("Loading…")).to_have_count(0)
        assert await fits_phone_width(page), f"{name} scrolls sideways at 375px"
        await screenshot(page, name)


async def test_sme_support_ticket(page: Page) -> None:
    await sign_in_from_start(page, "sme@hundi.example", "/sme")

    await page.get_by_role("link", name="Support", exact=True).click()
    await page.get_by_label("What it is about").select_option("REPAYMENT")
    await page.get_by_label("Subject").fill("Repayment not shown")
    await page.get_by_label("Your question or problem").fill(
        "The buyer paid invoice 2627/0015 on 10 November; is it recorded?"
    )
    await page.get_by_role("button", name="Open ticket").click()
    await expect(page.get_by_text("Your ticket is open")).to_be_visible()
    ticket = page.get_by_role("article", name=re.compile("Repayment not shown"))
    await expect(ticket).to_contain_text("The buyer paid invoice 2627/0015")
    await check_screen(page, "sme-support")
