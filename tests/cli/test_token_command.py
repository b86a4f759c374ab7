"""`hundi token`: a short-lived access token an operator can use in scripts."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import httpx

from hundi import models
from hundi.db import Database
from hundi.domain.enums import Role
from hundi.settings import Settings
from support.factories import add, create_buyer, create_invoice, create_sme
from support.live import LiveServer


def hundi(*args: str, settings: Settings) -> subprocess.CompletedProcess[str]:
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
        timeout=60,
        check=False,
    )


async def test_token_reads_own_invoices_only(
    database: Database, live_server: LiveServer
) -> None:
    mine = await create_sme(database)
    other = await create_sme(database)
    buyer = await create_buyer(database)
    await create_invoice(database, mine, buyer, invoice_number="MINE-7")
    theirs = await create_invoice(database, other, buyer, invoice_number="THEIRS-7")
    await add(
        database,
        models.User(
            email="owner@mine.example", full_name="Owner", role=Role.SME, sme_id=mine.id
        ),
    )

    result = await asyncio.to_thread(
        hundi, "token", "owner@mine.example", settings=live_server.settings
    )
    token = result.stdout.strip()
    from hundi.api.relay import to_global_id

    async with httpx.AsyncClient(
        base_url=live_server.url, headers={"Authorization": f"Bearer {token}"}
    ) as client:
        listed = (
            await client.post(
                "/graphql", json={"query": "{ invoices { nodes { invoiceNumber } } }"}
            )
        ).json()
        other_one = (
            await client.post(
                "/graphql",
                json={
                    "query": "query($id: ID!) { node(id: $id) { id } }",
                    "variables": {"id": to_global_id("Invoice", theirs.id)},
                },
            )
        ).json()

    assert result.returncode == 0, result.stderr
    assert [node["invoiceNumber"] for node in listed["data"]["invoices"]["nodes"]] == [
        "MINE-7"
    ]
    assert other_one["data"]["node"] is None


async def test_token_for_unknown_user_fails_clearly(
    database: Database, settings: Settings
) -> None:
    result = await asyncio.to_thread(
        hundi, "token", "nobody@x.example", settings=settings
    )

    assert result.returncode == 1
    assert "no active user has the e-mail address nobody@x.example" in result.stderr
    assert "Traceback" not in result.stderr


async def test_token_ttl_above_an_hour_rejected(
    database: Database, settings: Settings
) -> None:
    result = await asyncio.to_thread(
        hundi, "token", "x@x.example", "--ttl", "7200", settings=settings
    )

    assert result.returncode == 1
    assert "above 3600 seconds" in result.stderr


async def test_create_user_command_makes_first_admin(
    database: Database, settings: Settings, tmp_path: Path
) -> None:
    environment_settings = settings
    result = await asyncio.to_thread(
        subprocess.run,
        [
            sys.executable,
            "-m",
            "hundi.cli",
            "create-user",
            "root@hundi.example",
            "--name",
            "Root",
            "--role",
            "ADMIN",
            "--password-stdin",
        ],
        input="a very long password\n",
        capture_output=True,
        text=True,
        env={**os.environ, "DATABASE_URL": environment_settings.database_url},
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "Created ADMIN user root@hundi.example" in result.stdout
    assert "One-time password" not in result.stdout
