"""Builders of valid INV-01 e-invoices, portal responses and signed QR codes.

Each builder returns a fresh object, so a test can change one field and keep
the rest valid. Tokens are signed with an RSA key generated here in place of
the portal's key.
"""

from __future__ import annotations

import functools
import json
from decimal import Decimal
from typing import Any

from joserfc import jwt
from joserfc.jwk import RSAKey

from hundi.domain.einvoice import compute_irn

SELLER_GSTIN = "29AAFCC9980M1ZR"
BUYER_GSTIN = "27AAPFU0939F1ZV"
DOCUMENT_NUMBER = "INV/2024/0007"
DOCUMENT_DATE = "15/07/2024"
FINANCIAL_YEAR = "2024-25"
IRN = compute_irn(SELLER_GSTIN, FINANCIAL_YEAR, "INV", DOCUMENT_NUMBER)
ACK_NUMBER = 112410000012345
ACK_DATE = "2024-07-15 11:42:00"


@functools.cache
def portal_key() -> RSAKey:
    """Return the RSA key used in place of the portal's signing key."""
    return RSAKey.generate_key(2048)


@functools.cache
def other_key() -> RSAKey:
    """Return an RSA key that did not sign anything."""
    return RSAKey.generate_key(2048)


def public_key_pem(key: RSAKey) -> str:
    """Return the PEM text of the public half of `key`."""
    return key.as_pem(private=False).decode("ascii")


def invoice_document() -> dict[str, Any]:
    """Build a valid inter-state B2B invoice: two items, IGST at 18%."""
    return {
        "Version": "1.1",
        "TranDtls": {"TaxSch": "GST", "SupTyp": "B2B", "RegRev": "N"},
        "DocDtls": {"Typ": "INV", "No": DOCUMENT_NUMBER, "Dt": DOCUMENT_DATE},
        "SellerDtls": {
            "Gstin": SELLER_GSTIN,
            "LglNm": "Chandra Castings Private Limited",
            "TrdNm": "Chandra Castings",
            "Addr1": "14 Peenya Industrial Area",
            "Loc": "Bengaluru",
            "Pin": 560058,
            "Stcd": "29",
        },
        "BuyerDtls": {
            "Gstin": BUYER_GSTIN,
            "LglNm": "Deccan Pumps LLP",
            "TrdNm": "Deccan Pumps",
            "Pos": "27",
            "Addr1": "Plot 7, Bhosari MIDC",
            "Loc": "Pune",
            "Pin": 411026,
            "Stcd": "27",
        },
        "ItemList": [
            _item(1, "Grey iron castings", "73251000", "80000.00", "14400.00"),
            _item(2, "Machining of castings", "998898", "20000.00", "3600.00"),
        ],
        "ValDtls": {
            "AssVal": Decimal("100000.00"),
            "CgstVal": Decimal("0"),
            "SgstVal": Decimal("0"),
            "IgstVal": Decimal("18000.00"),
            "CesVal": Decimal("0"),
            "Discount": Decimal("0"),
            "OthChrg": Decimal("0"),
            "RndOffAmt": Decimal("0"),
            "TotInvVal": Decimal("118000.00"),
        },
        "PayDtls": {"Nm": "Chandra Castings", "CrDay": 60, "PaymtDue": "13/09/2024"},
    }


def _item(number: int, name: str, hsn: str, assessable: str, igst: str) -> dict:
    total = Decimal(assessable) + Decimal(igst)

    return {
        "SlNo": str(number),
        "PrdDesc": name,
        "IsServc": "Y" if hsn.startswith("99") else "N",
        "HsnCd": hsn,
        "Qty": Decimal("1"),
        "Unit": "NOS",
        "UnitPrice": Decimal(assessable),
        "TotAmt": Decimal(assessable),
        "AssAmt": Decimal(assessable),
        "GstRt": Decimal("18"),
        "IgstAmt": Decimal(igst),
        "CgstAmt": Decimal("0"),
        "SgstAmt": Decimal("0"),
        "TotItemVal": total,
    }


def qr_fields() -> dict[str, Any]:
    """Build the QR code fields that match invoice_document()."""
    return {
        "SellerGstin": SELLER_GSTIN,
        "BuyerGstin": BUYER_GSTIN,
        "DocNo": DOCUMENT_NUMBER,
        "DocTyp": "INV",
        "DocDt": DOCUMENT_DATE,
        "TotInvVal": Decimal("118000.00"),
        "ItemCnt": 2,
        "MainHsnCode": "73251000",
        "Irn": IRN,
        "IrnDt": ACK_DATE,
    }


def sign(claims: dict[str, Any], key: RSAKey | None = None) -> str:
    """Sign claims as an RS256 JWT, as the portal does."""
    return jwt.encode({"alg": "RS256"}, claims, key or portal_key())


def signed_qr_code(fields: dict[str, Any] | None = None) -> str:
    """Sign QR fields the portal's way: a JSON string in the "data" claim."""
    data = to_json(qr_fields() if fields is None else fields)

    return sign({"data": data, "iss": "NIC"})


def portal_response(document: dict[str, Any] | None = None) -> dict[str, Any]:
    """Build the portal's response with the invoice fields at the top level."""
    invoice = invoice_document() if document is None else document

    return {**invoice, **_acknowledgement(invoice)}


def nested_portal_response(document: dict[str, Any] | None = None) -> dict[str, Any]:
    """Build the portal's response with the invoice under "data"."""
    invoice = invoice_document() if document is None else document

    return {**_acknowledgement(invoice), "data": invoice}


def _acknowledgement(invoice: dict[str, Any]) -> dict[str, Any]:
    return {
        "AckNo": ACK_NUMBER,
        "AckDt": ACK_DATE,
        "Irn": IRN,
        "SignedInvoice": sign({"data": to_json(invoice), "iss": "NIC"}),
        "SignedQRCode": signed_qr_code(),
        "Status": "ACT",
    }


def to_json(value: Any) -> str:
    """Serialize to JSON text, writing Decimals as JSON numbers digit for digit."""
    if isinstance(value, Decimal):
        return str(value)

    if isinstance(value, dict):
        members = (f"{json.dumps(key)}:{to_json(item)}" for key, item in value.items())
        return "{" + ",".join(members) + "}"

    if isinstance(value, list):
        return "[" + ",".join(to_json(item) for item in value) + "]"

    return json.dumps(value)
