"""Helpers for browser tests: sign-in, screenshots and the accessibility check."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from axe_playwright_python.async_playwright import Axe
from playwright.async_api import Page, expect

CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"
DEMO_PASSWORD = "hundi-demo"
BLOCKING_IMPACTS = {"serious", "critical"}

_axe = Axe()


async def sign_in(page: Page, email: str, password: str = DEMO_PASSWORD) -> None:
    """Sign in on the provider's sign-in page, once the browser reached it."""
    await expect(
        page.get_by_role("heading", name="Sign in", exact=True)
    ).to_be_visible()
    await page.get_by_label("E-mail address").fill(email)
    await page.get_by_label("Password").fill(password)
    await page.get_by_role("button", name="Sign in").click()


async def sign_in_from_start(page: Page, email: str, home: str) -> None:
    """Open the start page, press Sign in, and land on the role's home."""
    await page.goto("/")
    await page.get_by_role("link", name="Sign in").first.click()
    await sign_in(page, email)
    await expect(page).to_have_url(re.compile(f"{re.escape(home)}$"))


async def sign_out(page: Page) -> None:
    await page.get_by_role("button", name="Sign out").click()
    await expect(
        page.get_by_role("link", name="Register your business")
    ).to_be_visible()


async def screenshot(page: Page, name: str) -> None:
    """Save a full-page screenshot of the current screen."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


async def blocking_violations(page: Page) -> list[str]:
    """Run axe-core on the page; describe each serious or critical violation."""
    results: Any = await _axe.run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} "
        f"at {[node['target'] for node in violation['nodes']][:3]}"
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


async def check_screen(page: Page, name: str) -> None:
    """Screenshot a main screen once it settled, and check its accessibility."""
    await expect(page.locator("main h1").first).to_be_visible()
    await expect(page.get_by_text("Loading…")).to_have_count(0)
    await screenshot(page, name)
    violations = await blocking_violations(page)
    assert violations == [], f"axe found problems on {name}: {violations}"


async def fits_phone_width(page: Page) -> bool:
    """Whether the page has no sideways scrolling at its current width."""
    return bool(
        await page.evaluate(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )
    )


async def wider_than_page(page: Page) -> list[str]:
    """Describe the innermost elements that reach past the page's right edge.

    Elements inside a container that scrolls or clips sideways are left out.
    """
    return list(
        await page.evaluate(
            """() => {
              const width = document.documentElement.clientWidth;
              const clipped = (element) => {
                for (let up = element.parentElement; up; up = up.parentElement) {
                  if (getComputedStyle(up).overflowX !== "visible") return true;
                }
                return false;
              };
              const wide = [...document.body.querySelectorAll("*")].filter(
                (element) =>
                  element.getBoundingClientRect().right > width + 1 && !clipped(element)
              );
              return wide
                .filter((element) => !wide.some((other) => other !== element && element.contains(other)))
                .slice(0, 5)
                .map((element) => `${element.tagName.toLowerCase()}.${element.className} ` +
                  `(${Math.round(element.getBoundingClientRect().right)}px): ` +
                  element.textContent.slice(0, 60));
            }"""
        )
    )
