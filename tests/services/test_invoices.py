"""Uploading one invoice: two uploads of the same invoice at the same time."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from hundi import models
from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.enums import Role
from hundi.services import invoices
from hundi.services.documents import DocumentStore, UploadedFile
from hundi.services.errors import FieldErrors
from hundi.services.invoice_intake import Duplicates
from hundi.services.invoices import InvoiceForm, upload_invoice
from hundi.settings import Settings
from support.factories import create_sme, create_user
from support.rows import count_rows, stored_files
from support.uploads import pdf_bytes


def invoice_form(content: bytes, number: str = "INV/2026/0042") -> InvoiceForm:
    invoice_date = india_today() - timedelta(days=5)
    return InvoiceForm(
        buyer_gstin="27AAPFU0939F1ZV",
        buyer_name="Umang Pumps LLP",
        invoice_number=number,
        invoice_date=invoice_date,
        due_date=invoice_date + timedelta(days=30),
        taxable_value=Decimal("10000.00"),
        gst_amount=Decimal("1800.00"),
        total_amount=Decimal("11800.00"),
        document=UploadedFile("invoice.pdf", content),
    )


async def upload_twice_at_once(
    database: Database, settings: Settings, first: InvoiceForm, second: InvoiceForm
) -> list[models.Invoice | BaseException]:
    sme = await create_sme(database, state_code="29")
    actor = await create_user(database, Role.SME, sme=sme)
    store = DocumentStore(settings.documents_dir)

    return await asyncio.gather(
        upload_invoice(database, actor, first, store=store, max_document_bytes=10**6),
        upload_invoice(database, actor, second, store=store, max_document_bytes=10**6),
        return_exceptions=True,
    )


def failure_codes(results: list[models.Invoice | BaseException]) -> list[set[str]]:
    """The error codes of each upload that failed; re-raise unexpected errors."""
    codes = []
    for result in results:
        if isinstance(result, FieldErrors):
            codes.append({error.code for error in result.errors})
        elif isinstance(result, BaseException):
            raise result
    return codes


async def test_upload_invoice_same_invoice_at_once_one_wins(
    database: Database, settings: Settings
) -> None:
    content = pdf_bytes()

    results = await upload_twice_at_once(
        database, settings, invoice_form(content), invoice_form(content)
    )

    saved = [result for result in results if isinstance(result, models.Invoice)]
    assert len(saved) == 1
    assert failure_codes(results) == [{"DUPLICATE_INVOICE"}]
    assert await count_rows(database, models.Invoice) == 1
    assert await count_rows(database, models.InvoiceDocument) == 1
    assert await count_rows(database, models.Buyer) == 1
    assert len(stored_files(Path(settings.documents_dir))) == 1


async def test_upload_invoice_same_pdf_at_once_one_wins(
    database: Database, settings: Settings
) -> None:
    content = pdf_bytes()

    results = await upload_twice_at_once(
        database,
        settings,
        invoice_form(content, "INV/1"),
        invoice_form(content, "INV/2"),
    )

    assert len([r for r in results if isinstance(r, models.Invoice)]) == 1
    assert failure_codes(results) == [{"DUPLICATE_INVOICE"}]
    assert await count_rows(database, models.InvoiceDocument) == 1


async def test_upload_invoice_different_invoices_at_once_both_saved(
    database: Database, settings: Settings
) -> None:
    results = await upload_twice_at_once(
        database,
        settings,
        invoice_form(pdf_bytes(), "INV/1"),
        invoice_form(pdf_bytes(), "INV/2"),
    )

    assert failure_codes(results) == []
    assert await count_rows(database, models.Invoice) == 2
    assert await count_rows(database, models.Buyer) == 1


async def test_upload_invoice_constraint_is_final_guard(
    database: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = pdf_bytes()
    sme = await create_sme(database, state_code="29")
    actor = await create_user(database, Role.SME, sme=sme)
    store = DocumentStore(settings.documents_dir)
    await upload_invoice(
        database, actor, invoice_form(content), store=store, max_document_bytes=10**6
    )

    async def nothing_found(*_: object) -> Duplicates:
        return Duplicates()

    # The checks miss the first upload, as when both run at the same moment.
    monkeypatch.setattr(invoices, "find_duplicates", nothing_found)
    with pytest.raises(FieldErrors) as failure:
        await upload_invoice(
            database,
            actor,
            invoice_form(content),
            store=store,
            max_document_bytes=10**6,
        )

    assert [error.code for error in failure.value.errors] == ["DUPLICATE_INVOICE"]
    assert await count_rows(database, models.Invoice) == 1
    assert len(stored_files(Path(settings.documents_dir))) == 1
