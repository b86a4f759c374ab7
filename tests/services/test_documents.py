"""The document store and the content checks of uploaded files."""

from __future__ import annotations

from pathlib import Path

import pytest

from hundi.services.documents import (
    JPEG,
    PDF,
    PNG,
    DocumentStore,
    UploadedFile,
    check_upload,
    clean_filename,
    sniff_content_type,
)
from support.rows import stored_files
from support.uploads import EXECUTABLE_BYTES, jpeg_bytes, pdf_bytes, png_bytes


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (pdf_bytes(), PDF),
        (jpeg_bytes(), JPEG),
        (png_bytes(), PNG),
        (EXECUTABLE_BYTES, None),
        (b"%PD", None),
        (b"", None),
    ],
    ids=["pdf", "jpeg", "png", "executable", "truncated", "empty"],
)
def test_sniff_content_type(content: bytes, expected: str | None) -> None:
    assert sniff_content_type(content) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("invoice.pdf", "invoice.pdf"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\scan.png", "scan.png"),
        ('bad"\x00name.pdf', "badname.pdf"),
        ("", "document"),
        (None, "document"),
    ],
)
def test_clean_filename(name: str | None, expected: str) -> None:
    assert clean_filename(name) == expected


def test_check_upload_names_the_file_and_kinds() -> None:
    upload = UploadedFile("scan.pdf", png_bytes())

    [error] = check_upload(upload, ("document",), allowed=(PDF,), max_bytes=1000)

    assert error.code == "UNSUPPORTED_FILE_TYPE"
    assert error.field == ("document",)
    assert "scan.pdf is not a PDF file" in error.message


def test_check_upload_limit_is_inclusive() -> None:
    content = pdf_bytes()

    assert (
        check_upload(
            UploadedFile("a.pdf", content),
            ("f",),
            allowed=(PDF,),
            max_bytes=len(content),
        )
        == []
    )
    [error] = check_upload(
        UploadedFile("a.pdf", content),
        ("f",),
        allowed=(PDF,),
        max_bytes=len(content) - 1,
    )
    assert error.code == "FILE_TOO_LARGE"


async def test_document_store_round_trip(tmp_path: Path) -> None:
    store = DocumentStore(tmp_path)

    key = await store.put("kyc", b"%PDF-1.4 content")

    assert key.startswith("kyc/")
    assert await store.read(key) == b"%PDF-1.4 content"
    assert stored_files(tmp_path) == [tmp_path / key]


async def test_document_store_delete(tmp_path: Path) -> None:
    store = DocumentStore(tmp_path)
    key = await store.put("invoices", b"%PDF-")

    await store.delete(key)
    await store.delete(key)

    assert stored_files(tmp_path) == []


@pytest.mark.parametrize(
    "key", ["../secret", "kyc/../../etc/passwd", "kyc/abc", "/etc/passwd"]
)
def test_document_store_rejects_foreign_keys(tmp_path: Path, key: str) -> None:
    with pytest.raises(ValueError, match="not one this store generates"):
        DocumentStore(tmp_path).path(key)
