"""Files a browser test uploads: e-invoice JSON, invoice CSV and a PNG scan."""

from __future__ import annotations

import itertools
import json
import struct
import zlib
from datetime import date

_serial = itertools.count(1)


def einvoice_json(
    seller_gstin: str,
    buyer_gstin: str,
    number: str,
    invoice_date: date,
    credit_days: int = 60,
) -> bytes:
    """A bare INV-01 (version 1.1) e-invoice of ₹1,18,000.00 with one item."""
    document = {
        "Version": "1.1",
        "TranDtls": {"TaxSch": "GST", "SupTyp": "B2B", "RegRev": "N"},
        "DocDtls": {
            "Typ": "INV",
            "No": number,
            "Dt": invoice_date.strftime("%d/%m/%Y"),
        },
        "SellerDtls": {
            "Gstin": seller_gstin,
            "LglNm": "Seller of the browser test",
            "Addr1": "1 Test Road",
            "Loc": "Mumbai",
            "Pin": 400001,
            "Stcd": seller_gstin[:2],
        },
        "BuyerDtls": {
            "Gstin": buyer_gstin,
            "LglNm": "Deccan Pumps LLP",
            "Pos": buyer_gstin[:2],
            "Addr1": "Plot 7, Bhosari MIDC",
            "Loc": "Pune",
            "Pin": 411026,
            "Stcd": buyer_gstin[:2],
        },
        "ItemList": [
            {
                "SlNo": "1",
                "PrdDesc": "Grey iron castings",
                "IsServc": "N",
                "HsnCd": "73251000",
                "Qty": 1,
                "Unit": "NOS",
                "UnitPrice": 100000.00,
                "TotAmt": 100000.00,
                "AssAmt": 100000.00,
                "GstRt": 18,
                "IgstAmt": 18000.00,
                "CgstAmt": 0,
                "SgstAmt": 0,
                "TotItemVal": 118000.00,
            }
        ],
        "ValDtls": {
            "AssVal": 100000.00,
            "CgstVal": 0,
            "SgstVal": 0,
            "IgstVal": 18000.00,
            "CesVal": 0,
            "Discount": 0,
            "OthChrg": 0,
            "RndOffAmt": 0,
            "TotInvVal": 118000.00,
        },
        "PayDtls": {"Nm": "Seller of the browser test", "CrDay": credit_days},
    }
    return json.dumps(document, indent=2).encode()


CSV_HEADER = (
    "invoice_number,document_type,invoice_date,due_date,buyer_gstin,"
    "buyer_name,taxable_value,gst_amount,total_amount"
)


def invoices_csv(rows: list[tuple[str, ...]]) -> bytes:
    """A CSV file for importInvoicesCsv with the given value rows."""
    lines = [CSV_HEADER, *(",".join(row) for row in rows)]
    return ("\n".join(lines) + "\n").encode()


def png_image(width: int = 120, height: int = 80) -> bytes:
    """A grey PNG image whose pixels differ per call, so its SHA-256 is new."""
    shade = 120 + next(_serial) % 100
    row = b"\x00" + bytes([shade]) * width
    raw = row * height

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
