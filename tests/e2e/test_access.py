"""Sign-in, sign-out, sessions and role gating in the browser."""

from __future__ import annotations

import re

from playwright.async_api import Page, Request, expect

from support.browser import check_screen, sign_in, sign_in_from_start, sign_out


async def test_landing_and_registration_form(page: Page) -> None:
    async with page.expect_request(is_visit_report, timeout=10_000):
        await page.goto("/")

    await expect(page.get_by_role("heading", level=1)).to_contain_text("Get paid")
    await check_screen(page, "landing")
    await page.get_by_role("link", name="Register your business").click()
    await expect(page).to_have_url(re.compile("/register$"))
    await page.get_by_role("button", name="Register").click()

    await expect(page.get_by_text("Legal form is missing; choose one.")).to_be_visible()
    await check_screen(page, "register")


async def test_registration_errors_shown_by_field(page: Page) -> None:
    await page.goto("/register")
    await page.get_by_label("Legal form").select_option("LLP")
    await page.get_by_label("State of the principal place of business").select_option(
        "27"
    )
    await page.get_by_label("How did you hear about Hundi?").select_option("ORGANIC")
    await page.get_by_label("E-mail address").fill("not-an-address")

    await page.get_by_role("button", name="Register").click()

    email = page.get_by_label("E-mail address")
    await expect(email).to_have_attribute("aria-invalid", "true")
    await expect(page.locator("#email-error")).to_contain_text("is invalid")
    await expect(page.locator("#legalName-error")).to_be_visible()


async def test_direct_link_signs_in_then_returns(page: Page) -> None:
    await page.goto("/sme/loans")

    await sign_in(page, "sme@hundi.example")

    await expect(page).to_have_url(re.compile("/sme/loans$"))
    await expect(
        page.get_by_role("heading", name="Loans and repayments")
    ).to_be_visible()


async def test_session_survives_reload_without_tokens_in_storage(page: Page) -> None:
    await sign_in_from_start(page, "sme@hundi.example", "/sme")

    await page.reload()

    await expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    storage = await page.evaluate(
        "Object.entries({...localStorage, ...sessionStorage})"
    )
    cookies = {cookie["value"] for cookie in await page.context.cookies()}
    assert {key for key, _ in storage} <= {"hundi.visitorId", "hundi.visitRecorded"}
    assert [value for _, value in storage if value in cookies] == []
    assert "hundi_session" not in await page.evaluate("document.cookie")


async def test_expired_session_returns_after_sign_in(page: Page) -> None:
    await sign_in_from_start(page, "sme@hundi.example", "/sme")
    await page.get_by_role("link", name="Invoices", exact=True).click()
    await expect(page.get_by_role("heading", name="Invoices")).to_be_visible()
    cookies = await page.context.cookies()
    csrf = next(cookie["value"] for cookie in cookies if cookie["name"] == "hundi_csrf")
    await page.request.post("/auth/logout", headers={"X-CSRF-Token": csrf})
    await page.context.add_cookies(
        cookies
    )  # the browser keeps the cookies of the ended session

    await page.get_by_role("link", name="Loans", exact=True).click()
    await sign_in(page, "sme@hundi.example")

    await expect(page).to_have_url(re.compile("/sme/loans$"))
    await expect(
        page.get_by_role("heading", name="Loans and repayments")
    ).to_be_visible()


async def test_other_role_section_not_allowed(page: Page) -> None:
    await sign_in_from_start(page, "sme@hundi.example", "/sme")

    await page.goto("/admin/machine-clients")

    await expect(
        page.get_by_role("heading", name="You cannot open this page")
    ).to_be_visible()
    await expect(page.get_by_role("link", name="Go to your SME pages")).to_be_visible()
    await check_screen(page, "not-allowed")


async def test_unknown_page_not_found(page: Page) -> None:
    await sign_in_from_start(page, "ops@hundi.example", "/ops")

    await page.goto("/ops/no-such-page")

    await expect(page.get_by_role("heading", name="Page not found")).to_be_visible()


async def test_sign_out_ends_session(page: Page) -> None:
    await sign_in_from_start(page, "management@hundi.example", "/management")

    await sign_out(page)
    await page.goto("/management")

    await expect(page.get_by_label("E-mail address")).to_be_visible()


def is_visit_report(request: Request) -> bool:
    body = request.post_data or ""
    return (
        request.url.endswith("/graphql")
        and "recordProductEvents" in body
        and "VISIT" in body
    )
