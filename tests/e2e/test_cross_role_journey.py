"""One invoice's way across roles: from a new SME's registration to the
disbursal counted in management's figures."""

from __future__ import annotations

import re
from datetime import timedelta

from playwright.async_api import Page, expect

from hundi.domain.calendar import india_today
from hundi.domain.identifiers import build_gstin
from support.browser import check_screen, sign_in, sign_in_from_start, sign_out
from support.factories import unique_pan
from support.upload_files import einvoice_json, png_image
from support.uploads import pdf_bytes

EMAIL = "owner@kaveri-looms.example"
PASSWORD = "kaveri-looms-2026"


async def register(page: Page) -> None:
    await page.goto("/")
    await page.get_by_role("link", name="Register your business").click()
    await page.get_by_label("Registered legal name").fill(
        "Kaveri Looms Private Limited"
    )
    await page.get_by_label("Legal form").select_option("PRIVATE_LIMITED")
    await page.get_by_label("State of the principal place of business").select_option(
        "27"
    )
    await page.get_by_label("Industry").fill("Textiles")
    await page.get_by_label("Full name").fill("Lakshmi Rao")
    await page.get_by_label("E-mail address").fill(EMAIL)
    await page.get_by_label("Mobile number").fill("+919812345678")
    await page.get_by_label("Password").fill(PASSWORD)
    await page.get_by_label("How did you hear about Hundi?").select_option("SOCIAL")
    await page.get_by_role("button", name="Register").click()
    await expect(
        page.get_by_role("heading", name="Your business is registered")
    ).to_be_visible()
    await expect(page.get_by_text(f"Sign in with {EMAIL}")).to_be_visible()
    await page.get_by_role("main").get_by_role("link", name="Sign in").click()


