"""The demo's KYC documents: valid PDFs on disk, one row each."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from hundi import models
from hundi.db import Database
from hundi.seed.demo import seed_demo
from hundi.seed.documents import demo_pdf
from hundi.services.documents import DocumentStore


def test_demo_pdf_cross_reference_points_at_each_object() -> None:
    content = demo_pdf(
        "PAN card (demo data)", ["Kaveri Textiles (Private) Limited", "PAN AAPCV1234K"]
    )

    start = int(re.search(rb"startxref\n(\d+)", content).group(1))  # type: ignore[union-attr]
    entries = content[start:].split(b"\n")[3:8]
    assert content.startswith(b"%PDF-1.4")
    assert content[start : start + 4] == b"xref"
    for number, entry in enumerate(entries, start=1):
        offset = int(entry[:10])
        assert content[offset:].startswith(b"%d 0 obj" % number)


async def test_demo_kyc_documents_stored(database: Database, tmp_path: Path) -> None:
    await seed_demo(database, as_of=date(2026, 12, 4), documents_dir=tmp_path)

    async with database.session() as session:
        submissions = await session.scalar(
            select(func.count()).select_from(models.KycSubmission)
        )
        documents = list((await session.scalars(select(models.KycDocument))).all())

    assert len(documents) == 2 * (submissions or 0)
    stored = await DocumentStore(tmp_path).read(documents[0].storage_key)
    assert stored.startswith(b"%PDF-")
    assert len(stored) == documents[0].size_bytes
