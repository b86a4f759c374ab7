"""The web app's own unit tests (Vitest), run as part of the Python suite."""

from __future__ import annotations

from support.frontend import run_npm_script


def test_frontend_unit_tests_pass() -> None:
    run_npm_script("test")
