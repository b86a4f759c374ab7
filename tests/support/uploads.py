"""Files for upload tests, as Starlette hands them to the GraphQL resolvers."""

from __future__ import annotations

import io
import itertools

from starlette.datastructures import Headers, UploadFile

_serial = itertools.count(1)


def upload(
    content: bytes, filename: str, content_type: str = "application/octet-stream"
) -> UploadFile:
    return UploadFile(
        io.BytesIO(content),
        size=len(content),
        filename=filename,
        headers=Headers({"content-type": content_type}),
    )


def pdf_bytes() -> bytes:
    """A small PDF whose bytes no other call returns, so its SHA-256 is new."""
    return (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"
        + f"% test document {next(_serial)}\n".encode()
        + b"trailer << /Root 1 0 R >>\n%%EOF\n"
    )


def png_bytes() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + next(_serial).to_bytes(8)


def jpeg_bytes() -> bytes:
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + next(_serial).to_bytes(8)


# The first bytes of a Windows executable.
EXECUTABLE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"


def pdf(filename: str = "invoice.pdf") -> UploadFile:
    return upload(pdf_bytes(), filename, "application/pdf")
