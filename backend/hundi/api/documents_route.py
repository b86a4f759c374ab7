"""Download endpoints of uploaded documents: KYC documents and invoice PDFs.

The web app links to the `downloadPath` of a document. The application
mounts the endpoints as

    Route("/documents/kyc/{document_id}", kyc_document, methods=["GET"])
    Route("/documents/invoices/{document_id}", invoice_document, methods=["GET"])

and keeps the authenticator of /graphql at `app.state.authenticate`, an
async function of the request that returns the actor or None.

A KYC document is served to OPS, ADMIN and the SME it belongs to. An
invoice document is served to every actor who may see its invoice. Anyone
else gets 404, exactly as for a document that does not exist.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import ColumnElement, select
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response

from hundi import models
from hundi.api.relay import from_global_id
from hundi.db import Database
from hundi.services.actor import Actor
from hundi.services.documents import DocumentStore
from hundi.services.scoping import invoice_document_scope, kyc_document_scope
from hundi.settings import Settings

logger = logging.getLogger(__name__)

_NOT_FOUND = {"error": "Document not found."}
_SIGN_IN = {"error": "Sign in to download documents."}


async def kyc_document(request: Request) -> Response:
    """Stream a KYC document to OPS, ADMIN or its own SME."""
    return await _serve(request, models.KycDocument, "KycDocument", kyc_document_scope)


async def invoice_document(request: Request) -> Response:
    """Stream an invoice's document to those who may see the invoice."""
    return await _serve(
        request, models.InvoiceDocument, "InvoiceDocument", invoice_document_scope
    )


async def _serve(
    request: Request, model: type[Any], type_name: str, scope: Any
) -> Response:
    actor: Actor | None = await request.app.state.authenticate(request)
    if actor is None:
        return JSONResponse(_SIGN_IN, status_code=401)

    decoded = from_global_id(request.path_params.get("document_id", ""))
    if decoded is None or decoded[0] != type_name:
        return JSONResponse(_NOT_FOUND, status_code=404)

    row = await _visible_row(
        request.app.state.database, model, decoded[1], scope(actor)
    )
    if row is None:
        return JSONResponse(_NOT_FOUND, status_code=404)

    return _file_response(request.app.state.settings, row)


async def _visible_row(
    database: Database, model: type[Any], row_id: Any, visible: ColumnElement[bool]
) -> Any:
    async with database.session() as session:
        return await session.scalar(select(model).where(model.id == row_id, visible))


def _file_response(settings: Settings, row: Any) -> Response:
    path = DocumentStore(settings.documents_dir).path(row.storage_key)
    if not path.is_file():
        logger.error("document %s has no file at its storage key", row.id)
        return JSONResponse(_NOT_FOUND, status_code=404)

    return FileResponse(
        path,
        media_type=row.content_type,
        filename=row.filename,
        headers={
            # The browser must not guess another type from the bytes.
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "private, no-store",
        },
    )
