"""GET /exports/loans.csv: a lender's own loans as CSV, with the portfolio's filters."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from hundi import models
from hundi.api.loan_export_route import COLUMNS
from hundi.api.relay import to_global_id
from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.enums import Role
from hundi.services.actor import Actor
from hundi.services.lending import loan_list
from hundi.settings import Settings
from support.asgi import ACTOR_HEADER, http_client
from support.factories import create_buyer, platform_actor
from support.lending import Book, active_loans, invoice_due, open_book, repaid


async def _book(database: Database) -> tuple[Book, list[models.Loan]]:
    """Two loans paid out 10 days ago, due in 20 and 40 days, by due date."""
    book = await open_book(database)
    today = india_today()
    on = today - timedelta(days=10)
    risky = await create_buyer(database, legal_name="=HYPERLINK(evil)")
    invoices = [
        await invoice_due(database, book, today + timedelta(days=40)),
        await invoice_due(database, book, today + timedelta(days=20), buyer=risky),
    ]
    loans = await active_loans(database, book, invoices, on=on)
    return book, loans


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


async def test_export_loans_csv_lists_own_loans(
    database: Database, settings: Settings, tmp_path: Path
) -> None:
    book, loans = await _book(database)
    await _book(database)
    actors = {"maker": book.maker}

    async with http_client(settings, database, actors, tmp_path) as client:
        response = await client.get(
            "/exports/loans.csv", headers={ACTOR_HEADER: "maker"}
        )

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.text.splitlines()[0] == ",".join(COLUMNS)
    rows = _rows(response.text)
    # Ordered by due date: the loan due in 20 days first.
    assert [row["loan_id"] for row in rows] == [
        to_global_id("Loan", loan.id) for loan in loans
    ]
    assert rows[0]["due_date"] < rows[1]["due_date"]
    assert rows[0]["buyer_name"] == "'=HYPERLINK(evil)"
    assert rows[0]["advance_amount"] == "94400.00"
    assert rows[0]["annual_rate"] == "0.12"
    assert rows[0]["written_off_amount"] == ""


async def test_export_loans_csv_filters(
    database: Database, settings: Settings, tmp_path: Path
) -> None:
    book, loans = await _book(database)
    await repaid(database, book, loans[1], Decimal("94400.00"), india_today())
    actors = {"maker": book.maker}
    due_to = (india_today() + timedelta(days=30)).isoformat()

    async with http_client(settings, database, actors, tmp_path) as client:
        repaid_only = await client.get(
            "/exports/loans.csv?status=REPAID", headers={ACTOR_HEADER: "maker"}
        )
        due_soon = await client.get(
            f"/exports/loans.csv?dueDateTo={due_to}&status=ACTIVE&status=REPAID",
            headers={ACTOR_HEADER: "maker"},
        )

    assert [row["status"] for row in _rows(repaid_only.text)] == ["REPAID"]
    assert [row["loan_id"] for row in _rows(due_soon.text)] == [
        to_global_id("Loan", loans[0].id)
    ]


async def test_export_loans_csv_streams_in_batches(
    database: Database, settings: Settings, tmp_path: Path, monkeypatch
) -> None:
    book, loans = await _book(database)
    monkeypatch.setattr(loan_list, "EXPORT_BATCH", 1)
    actors = {"maker": book.maker}

    async with http_client(settings, database, actors, tmp_path) as client:
        response = await client.get(
            "/exports/loans.csv", headers={ACTOR_HEADER: "maker"}
        )

    assert len(_rows(response.text)) == len(loans)


async def test_export_loans_csv_machine_client_allowed(
    database: Database, settings: Settings, tmp_path: Path
) -> None:
    book, loans = await _book(database)
    machine = Actor(role=Role.LENDER, lender_id=book.lender.id, client_id="sync")

    async with http_client(settings, database, {"m": machine}, tmp_path) as client:
        response = await client.get("/exports/loans.csv", headers={ACTOR_HEADER: "m"})

    assert len(_rows(response.text)) == len(loans)


async def test_export_loans_csv_refuses_others(
    database: Database, settings: Settings, tmp_path: Path
) -> None:
    actors = {"ops": platform_actor(Role.OPS)}

    async with http_client(settings, database, actors, tmp_path) as client:
        anonymous = await client.get("/exports/loans.csv")
        ops = await client.get("/exports/loans.csv", headers={ACTOR_HEADER: "ops"})

    assert anonymous.status_code == 401
    assert ops.status_code == 403


async def test_export_loans_csv_bad_filter_rejected(
    database: Database, settings: Settings, tmp_path: Path
) -> None:
    book = await open_book(database)

    async with http_client(settings, database, {"m": book.maker}, tmp_path) as client:
        status = await client.get(
            "/exports/loans.csv?status=LATE", headers={ACTOR_HEADER: "m"}
        )
        day = await client.get(
            "/exports/loans.csv?dueDateFrom=31-03-2026", headers={ACTOR_HEADER: "m"}
        )

    assert status.status_code == 400
    assert "status 'LATE' is not one of" in status.json()["error"]
    assert day.status_code == 400
    assert "YYYY-MM-DD" in day.json()["error"]
