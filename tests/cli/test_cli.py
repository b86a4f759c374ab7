"""The `hundi` command: every bad input ends in one clear line and a non-zero exit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hundi.paths import REPOSITORY_ROOT

HUNDI = [sys.executable, "-m", "hundi.cli"]


def run(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DEBUG"}
    }
    environment.update(env or {})
    return subprocess.run(
        [*HUNDI, *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=cwd or REPOSITORY_ROOT,
        timeout=120,
        check=False,
    )


def assert_one_clear_error(result: subprocess.CompletedProcess[str], text: str) -> None:
    assert result.returncode != 0
    assert text in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["serve", "migrate", "seed-demo", "export-schema"])
def test_cli_help_describes_every_option(command: str) -> None:
    result = run(command, "--help")

    assert result.returncode == 0
    assert "usage: hundi" in result.stdout


def test_cli_unknown_option_rejected() -> None:
    result = run("migrate", "--frobnicate")

    assert result.returncode == 2
    assert_one_clear_error(result, "unrecognized arguments: --frobnicate")


def test_cli_unknown_command_rejected() -> None:
    result = run("launch-rockets")

    assert_one_clear_error(result, "invalid choice")


def test_cli_unsupported_database_url_rejected() -> None:
    result = run("migrate", env={"DATABASE_URL": "mysql://root@localhost/hundi"})

    assert_one_clear_error(result, "DATABASE_URL uses driver 'mysql'")


def test_cli_unreachable_database_reported() -> None:
    result = run(
        "migrate", env={"DATABASE_URL": "postgresql+asyncpg://nobody@127.0.0.1:1/hundi"}
    )

    assert_one_clear_error(
        result, "cannot use the database postgresql+asyncpg://nobody@127.0.0.1:1/hundi"
    )


def test_cli_seed_unmigrated_database_refused(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}"

    result = run("seed-demo", env={"DATABASE_URL": url})

    assert_one_clear_error(result, "run `hundi migrate` first")


def test_cli_seed_database_with_data_refused(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'demo.db'}"
    assert run("migrate", env={"DATABASE_URL": url}).returncode == 0
    assert run("seed-demo", env={"DATABASE_URL": url}).returncode == 0

    again = run("seed-demo", env={"DATABASE_URL": url})
    quietly = run("seed-demo", "--if-empty", env={"DATABASE_URL": url})

    assert_one_clear_error(again, "the database already has data")
    assert quietly.returncode == 0


def test_cli_seed_scale_must_be_positive() -> None:
    result = run("seed-demo", "--scale", "0")

    assert_one_clear_error(result, "0 must be greater than 0")


def test_cli_export_schema_check_detects_stale_file(tmp_path: Path) -> None:
    stale = tmp_path / "schema.graphql"
    stale.write_text("type Query { old: Int }\n")

    result = run("export-schema", "--output", str(stale), "--check")

    assert_one_clear_error(result, "is stale")


def test_cli_export_schema_writes_file(tmp_path: Path) -> None:
    output = tmp_path / "schema.graphql"

    result = run("export-schema", "--output", str(output))

    assert result.returncode == 0
    assert "type Query" in output.read_text()


def test_cli_migrate_unknown_revision_reported(tmp_path: Path) -> None:
    result = run(
        "migrate",
        "--revision",
        "nonsense",
        env={"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'm.db'}"},
    )

    assert_one_clear_error(result, "cannot migrate to revision 'nonsense'")


def test_cli_migrate_reports_the_real_revision(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'm.db'}"
    assert run("migrate", env={"DATABASE_URL": url}).returncode == 0

    result = run("migrate", "--revision", "base", env={"DATABASE_URL": url})

    assert result.returncode == 0
    assert "is at revision base" not in result.stdout
    assert "only upgrades" in result.stdout
