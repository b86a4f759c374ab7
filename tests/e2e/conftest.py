"""Browser tests: the built web app on a real Hundi, driven in Chromium.

Each test gets a fresh database with the demo data, a server over it on
127.0.0.1, and a new browser context. Screenshots of the main screens go to
test-results/screenshots/, and a failing test leaves one of its last page.
The tests use Playwright's async API: the database fixtures run on
pytest-asyncio's event loop, which the sync API would block.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Browser, BrowserContext, Page, async_playwright

from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.seed.demo import seed_demo
from hundi.settings import Settings
from support.browser import CHROMIUM_ARGS, CHROMIUM_PATH, SCREENSHOTS
from support.frontend import build_frontend
from support.live import LiveServer, start_server


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in item.nodeid:
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[Any]) -> Any:
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def frontend_dist() -> Path:
    return build_frontend()


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(
            executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS
        )
        yield chromium
        await chromium.close()


@pytest.fixture
async def demo_database(database: Database) -> Database:
    """The test database with the demo data as of today in India."""
    await seed_demo(database, as_of=india_today())
    return database


@pytest.fixture
def app_server(
    demo_database: Database, live_settings: Settings, frontend_dist: Path
) -> Iterator[LiveServer]:
    server = start_server(live_settings, frontend_dist=frontend_dist)
    yield server
    server.stop()


@pytest.fixture
async def context(
    browser: Browser, app_server: LiveServer
) -> AsyncIterator[BrowserContext]:
    context = await browser.new_context(
        base_url=app_server.url,
        viewport={"width": 1280, "height": 900},
        locale="en-IN",
        timezone_id="Asia/Kolkata",
        accept_downloads=True,
    )
    context.set_default_timeout(10_000)
    yield context
    await context.close()


@pytest.fixture
async def page(
    request: pytest.FixtureRequest, context: BrowserContext
) -> AsyncIterator[Page]:
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page

    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = request.node.name.replace("/", "_")
        await page.screenshot(
            path=str(SCREENSHOTS / f"failed-{name}.png"), full_page=True
        )
    assert errors == [], f"the page raised JavaScript errors: {errors}"