async def submit_kyc(page: Page, pan: str, gstin: str) -> None:
    await page.get_by_label("PAN of the business").fill(pan)
    await page.get_by_label("GSTIN (primary)").fill(gstin)
    await expect(
        page.get_by_text("The GSTIN is valid, registered in Maharashtra.")
    ).to_be_visible()
    await page.get_by_role("button", name="Continue").click()

    await page.get_by_label("Bank account number").fill("123456789012")
    await page.get_by_label("IFSC of the branch").fill("HDFC0001234")
    await page.get_by_label("Authorised signatory").fill("Lakshmi Rao")
    await page.get_by_role("button", name="Continue").click()

    await page.get_by_label("File").set_input_files(
        {"name": "pan-card.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}
    )
    await page.get_by_role("button", name="Add another document").click()
    second = page.get_by_role("group", name="Document 2")
    await second.get_by_label("What it proves").select_option("GST_CERTIFICATE")
    await second.get_by_label("File").set_input_files(
        {"name": "gst-certificate.png", "mimeType": "image/png", "buffer": png_image()}
    )
    await page.get_by_role("button", name="Continue").click()
    await expect(
        page.get_by_role("heading", name=re.compile("Review and submit"))
    ).to_be_visible()
    await page.get_by_role("button", name="Submit KYC").click()


async def disbursed_this_month(page: Page) -> str:
    await sign_in_from_start(page, "management@hundi.example", "/management")
    await page.get_by_label("Period", exact=True).select_option("month")
    await expect(page.get_by_text("Loading…")).to_have_count(0)
    card = page.get_by_role("article", name="Loan disbursed volume")
    value = await card.locator(".stat-value").inner_text()
    await sign_out(page)
    return value


async def turn_off_instant_offers(page: Page) -> None:
    await sign_in_from_start(page, "lender@hundi.example", "/lender")
    await page.get_by_role("link", name="Products", exact=True).click()
    await page.get_by_role("button", name="Change Receivables Express").click()
    await page.get_by_label("Make instant offers").uncheck()
    await page.get_by_role("button", name="Save changes").click()
    await expect(page.get_by_text("The product is saved.")).to_be_visible()
    await sign_out(page)


async def onboard_sme(page: Page, pan: str, gstin: str) -> None:
    await register(page)
    await sign_in(page, EMAIL, PASSWORD)
    await expect(page).to_have_url(re.compile("/sme/kyc$"))
    await check_screen(page, "sme-kyc-wizard")
    await submit_kyc(page, pan, gstin)
    await expect(page.get_by_text("Your KYC is submitted.")).to_be_visible()
    await sign_out(page)

    await sign_in_from_start(page, "ops@hundi.example", "/ops")
    await page.get_by_role("link", name="Kaveri Looms Private Limited").click()
    await expect(
        page.get_by_title(re.compile("PAN card: pan-card.pdf"))
    ).to_be_visible()
    await page.get_by_role("button", name="GST certificate").click()
    await expect(page.get_by_alt_text(re.compile("GST certificate"))).to_be_visible()
    await check_screen(page, "ops-kyc-documents")
    await page.get_by_role("button", name="Approve KYC").click()
    await expect(page.get_by_text("The KYC is approved.")).to_be_visible()
    await sign_out(page)


async def import_and_apply(page: Page, gstin: str) -> None:
    await page.goto("/sme/invoices/new")
    await sign_in(page, EMAIL, PASSWORD)
    await page.get_by_role("tab", name="E-invoice JSON").click()
    document = einvoice_json(
        gstin, "33AAPFD1365C1ZR", "KL/2026/001", india_today() - timedelta(days=1)
    )
    await page.get_by_label("E-invoice JSON file").set_input_files(
        {"name": "einvoice.json", "mimeType": "application/json", "buffer": document}
    )
    await page.get_by_role("button", name="Import e-invoice").click()
    await expect(page.get_by_text("Invoice KL/2026/001 is imported.")).to_be_visible()

    await page.get_by_role("link", name="Financing", exact=True).click()
    await page.get_by_role("link", name="Apply for financing").click()
    await page.get_by_label("Finance invoice KL/2026/001").check()
    await check_screen(page, "sme-apply")
    await page.get_by_role("button", name="Apply with 1 invoice").click()
    await expect(page.get_by_role("heading", name="Compare offers")).to_be_visible()
    await expect(page.get_by_text("No lender has made an offer yet.")).to_be_visible()
    await sign_out(page)


async def make_offer(page: Page) -> None:
    await sign_in_from_start(page, "lender@hundi.example", "/lender")
    await page.get_by_role("link", name="Kaveri Looms Private Limited").click()
    await expect(page.get_by_text("Fits Receivables Express")).to_be_visible()
    await expect(page.get_by_role("region", name="Exposure per buyer")).to_be_visible()
    await page.get_by_label("Product", exact=True).select_option(
        label="Receivables Express"
    )
    await page.get_by_label("Annual discount rate (%)").fill("13.5")
    await page.get_by_role("button", name="Make offer").click()
    await expect(page.get_by_text("Your offer is made.")).to_be_visible()
    await check_screen(page, "lender-make-offer")
    await sign_out(page)


async def accept_offer(page: Page) -> None:
    await page.goto("/sme/applications")
    await sign_in(page, EMAIL, PASSWORD)
    await page.get_by_role("link", name=re.compile("^Offers")).first.click()
    await expect(page.get_by_text("Coastal Commercial Bank")).to_be_visible()
    await check_screen(page, "sme-compare-offers")
    await page.get_by_role("button", name="Accept this offer").click()
    await page.get_by_role("button", name="Yes, accept").click()
    await expect(
        page.get_by_text("You accepted the offer of Coastal Commercial Bank.")
    ).to_be_visible()
    await sign_out(page)


async def disburse_and_repay(page: Page) -> None:
    await sign_in_from_start(page, "lender@hundi.example", "/lender")
    await page.get_by_role("link", name="Disbursals", exact=True).click()
    request = page.get_by_role("form", name="Disbursal to Kaveri Looms Private Limited")
    await request.get_by_label("UTR of the transfer").fill("UTIBR52026120400017")
    await request.get_by_role("button", name="Request approval").click()
    await expect(page.get_by_text("The disbursal to Kaveri Looms")).to_be_visible()
    await page.get_by_role("link", name="Approvals", exact=True).click()
    await expect(page.get_by_text("You requested this disbursal")).to_be_visible()
    await sign_out(page)

    await sign_in_from_start(page, "lender.checker@hundi.example", "/lender")
    await page.get_by_role("link", name="Approvals", exact=True).click()
    await check_screen(page, "lender-checker-approval")
    await page.get_by_role("button", name="Approve disbursal").click()
    await expect(page.get_by_text(re.compile("this cannot be undone"))).to_be_visible()
    await page.get_by_role("button", name="Yes, approve").click()
    await expect(
        page.get_by_text(re.compile("is approved; its loans are active"))
    ).to_be_visible()

    await page.get_by_role("link", name="Loans", exact=True).click()
    await page.get_by_label("Status").select_option("ACTIVE")
    await page.get_by_role(
        "button", name="Record a repayment of invoice KL/2026/001"
    ).click()
    repayment = page.get_by_role("form", name="Repayment of invoice KL/2026/001")
    await repayment.get_by_label("Amount received (₹)").fill("25,000")
    await repayment.get_by_label("Bank reference").fill("NEFT2026120400099")
    await repayment.get_by_role("button", name="Record repayment").click()
    await expect(page.get_by_text(re.compile("₹25,000.00 is recorded"))).to_be_visible()
    await sign_out(page)


async def follow_loan_and_answer_survey(page: Page) -> None:
    await page.goto("/sme/loans")
    await sign_in(page, EMAIL, PASSWORD)
    loan = page.get_by_role("article").filter(has_text="KL/2026/001")
    await expect(loan).to_contain_text("Coastal Commercial Bank")
    await expect(
        loan.get_by_role("region", name=re.compile("Repayments"))
    ).to_contain_text("₹25,000.00")
    await check_screen(page, "sme-loan-repaid-in-part")

    await page.get_by_role("link", name="Overview", exact=True).click()
    survey = page.get_by_role("form", name="How are we doing?")
    await survey.get_by_label("9", exact=True).check()
    await survey.get_by_label(re.compile("5 of 5")).check()
    await survey.get_by_role("button", name="Send answer").click()
    await expect(page.get_by_text("Thank you for your answer.")).to_be_visible()
    await sign_out(page)


async def test_cross_role_journey(page: Page) -> None:
    pan = unique_pan("C")
    gstin = build_gstin("27", pan)
    before = await disbursed_this_month(page)

    await turn_off_instant_offers(page)
    await onboard_sme(page, pan, gstin)
    await import_and_apply(page, gstin)
    await make_offer(page)
    await accept_offer(page)
    await disburse_and_repay(page)

    await follow_loan_and_answer_survey(page)

    after = await disbursed_this_month(page)
    assert after != before, f"the disbursed volume stayed at {before}"
