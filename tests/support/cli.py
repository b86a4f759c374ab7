"""Run the `hundi` command in a subprocess, against a test's settings."""

from __future__ import annotations

import os
import subprocess
import sys

from hundi.settings import Settings


def run_hundi(*args: str, settings: Settings) -> subprocess.CompletedProcess[str]:
    """Run `python -m hundi.cli ARGS` with the test's database and keys."""
    environment = {
        **{key: value for key, value in os.environ.items() if key != "DEBUG"},
        "DATABASE_URL": settings.database_url,
        "OAUTH_SIGNING_KEYS": settings.oauth_signing_keys or "",
        "PUBLIC_BASE_URL": settings.public_base_url,
        "VAR_DIR": str(settings.var_dir),
    }
    return subprocess.run(
        [sys.executable, "-m", "hundi.cli", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
