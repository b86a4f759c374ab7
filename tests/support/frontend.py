"""Build the web app for browser tests, once, and only when its sources changed.

The build is current when frontend/dist holds a stamp with the SHA-256 of
every source file of the app and of schema.graphql (the operations' types
are generated from it). Otherwise `npm ci` runs when node_modules is
missing or older than package-lock.json, then `npm run build`.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

from hundi.paths import SCHEMA_FILE

FRONTEND = Path(__file__).resolve().parents[2] / "frontend"
DIST = FRONTEND / "dist"
STAMP = DIST / ".source-sha256"
SOURCE_FILES = [
    "index.html",
    "package.json",
    "package-lock.json",
    "vite.config.ts",
    "codegen.ts",
    "tsconfig.json",
]


class FrontendBuildError(RuntimeError):
    """npm is missing, or installing, building or testing the web app failed."""


def source_hash() -> str:
    """Hash the web app's sources and the schema its types come from."""
    digest = hashlib.sha256()
    paths = [FRONTEND / name for name in SOURCE_FILES]
    paths += sorted(
        path
        for path in (FRONTEND / "src").rglob("*")
        if path.is_file() and "gql" not in path.relative_to(FRONTEND / "src").parts
    )
    paths.append(SCHEMA_FILE)
    for path in paths:
        digest.update(str(path.relative_to(FRONTEND.parent)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def run_npm_script(name: str) -> None:
    """Run `npm run NAME` in frontend/; raise FrontendBuildError when it fails."""
    install_dependencies()
    _run(["npm", "run", name])


def _run(command: list[str]) -> None:
    completed = subprocess.run(
        command, cwd=FRONTEND, capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        output = (completed.stdout + completed.stderr)[-4000:]
        raise FrontendBuildError(
            f"`{' '.join(command)}` in {FRONTEND} failed "
            f"with exit code {completed.returncode}:\n{output}"
        )


def _needs_install() -> bool:
    installed = FRONTEND / "node_modules" / ".package-lock.json"
    lock = FRONTEND / "package-lock.json"
    return not installed.is_file() or installed.stat().st_mtime < lock.stat().st_mtime


def install_dependencies() -> None:
    """Run `npm ci` when node_modules is missing or older than the lock file."""
    if shutil.which("npm") is None:
        raise FrontendBuildError(
            "npm is not installed; install Node.js 20 with npm to build the web app."
        )
    if _needs_install():
        _run(["npm", "ci", "--no-audit", "--no-fund"])


def build_frontend() -> Path:
    """Return frontend/dist, building it first when it is missing or stale."""
    wanted = source_hash()
    built = (DIST / "index.html").is_file() and STAMP.is_file()
    if built and STAMP.read_text().strip() == wanted:
        return DIST

    install_dependencies()
    _run(["npm", "run", "build"])
    STAMP.write_text(wanted + "\n")
    return DIST
