"""Downloading KYC documents and invoice PDFs over HTTP, only by those who may."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.enums import Role
from hundi.services.actor import Actor
from hundi.settings import Settings
from support.asgi import ACTOR_HEADER, http_client
from support.factories import create_lender, create_sme, create_user, lender_actor
from support.graphql import GraphQLClient
from support.kyc import registered_sme_user, submit_kyc
from support.uploads import pdf_bytes, upload

UPLOAD = """
mutation Upload($input: UploadInvoiceInput!) {
  uploadInvoice(input: $input) {
    invoice { documents { downloadPath } }
    errors { code }
  }
}
"""


@pytest.fixture
def actors() -> dict[str, Actor]:
    return {}


@pytest.fixture
async def client(
    settings: Settings, database: Database, actors: dict[str, Actor], tmp_path: Path
) -> AsyncIterator[httpx.AsyncClient]:
    async with http_client(settings, database, actors, tmp_path) as client:
        yield client


async def get_as(client: httpx.AsyncClient, actor_key: str, path: str) -> Any:
    return await client.get(path, headers={ACTOR_HEADER: actor_key})


@pytest.fixture
async def kyc_document(
    database: Database, gql: GraphQLClient, actors: dict[str, Actor]
) -> tuple[str, bytes]:
    """Submit KYC as the SME "owner"; return a document's path and content."""
    _, owner = await registered_sme_user(database)
    actors["owner"] = owner
    content = pdf_bytes()
    documents = [{"kind": "PAN_CARD", "file": upload(content, "pan card.pdf")}]
    submission = await submit_kyc(gql, owner, documents=documents)
    path: str = submission["documents"][0]["downloadPath"]
    return path, content


async def test_kyc_document_owner_downloads(
    client: httpx.AsyncClient, kyc_document: tuple[str, bytes]
) -> None:
    path, content = kyc_document

    response = await get_as(client, "owner", path)

    assert response.status_code == 200
    assert response.content == content
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "attachment" in response.headers["content-disposition"]
    assert "pan%20card.pdf" in response.headers["content-disposition"]


async def test_kyc_document_ops_downloads(
    database: Database,
    client: httpx.AsyncClient,
    actors: dict[str, Actor],
    kyc_document: tuple[str, bytes],
) -> None:
    actors["ops"] = await create_user(database, Role.OPS)

    response = await get_as(client, "ops", kyc_document[0])

    assert response.status_code == 200


async def test_kyc_document_other_sme_not_found(
    database: Database,
    client: httpx.AsyncClient,
    actors: dict[str, Actor],
    kyc_document: tuple[str, bytes],
) -> None:
    other = await create_sme(database)
    actors["other"] = await create_user(database, Role.SME, sme=other)
    actors["lender"] = lender_actor(await create_lender(database))

    for key in ("other", "lender"):
        response = await get_as(client, key, kyc_document[0])
        assert response.status_code == 404, key
        assert response.json() == {"error": "Document not found."}


async def test_kyc_document_anonymous_unauthorized(
    client: httpx.AsyncClient, kyc_document: tuple[str, bytes]
) -> None:
    response = await client.get(kyc_document[0])

    assert response.status_code == 401


@pytest.mark.parametrize(
    "path", ["/documents/kyc/not-an-id", "/documents/invoices/not-an-id"]
)
async def test_document_garbage_id_not_found(
    database: Database,
    client: httpx.AsyncClient,
    actors: dict[str, Actor],
    path: str,
) -> None:
    actors["ops"] = await create_user(database, Role.OPS)

    response = await get_as(client, "ops", path)

    assert response.status_code == 404


async def test_invoice_document_owner_only(
    database: Database,
    gql: GraphQLClient,
    client: httpx.AsyncClient,
    actors: dict[str, Actor],
) -> None:
    sme = await create_sme(database, state_code="29")
    actors["owner"] = await create_user(database, Role.SME, sme=sme)
    actors["other"] = await create_user(
        database, Role.SME, sme=await create_sme(database)
    )
    content = pdf_bytes()
    invoice_date = india_today() - timedelta(days=3)
    data = await gql(
        actors["owner"],
        UPLOAD,
        {
            "input": {
                "buyerGstin": "27AAPFU0939F1ZV",
                "buyerName": "Umang Pumps LLP",
                "invoiceNumber": "INV/7",
                "invoiceDate": invoice_date.isoformat(),
                "dueDate": (invoice_date + timedelta(days=30)).isoformat(),
                "taxableValue": "1000.00",
                "gstAmount": "180.00",
                "totalAmount": "1180.00",
                "document": upload(content, "inv7.pdf"),
            }
        },
    )
    path = data["uploadInvoice"]["invoice"]["documents"][0]["downloadPath"]

    mine = await get_as(client, "owner", path)
    theirs = await get_as(client, "other", path)
    wrong_route = await get_as(client, "owner", path.replace("invoices", "kyc"))

    assert mine.status_code == 200
    assert mine.content == content
    assert theirs.status_code == 404
    assert wrong_route.status_code == 404
