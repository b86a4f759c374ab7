"""Small, valid PDF files for the demo's KYC documents.

The demo writes one PDF per document so that OPS can open and preview what
an SME submitted. Each file says plainly that it is demo data.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from hundi import models
from hundi.domain.enums import KycDocumentKind
from hundi.services.documents import DocumentStore


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def demo_pdf(title: str, lines: list[str]) -> bytes:
    """Build a one-page PDF with a title and a few lines of Helvetica text."""
    text = [f"BT /F1 16 Tf 40 250 Td ({_escape(title)}) Tj ET"]
    for index, line in enumerate(lines):
        text.append(f"BT /F1 11 Tf 40 {220 - 18 * index} Td ({_escape(line)}) Tj ET")
    stream = "\n".join(text).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 300] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    output = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(output)


@dataclass(frozen=True)
class PendingDocument:
    """A KYC document row waiting for its file to be written."""

    row: models.KycDocument
    content: bytes


def kyc_documents(
    submission: models.KycSubmission, sme: models.Sme, uploaded_at: datetime
) -> list[PendingDocument]:
    """The PAN card and cancelled cheque of a demo KYC submission."""
    documents = []
    for kind, title, filename in (
        (KycDocumentKind.PAN_CARD, "PAN card (demo data)", "pan-card.pdf"),
        (
            KycDocumentKind.CANCELLED_CHEQUE,
            "Cancelled cheque (demo data)",
            "cheque.pdf",
        ),
    ):
        content = demo_pdf(
            title,
            [
                sme.legal_name,
                f"PAN {submission.pan}",
                f"Account {submission.bank_account_number}, IFSC {submission.ifsc}",
                "Generated for the Hundi demo; not a real document.",
            ],
        )
        row = models.KycDocument(
            submission_id=submission.id,
            kind=kind,
            filename=filename,
            content_type="application/pdf",
            size_bytes=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            storage_key="",
            uploaded_at=uploaded_at,
        )
        documents.append(PendingDocument(row, content))
    return documents


async def store_documents(store: DocumentStore, pending: list[PendingDocument]) -> None:
    """Write each file and point its row at the stored key."""
    for document in pending:
        document.row.storage_key = await store.put("kyc", document.content)
