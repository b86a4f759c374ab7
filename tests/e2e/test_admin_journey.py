"""An administrator manages users, lender partners and machine clients."""

from __future__ import annotations

import re

from playwright.async_api import Page, expect

from support.browser import check_screen, sign_in_from_start


async def test_admin_journey(page: Page) -> None:
    await sign_in_from_start(page, "admin@hundi.example", "/admin")
    users = page.get_by_role("region", name="Users")
    await expect(users.get_by_text("ops@hundi.example")).to_be_visible()
    await check_screen(page, "admin-users")

    form = page.get_by_role("form", name="Add a user")
    await form.get_by_label("E-mail address").fill("new.ops@hundi.example")
    await form.get_by_label("Full name").fill("Meera Iyer")
    await form.get_by_label("Role").select_option("OPS")
    await form.get_by_role("button", name="Add user").click()
    await expect(
        page.get_by_text("new.ops@hundi.example can now sign in.")
    ).to_be_visible()
    await expect(page.get_by_role("button", name="Copy the password")).to_be_visible()
    await expect(users.get_by_text("new.ops@hundi.example")).to_be_visible()

    await page.get_by_role("button", name="Change the role of Meera Iyer").click()
    group = page.get_by_role("group", name="New role of Meera Iyer")
    await group.get_by_label("Role").select_option("MANAGEMENT")
    await group.get_by_role("button", name="Save role").click()
    row = users.locator("tr", has_text="new.ops@hundi.example")
    await expect(row).to_contain_text("Management")
    page.once("dialog", lambda dialog: dialog.accept())
    await page.get_by_role("button", name="Deactivate Meera Iyer").click()
    await expect(users.get_by_text("new.ops@hundi.example")).to_have_count(0)

    await page.get_by_role("link", name="Lender partners", exact=True).click()
    lenders = page.get_by_role("region", name="Lender partners")
    await expect(lenders.get_by_text("Coastal Commercial Bank")).to_be_visible()
    await check_screen(page, "admin-lenders")

    await page.get_by_role("link", name="Machine clients", exact=True).click()
    clients = page.get_by_role("region", name="Machine clients")
    await expect(clients.get_by_text("demo-lender-api")).to_be_visible()
    await page.get_by_label("Lender", exact=True).select_option(
        label="Sahyog Finance Ltd"
    )
    await page.get_by_label("What the client is").fill("Sahyog loan system")
    await page.get_by_role("button", name="Create client").click()
    await expect(
        page.get_by_text("Copy the secret now: it is shown only this once.")
    ).to_be_visible()
    secret = (await page.locator(".secret").nth(1).inner_text()).strip()
    assert len(secret) >= 20
    await expect(page.get_by_role("button", name="Copy the secret")).to_be_visible()
    await check_screen(page, "admin-machine-clients")

    await page.reload()
    await expect(clients.get_by_text("Sahyog loan system")).to_be_visible()
    assert secret not in await page.content()


async def test_admin_targets_spend_and_incidents(page: Page) -> None:
    await sign_in_from_start(page, "admin@hundi.example", "/admin")

    await page.get_by_role("link", name="KPI targets", exact=True).click()
    await page.get_by_role("button", name="Change the target of Approval rate").click()
    group = page.get_by_role("group", name="Target of Approval rate")
    await group.get_by_label("Lower bound").fill("55")
    await group.get_by_role("button", name="Save target").click()
    targets = page.get_by_role("region", name="KPI targets")
    await expect(targets.locator("tr", has_text="Approval rate")).to_contain_text("55")
    await check_screen(page, "admin-kpi-targets")

    await page.get_by_role("link", name="Marketing spend", exact=True).click()
    await page.get_by_label("Amount (₹)").fill("1,25,000")
    await page.get_by_role("button", name="Record spend").click()
    await expect(page.get_by_text("The spend is recorded.")).to_be_visible()
    spend = page.get_by_role("region", name="Marketing spend")
    await expect(spend).to_contain_text("₹1,25,000.00")
    await check_screen(page, "admin-marketing-spend")

    await page.get_by_role("link", name="Security incidents", exact=True).click()
    await page.get_by_label("Happened at (India time)").fill("2026-11-02T10:15")
    await page.get_by_label("Noticed at (India time)").fill("2026-11-02T11:00")
    await page.get_by_label("Severity").select_option("MEDIUM")
    await page.get_by_label("Title").fill("Phishing e-mail to operations staff")
    await page.get_by_label(re.compile("What happened")).fill(
        "One staff member opened a phishing link; the session was revoked."
    )
    await page.get_by_role("button", name="Record incident").click()
    incidents = page.get_by_role("region", name="Security incidents")
    await expect(incidents).to_contain_text("Phishing e-mail to operations staff")
    await incidents.get_by_role(
        "button", name=re.compile("Mark .* resolved")
    ).first.click()
    await expect(incidents).to_contain_text("Resolved")
    await check_screen(page, "admin-incidents")

    await page.get_by_role("link", name="Lender partners", exact=True).click()
    form = page.get_by_role("form", name="Onboard a lender partner")
    await form.get_by_label("Legal name").fill("Udaan Small Finance Bank")
    await form.get_by_label("Kind").select_option("BANK")
    await form.get_by_label("RBI registration or licence number").fill("RBI-SFB-000912")
    await form.get_by_label("Contact person").fill("Neha Kulkarni")
    await form.get_by_label("Contact e-mail").fill("credit@udaan-sfb.example")
    await form.get_by_role("button", name="Onboard lender").click()
    lenders = page.get_by_role("region", name="Lender partners")
    await expect(lenders).to_contain_text("Udaan Small Finance Bank")
