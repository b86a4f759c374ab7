"""Measure GraphQL list throughput over PostgreSQL with wrk.

    .venv/bin/python bench/api_lists.py \\
        --database-url postgresql+asyncpg://postgres@127.0.0.1:5432/hundi_bench \\
        --scale 10000 --workers 2 --duration 20

The script empties the database's public schema, migrates it, seeds
`--scale` synthetic SMEs, creates a LENDER user for the first lender, starts
`hundi serve --workers N` on 127.0.0.1, and runs wrk against three queries:

- `loans`: 50 of the lender's loans, each with its invoice, SME and buyer
  (about 1,000 fields);
- `invoices`: 50 invoices of an OPS view, each with its SME and buyer;
- `node`: one loan by global id.

It prints one Markdown table row per query: requests a second, and latency
percentiles as wrk reports them. wrk comes from Debian's `wrk` package.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import asyncpg

ROOT = Path(__file__).resolve().parents[1]
HUNDI = [sys.executable, "-m", "hundi.cli"]

LOANS = (
    "{ loans(first: 50) { edges { node { id status assetClass daysPastDue "
    "advanceAmount principalOutstanding dueDate invoice { invoiceNumber totalAmount "
    "dueDate } sme { legalName stateCode industry } buyer { legalName gstin } } } } }"
)
INVOICES = (
    "{ invoices(first: 50) { edges { node { id invoiceNumber invoiceDate dueDate "
    "totalAmount status sme { legalName } buyer { legalName gstin } } } } }"
)


def _plain_url(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


async def _reset(url: str) -> tuple[str, str]:
    connection = await asyncpg.connect(_plain_url(url))
    try:
        await connection.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    finally:
        await connection.close()
    return url, ""


async def _first_lender(url: str) -> tuple[str, str]:
    connection = await asyncpg.connect(_plain_url(url))
    try:
        lender = await connection.fetchval(
            "SELECT lender_id FROM loans GROUP BY lender_id "
            "ORDER BY count(*) DESC LIMIT 1"
        )
        loan = await connection.fetchval(
            "SELECT id FROM loans WHERE lender_id = $1 LIMIT 1", lender
        )
    finally:
        await connection.close()
    return str(lender), str(loan)


def _run(command: list[str], environment: dict[str, str]) -> str:
    result = subprocess.run(
        command, env=environment, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr}")
    return result.stdout


def _wait_ready(base_url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base_url}/readyz", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    sys.exit("the server did not become ready")


def _lua(folder: Path, name: str, token: str, query: str) -> Path:
    # A Lua long bracket keeps the JSON body exactly as json.dumps wrote it.
    body = json.dumps({"query": query})
    script = folder / f"{name}.lua"
    script.write_text(
        'wrk.method = "POST"\n'
        'wrk.headers["Content-Type"] = "application/json"\n'
        f'wrk.headers["Authorization"] = "Bearer {token}"\n'
        f"wrk.body = [==[{body}]==]\n"
    )
    return script


def _check_answer(url: str, token: str, query: str) -> int:
    """Send the query once, exit if the response has errors, and return its size."""
    request = urllib.request.Request(
        url,
        data=json.dumps({"query": query}).encode(),
        headers={
            "Content-Type": "application/json",
            "Authorization": f"Bearer {token}",
        },
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        body = answer.read()
    document = json.loads(body)
    if document.get("errors") or not document.get("data"):
        sys.exit(f"the query failed, so timing it would mean nothing: {body[:500]!r}")
    return len(body)


def _wrk(url: str, script: Path, args: argparse.Namespace) -> dict[str, str]:
    output = subprocess.run(
        [
            "wrk",
            f"-t{args.threads}",
            f"-c{args.connections}",
            f"-d{args.duration}s",
            "--latency",
            "-s",
            str(script),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    figures = {"rps": re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)}  # type: ignore[union-attr]
    for percentile in ("50%", "90%", "99%"):
        found = re.search(rf"^\s+{percentile}\s+(\S+)", output, re.MULTILINE)
        figures[percentile] = found.group(1) if found else "-"
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    figures["errors"] = errors.group(1) if errors else "0"
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url", required=True, help="an empty scratch database"
    )
    parser.add_argument(
        "--scale", type=int, default=10_000, help="synthetic SMEs to seed"
    )
    parser.add_argument(
        "--workers", type=int, default=2, help="uvicorn worker processes"
    )
    parser.add_argument("--duration", type=int, default=20, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--port", type=int, default=8765, help="port to serve on")
    parser.add_argument(
        "--skip-seed", action="store_true", help="reuse the seeded database"
    )
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install wrk")

    workdir = Path(tempfile.mkdtemp(prefix="hundi-bench-"))
    base_url = f"http://127.0.0.1:{args.port}"
    environment = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "SECRET_KEY": secrets.token_urlsafe(48),
        "PUBLIC_BASE_URL": base_url,
        "VAR_DIR": str(workdir / "var"),
        "LOG_LEVEL": "WARNING",
        "DEBUG": "false",
    }
    if not args.skip_seed:
        asyncio.run(_reset(args.database_url))
        _run([*HUNDI, "migrate"], environment)
        print(
            _run([*HUNDI, "seed-demo", "--scale", str(args.scale)], environment).strip()
        )
    lender_id, loan_id = asyncio.run(_first_lender(args.database_url))
    email = f"bench-{secrets.token_hex(4)}@hundi.example"
    _run(
        [
            *HUNDI,
            "create-user",
            email,
            "--name",
            "Bench",
            "--role",
            "LENDER",
            "--lender-id",
            lender_id,
        ],
        environment,
    )
    ops_email = f"bench-ops-{secrets.token_hex(4)}@hundi.example"
    _run(
        [*HUNDI, "create-user", ops_email, "--name", "Bench", "--role", "OPS"],
        environment,
    )
    lender_token = _run([*HUNDI, "token", email, "--ttl", "3600"], environment).strip()
    ops_token = _run([*HUNDI, "token", ops_email, "--ttl", "3600"], environment).strip()

    import base64

    node_id = (
        base64.urlsafe_b64encode(f"Loan:{loan_id.replace('-', '')}".encode())
        .decode()
        .rstrip("=")
    )
    node_query = (
        f'{{ node(id: "{node_id}") {{ id ... on Loan {{ status advanceAmount '
        "invoice { invoiceNumber } } } }"
    )
    server = subprocess.Popen(
        [
            *HUNDI,
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(args.port),
            "--workers",
            str(args.workers),
        ],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_ready(base_url)
        print("\n| query | response bytes | requests/s | p50 | p90 | p99 | non-2xx |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for name, token, query in (
            ("loans (50, with invoice, SME, buyer)", lender_token, LOANS),
            ("invoices (50, with SME, buyer)", ops_token, INVOICES),
            ("node (one loan)", lender_token, node_query),
        ):
            size = _check_answer(f"{base_url}/graphql", token, query)
            script = _lua(workdir, name.split()[0], token, query)
            _wrk(
                f"{base_url}/graphql",
                script,
                argparse.Namespace(**{**vars(args), "duration": 3}),
            )
            figures = _wrk(f"{base_url}/graphql", script, args)
            cells = [name, f"{size:,}", figures["rps"], figures["50%"], figures["90%"]]
            cells += [figures["99%"], figures["errors"]]
            print("| " + " | ".join(cells) + " |")
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
