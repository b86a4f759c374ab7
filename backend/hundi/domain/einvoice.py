"""GST e-invoices (schema INV-01, version 1.1): parsing, the IRN and the signed QR code.

An e-invoice is registered on the government's Invoice Registration Portal,
which returns an Invoice Reference Number (IRN), an acknowledgement and two
JWTs signed with RS256: the signed invoice and the signed QR code. The IRN
is unique across the GST system, so one IRN offered for financing twice is
double financing. The QR code's fields must all agree with the invoice, and
a mismatch is a reason to refuse financing.

    ValueError
    ├── InvalidIdentifier   (hundi.domain.identifiers) a bad document number
    └── EInvoiceError       .problems: every EInvoiceProblem found

Amounts must arrive as Decimal or int, so load JSON with
`json.loads(text, parse_float=Decimal)`. A float means paise may already have
been lost, and it is rejected.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from joserfc import jws
from joserfc.errors import BadSignatureError, JoseError, UnsupportedAlgorithmError
from joserfc.jwk import RSAKey

from hundi.domain.calendar import INDIA, financial_year
from hundi.domain.enums import DocumentType
from hundi.domain.identifiers import InvalidIdentifier, validate_gstin
from hundi.domain.money import InvalidAmount, check_amount

# 1-16 characters of A-Z, 0-9, "/" and "-", not starting with 0, "/" or "-".
DOCUMENT_NUMBER_PATTERN = re.compile(r"\A[A-Z1-9][A-Z0-9/-]{0,15}\Z")

_DOCUMENT_NUMBER_CHARACTERS = re.compile(r"[A-Z0-9/-]*")
_FINANCIAL_YEAR_LAYOUT = re.compile(r"\A([0-9]{4})-([0-9]{2})\Z")
_IRN_LAYOUT = re.compile(r"\A[0-9a-f]{64}\Z")
_HSN_LAYOUT = re.compile(r"\A[0-9]{4,8}\Z")
_INVOICE_DATE_LAYOUT = re.compile(r"\A([0-9]{2})/([0-9]{2})/([0-9]{4})\Z")
_PORTAL_TIME_LAYOUT = re.compile(
    r"\A[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\Z"
)

_DOCUMENT_TYPES = frozenset(document_type.value for document_type in DocumentType)
_PORTAL_FIELDS = ("AckNo", "AckDt", "Irn", "SignedInvoice", "SignedQRCode")
_TAX_FIELDS = {
    "cgst": "CgstVal",
    "sgst": "SgstVal",
    "igst": "IgstVal",
    "cess": "CesVal",
}

# Parts of TotInvVal besides the assessable value, the GST and the round-off.
_OTHER_VALUE_FIELDS = ("StCesVal", "OthChrg", "Discount")

_Path = tuple[str, ...]
_ABSENT: Any = object()


@dataclass(frozen=True)
class EInvoiceProblem:
    """Problem with one field of an e-invoice.

    `field` is the path of keys in the JSON, such as ("ValDtls", "TotInvVal"),
    with list positions as strings ("ItemList", "0", "HsnCd"). An empty path
    means the problem is with an argument that is not part of the document,
    such as a public key.
    """

    field: tuple[str, ...]
    message: str
    # An error code more exact than the field's kind, such as TOTAL_MISMATCH.
    code: str | None = None


class EInvoiceError(ValueError):
    """E-invoice, signed token or key that cannot be used, with every problem found."""

    def __init__(self, problems: list[EInvoiceProblem]) -> None:
        self.problems = problems
        lines = [f"{_dotted(problem.field)}: {problem.message}" for problem in problems]
        super().__init__(
            f"E-invoice check failed with {len(problems)} problem(s):\n"
            + "\n".join(lines)
        )


@dataclass(frozen=True)
class EInvoice:
    """Fields of a parsed e-invoice that financing needs, amounts exactly as sent.

    `main_hsn_code` is the HSN code of the item with the highest TotItemVal
    (the first such item on a tie). The fields from `irn` on come from the
    portal's response and are None for a bare INV-01 document. `ack_date` is
    an aware datetime in India time.
    """

    version: str
    supply_type: str
    document_type: DocumentType
    document_number: str
    document_date: date
    seller_gstin: str
    seller_legal_name: str
    seller_trade_name: str | None
    seller_state_code: str
    buyer_gstin: str
    buyer_legal_name: str
    buyer_trade_name: str | None
    buyer_state_code: str
    place_of_supply: str
    item_count: int
    main_hsn_code: str
    assessable_value: Decimal
    cgst: Decimal
    sgst: Decimal
    igst: Decimal
    cess: Decimal
    total_invoice_value: Decimal
    payment_due_date: date | None = None
    credit_days: int | None = None
    irn: str | None = None
    ack_number: str | None = None
    ack_date: datetime | None = None
    signed_invoice: str | None = None
    signed_qr_code: str | None = None

    @property
    def tax_amount(self) -> Decimal:
        """Total tax: CGST + SGST + IGST + cess."""
        return self.cgst + self.sgst + self.igst + self.cess


def validate_document_number(number: str) -> str:
    """Return the document number, or raise InvalidIdentifier naming what is wrong."""
    if DOCUMENT_NUMBER_PATTERN.fullmatch(number):
        return number

    kind = "Document number"
    if not 1 <= len(number) <= 16:
        raise InvalidIdentifier(
            kind, number, f"has {len(number)} characters, expected 1-16"
        )

    if not _DOCUMENT_NUMBER_CHARACTERS.fullmatch(number):
        raise InvalidIdentifier(
            kind, number, "contains characters other than A-Z, 0-9, / and -"
        )

    raise InvalidIdentifier(kind, number, f"starts with {number[0]}, not 1-9 or A-Z")


def compute_irn(
    seller_gstin: str, financial_year: str, document_type: str, document_number: str
) -> str:
    """Compute the IRN: lowercase hex SHA-256 of GSTIN + financial year + type + number.

    The GSTIN's check character is not tested, so sandbox GSTINs work.
    Raises InvalidIdentifier for a value with the wrong layout.
    """
    gstin = validate_gstin(seller_gstin, allow_sandbox=True)
    _check_financial_year(financial_year)
    _check_document_type(document_type)
    number = validate_document_number(document_number)

    source = f"{gstin}{financial_year}{document_type}{number}"

    return hashlib.sha256(source.encode("ascii")).hexdigest()


def _check_financial_year(text: str) -> None:
    match = _FINANCIAL_YEAR_LAYOUT.fullmatch(text)
    if match is None or (int(match[1]) + 1) % 100 != int(match[2]):
        raise InvalidIdentifier(
            "Financial year", text, "is invalid, expected the form 2019-20"
        )


def _check_document_type(text: str) -> None:
    if text not in _DOCUMENT_TYPES:
        known = ", ".join(sorted(_DOCUMENT_TYPES))
        raise InvalidIdentifier("Document type", text, f"is unknown, expected {known}")


# Parsing ----------------------------------------------------------------------


def parse_einvoice(
    document: Mapping[str, Any], *, allow_sandbox: bool = False
) -> EInvoice:
    """Parse an INV-01 e-invoice, bare or inside the portal's response.

    The portal's response may carry the invoice fields at the top level next
    to AckNo, AckDt, Irn, SignedInvoice and SignedQRCode, or nest the invoice
    under "data". `allow_sandbox` accepts the e-invoice sandbox's GSTINs,
    which fail the check character.

    Raises EInvoiceError listing every problem found, not only the first.
    """
    if not isinstance(document, Mapping):
        message = f"The e-invoice must be a JSON object, not {type(document).__name__}."
        raise EInvoiceError([EInvoiceProblem((), message)])

    reader = _DocumentReader(document, allow_sandbox=allow_sandbox)
    body = _invoice_body(reader)

    fields: dict[str, Any] = {}
    fields.update(_read_document_details(reader, body))
    fields.update(_read_parties(reader, body))
    fields.update(_read_items(reader, body))
    fields.update(_read_values(reader, body))
    fields.update(_read_payment(reader, body))
    fields.update(_read_portal_response(reader, body))
    _check_irn(reader, fields, body)

    if reader.problems:
        raise EInvoiceError(reader.problems)

    return EInvoice(**fields)


def _invoice_body(reader: _DocumentReader) -> _Path:
    """Return the path of the invoice fields: ("data",) when nested, else ()."""
    data = reader.document.get("data")
    if data is None:
        return ()

    if not isinstance(data, Mapping):
        reader.report(("data",), "data must be a JSON object holding the invoice.")
        return ()

    return ("data",)


def _read_document_details(reader: _DocumentReader, body: _Path) -> dict[str, Any]:
    number = reader.text((*body, "DocDtls", "No"))
    if number is not None:
        number = reader.checked(
            (*body, "DocDtls", "No"), validate_document_number, number
        )

    return {
        "version": reader.text((*body, "Version")),
        "supply_type": reader.text((*body, "TranDtls", "SupTyp")),
        "document_type": reader.document_type((*body, "DocDtls", "Typ")),
        "document_number": number,
        "document_date": reader.invoice_date((*body, "DocDtls", "Dt")),
    }


def _read_parties(reader: _DocumentReader, body: _Path) -> dict[str, Any]:
    seller = (*body, "SellerDtls")
    buyer = (*body, "BuyerDtls")

    # NOTE: an export invoice has buyer GSTIN "URP" (unregistered person). It
    # is reported as an invalid GSTIN, because only B2B invoices are financed.
    return {
        "seller_gstin": reader.gstin((*seller, "Gstin")),
        "seller_legal_name": reader.text((*seller, "LglNm")),
        "seller_trade_name": reader.text((*seller, "TrdNm"), required=False),
        "seller_state_code": reader.text((*seller, "Stcd")),
        "buyer_gstin": reader.gstin((*buyer, "Gstin")),
        "buyer_legal_name": reader.text((*buyer, "LglNm")),
        "buyer_trade_name": reader.text((*buyer, "TrdNm"), required=False),
        "buyer_state_code": reader.text((*buyer, "Stcd")),
        "place_of_supply": reader.text((*buyer, "Pos")),
    }


def _read_items(reader: _DocumentReader, body: _Path) -> dict[str, Any]:
    path = (*body, "ItemList")
    items = reader.value(path)
    if items is _ABSENT:
        return {"item_count": None, "main_hsn_code": None}

    if not isinstance(items, list) or not items:
        reader.report(path, "ItemList must be a non-empty JSON array of items.")
        return {"item_count": None, "main_hsn_code": None}

    main_hsn_code = None
    highest_value = None
    for index in range(len(items)):
        hsn_code = reader.hsn_code((*path, str(index), "HsnCd"))
        value = reader.amount((*path, str(index), "TotItemVal"), allow_zero=True)
        if value is not None and (highest_value is None or value > highest_value):
            main_hsn_code, highest_value = hsn_code, value

    return {"item_count": len(items), "main_hsn_code": main_hsn_code}


def _read_values(reader: _DocumentReader, body: _Path) -> dict[str, Any]:
    values = (*body, "ValDtls")

    fields = {
        "assessable_value": reader.amount((*values, "AssVal"), allow_zero=True),
        "total_invoice_value": reader.amount((*values, "TotInvVal")),
    }
    for name, key in _TAX_FIELDS.items():
        # A missing tax value counts as zero: an inter-state invoice carries no
        # CGST or SGST, and most invoices carry no cess.
        tax = reader.amount((*values, key), allow_zero=True, required=False)
        fields[name] = Decimal("0.00") if tax is None else tax

    _check_total(reader, values, fields)
    return fields


def _check_total(
    reader: _DocumentReader, values: _Path, fields: dict[str, Any]
) -> None:
    """Check that TotInvVal is the sum of its parts, as the e-invoice schema defines it.

    TotInvVal = AssVal + CgstVal + SgstVal + IgstVal + CesVal + StCesVal +
    OthChrg - Discount + RndOffAmt, where an absent part is zero and only the
    round-off may be negative.
    """
    # TODO: the items (ItemList AssAmt and TotItemVal) are not checked against
    # these totals, so an unsigned file may still carry items that disagree.
    extra = {}
    for key in _OTHER_VALUE_FIELDS:
        part = reader.amount((*values, key), allow_zero=True, required=False)
        extra[key] = Decimal("0.00") if part is None else part
    round_off = reader.signed_amount((*values, "RndOffAmt"), required=False)
    parts = [fields["assessable_value"], fields["total_invoice_value"]]
    if any(part is None for part in parts) or reader.problems:
        return

    expected = (
        fields["assessable_value"]
        + sum(fields[name] for name in _TAX_FIELDS)
        + extra["StCesVal"]
        + extra["OthChrg"]
        - extra["Discount"]
        + (round_off or Decimal("0.00"))
    )
    if expected != fields["total_invoice_value"]:
        reader.report(
            (*values, "TotInvVal"),
            f"TotInvVal {fields['total_invoice_value']} does not add up: AssVal, "
            "the GST and cess values, StCesVal, OthChrg and RndOffAmt less Discount "
            f"come to {expected}. Correct the e-invoice or import the one the "
            "portal returned.",
            code="TOTAL_MISMATCH",
        )


def _read_payment(reader: _DocumentReader, body: _Path) -> dict[str, Any]:
    payment = (*body, "PayDtls")

    return {
        "payment_due_date": reader.invoice_date((*payment, "PaymtDue"), required=False),
        "credit_days": reader.count((*payment, "CrDay"), required=False),
    }


def _read_portal_response(reader: _DocumentReader, body: _Path) -> dict[str, Any]:
    # The acknowledgement sits at the top level of the response, or next to
    # the invoice when the invoice is nested under "data".
    paths = {name: reader.portal_path(name, body) for name in _PORTAL_FIELDS}

    return {
        "irn": reader.irn(paths["Irn"]),
        "ack_number": reader.ack_number(paths["AckNo"]),
        "ack_date": reader.portal_time(paths["AckDt"]),
        "signed_invoice": reader.text(paths["SignedInvoice"], required=False),
        "signed_qr_code": reader.text(paths["SignedQRCode"], required=False),
    }


def _check_irn(reader: _DocumentReader, fields: Mapping[str, Any], body: _Path) -> None:
    parts = [
        fields["seller_gstin"],
        fields["document_date"],
        fields["document_type"],
        fields["document_number"],
        fields["irn"],
    ]
    if any(part is None for part in parts):
        return

    expected = compute_irn(
        fields["seller_gstin"],
        financial_year(fields["document_date"]),
        fields["document_type"],
        fields["document_number"],
    )
    if fields["irn"] != expected:
        reader.report(
            reader.portal_path("Irn", body),
            f"Irn {fields['irn']} does not match the IRN {expected} computed from "
            "the seller GSTIN, financial year, document type and number.",
        )


class _DocumentReader:
    """Typed reads from an e-invoice that record problems instead of raising."""

    def __init__(self, document: Mapping[str, Any], *, allow_sandbox: bool) -> None:
        self.document = document
        self.allow_sandbox = allow_sandbox
        self.problems: list[EInvoiceProblem] = []

    def report(self, path: _Path, message: str, code: str | None = None) -> None:
        """Record a problem, unless one at this path or a parent explains it."""
        for problem in self.problems:
            if path[: len(problem.field)] == problem.field:
                return

        self.problems.append(EInvoiceProblem(path, message, code))

    def value(self, path: _Path, *, required: bool = True) -> Any:
        """Return the JSON value at `path`, or _ABSENT when it is missing or null."""
        node: Any = self.document
        for depth, key in enumerate(path):
            node = self._child(node, path[:depth], key)
            if node is _ABSENT:
                return _ABSENT

            if node is None:
                missing = path[: depth + 1]
                if required:
                    self.report(missing, f"{_dotted(missing)} is missing.")
                return _ABSENT

        return node

    def _child(self, node: Any, parent: _Path, key: str) -> Any:
        if isinstance(node, list) and key.isdigit():
            return node[int(key)] if int(key) < len(node) else None

        if not isinstance(node, Mapping):
            self.report(parent, f"{_dotted(parent)} must be a JSON object.")
            return _ABSENT

        return node.get(key)

    def checked(
        self, path: _Path, validate: Callable[[str], str], raw: str
    ) -> str | None:
        """Run an identifier validator, turning its error into a problem."""
        try:
            return validate(raw)
        except InvalidIdentifier as error:
            self.report(path, f"{error}.")
            return None

    def text(self, path: _Path, *, required: bool = True) -> str | None:
        raw = self.value(path, required=required)
        if raw is _ABSENT:
            return None

        if not isinstance(raw, str):
            self.report(path, f"{_dotted(path)} must be a string, not {raw!r}.")
            return None

        if not raw.strip():
            if required:
                self.report(path, f"{_dotted(path)} is empty.")
            return None

        return raw

    def gstin(self, path: _Path) -> str | None:
        raw = self.text(path)
        if raw is None:
            return None

        return self.checked(
            path,
            lambda value: validate_gstin(value, allow_sandbox=self.allow_sandbox),
            raw,
        )

    def hsn_code(self, path: _Path) -> str | None:
        raw = self.text(path)
        if raw is None:
            return None

        if not _HSN_LAYOUT.fullmatch(raw):
            self.report(path, f"HSN code {raw} is invalid, expected 4 to 8 digits.")
            return None

        return raw

    def document_type(self, path: _Path) -> DocumentType | None:
        raw = self.text(path)
        if raw is None:
            return None

        if raw not in _DOCUMENT_TYPES:
            known = ", ".join(sorted(_DOCUMENT_TYPES))
            self.report(path, f"Document type {raw} is unknown, expected {known}.")
            return None

        return DocumentType(raw)

    def amount(
        self, path: _Path, *, allow_zero: bool = False, required: bool = True
    ) -> Decimal | None:
        raw = self.value(path, required=required)
        if raw is _ABSENT:
            return None

        name = path[-1]
        if isinstance(raw, float):
            self.report(
                path,
                f"{name} {raw!r} is a float, but amounts must be parsed exactly. "
                "Load the JSON with json.loads(text, parse_float=Decimal).",
            )
            return None

        if isinstance(raw, bool) or not isinstance(raw, Decimal | int):
            self.report(path, f"{name} must be a JSON number, not {raw!r}.")
            return None

        try:
            return check_amount(Decimal(raw), allow_zero=allow_zero)
        except InvalidAmount as error:
            self.report(path, f"{name} {error}.")
            return None

    def signed_amount(self, path: _Path, *, required: bool = True) -> Decimal | None:
        """Read an amount that may be negative, such as a round-off."""
        raw = self.value(path, required=required)
        if raw is _ABSENT:
            return None

        if isinstance(raw, float | bool):
            # The same messages as for any other amount.
            return self.amount(path, required=required)
        if not isinstance(raw, Decimal | int):
            self.report(path, f"{path[-1]} must be a JSON number, not {raw!r}.")
            return None

        try:
            size = check_amount(abs(Decimal(raw)), allow_zero=True)
        except InvalidAmount as error:
            self.report(path, f"{path[-1]} {error}.")
            return None
        return -size if raw < 0 else size

    def count(self, path: _Path, *, required: bool = True) -> int | None:
        raw = self.value(path, required=required)
        if raw is _ABSENT:
            return None

        if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
            self.report(
                path, f"{path[-1]} must be a whole number of 0 or more, not {raw!r}."
            )
            return None

        return raw

    def invoice_date(self, path: _Path, *, required: bool = True) -> date | None:
        raw = self.text(path, required=required)
        if raw is None:
            return None

        parsed = _parse_invoice_date(raw)
        if parsed is None:
            self.report(
                path, f"{path[-1]} {raw} is not a valid date in the form DD/MM/YYYY."
            )

        return parsed

    def portal_path(self, name: str, body: _Path) -> _Path:
        return (name,) if name in self.document else (*body, name)

    def irn(self, path: _Path) -> str | None:
        raw = self.text(path, required=False)
        if raw is None:
            return None

        if not _IRN_LAYOUT.fullmatch(raw):
            self.report(
                path, f"Irn {raw} is invalid, expected 64 lowercase hex digits."
            )
            return None

        return raw

    def ack_number(self, path: _Path) -> str | None:
        raw = self.value(path, required=False)
        if raw is _ABSENT:
            return None

        # AckNo is a JSON number in the portal's response, but digits as text pass.
        text = str(raw) if isinstance(raw, int) and not isinstance(raw, bool) else raw
        if not isinstance(text, str) or not text.isdigit():
            self.report(path, f"AckNo must be a number, not {raw!r}.")
            return None

        return text

    def portal_time(self, path: _Path) -> datetime | None:
        raw = self.text(path, required=False)
        if raw is None:
            return None

        parsed = _parse_portal_time(raw)
        if parsed is None:
            self.report(
                path,
                f"{path[-1]} {raw} is not a valid time "
                "in the form YYYY-MM-DD HH:MM:SS.",
            )

        return parsed


def _parse_invoice_date(text: str) -> date | None:
    match = _INVOICE_DATE_LAYOUT.fullmatch(text)
    if match is None:
        return None

    try:
        return date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        return None


def _parse_portal_time(text: str) -> datetime | None:
    """Parse the portal's "YYYY-MM-DD HH:MM:SS", which is India time."""
    if not _PORTAL_TIME_LAYOUT.fullmatch(text):
        return None

    try:
        return datetime.fromisoformat(text).replace(tzinfo=INDIA)
    except ValueError:
        return None


def _dotted(path: _Path) -> str:
    return ".".join(path) if path else "(argument)"


# Signed QR code -----------------------------------------------------------------


def decode_signed_qr_code(token: str) -> dict[str, Any]:
    """Decode the payload of the signed QR code JWT, without verifying its signature.

    The portal puts the QR fields in a "data" claim that contains a JSON string.
    A payload with the fields at its top level is returned as it is.
    Numbers are parsed as Decimal and int. Raises EInvoiceError for a
    malformed token.
    """
    path = ("SignedQRCode",)
    payload = _jwt_payload(token, path)

    data = payload.get("data", _ABSENT)
    if data is _ABSENT:
        return payload

    if isinstance(data, Mapping):
        return dict(data)

    if isinstance(data, str):
        return _json_object(data.encode("utf-8"), path, "its data claim")

    raise EInvoiceError(
        [
            EInvoiceProblem(
                path, "The data claim of the signed QR code is not a JSON string."
            )
        ]
    )


def verify_portal_signature(token: str, public_key_pem: str) -> bool:
    """Verify the RS256 signature of a portal JWT (signed invoice or QR code).

    Returns False when the signature does not match the key, or the token is
    not signed with RS256. Raises EInvoiceError for a malformed token or key.
    """
    _jwt_payload(token, ())
    key = _import_public_key(public_key_pem)

    try:
        jws.deserialize_compact(token, key, algorithms=["RS256"])
    except (BadSignatureError, UnsupportedAlgorithmError):
        return False
    except JoseError as error:
        message = f"The signed token cannot be verified: {error}."
        raise EInvoiceError([EInvoiceProblem((), message)]) from error

    return True


def _import_public_key(public_key_pem: str) -> RSAKey:
    try:
        return RSAKey.import_key(public_key_pem)
    except (ValueError, TypeError, JoseError) as error:
        message = (
            "The portal public key is not an RSA key in PEM format. "
            "Pass the PEM text of the public key that the portal publishes."
        )
        raise EInvoiceError([EInvoiceProblem((), message)]) from error


def _jwt_payload(token: str, path: _Path) -> dict[str, Any]:
    parts = token.split(".") if isinstance(token, str) else []
    if len(parts) != 3 or not parts[0] or not parts[1]:
        message = "The signed token is not a JWT of three dot-separated parts."
        raise EInvoiceError([EInvoiceProblem(path, message)])

    _json_object(_base64url_decode(parts[0], path), path, "its header")

    return _json_object(_base64url_decode(parts[1], path), path, "its payload")


def _base64url_decode(part: str, path: _Path) -> bytes:
    padded = part + "=" * (-len(part) % 4)

    try:
        return base64.b64decode(padded, altchars=b"-_", validate=True)
    except (binascii.Error, ValueError) as error:
        message = "The signed token has a part that is not valid base64url."
        raise EInvoiceError([EInvoiceProblem(path, message)]) from error


def _json_object(raw: bytes, path: _Path, part_name: str) -> dict[str, Any]:
    try:
        value = json.loads(raw, parse_float=Decimal)
    except (UnicodeDecodeError, ValueError) as error:
        message = (
            f"The signed token is malformed, because {part_name} is not valid JSON."
        )
        raise EInvoiceError([EInvoiceProblem(path, message)]) from error

    if not isinstance(value, dict):
        message = (
            f"The signed token is malformed, because {part_name} is not a JSON object."
        )
        raise EInvoiceError([EInvoiceProblem(path, message)])

    return value


def compare_with_qr_code(
    invoice: EInvoice, qr: Mapping[str, Any]
) -> list[EInvoiceProblem]:
    """List every field on which the decoded signed QR code disagrees with the invoice.

    Each carried field must be present and equal: SellerGstin, BuyerGstin,
    DocNo, DocTyp, DocDt (DD/MM/YYYY), TotInvVal (as an exact Decimal),
    ItemCnt, MainHsnCode and Irn. IrnDt is compared with the acknowledgement
    time when both are present. An empty list means they agree.
    """
    problems = []

    for name, expected in _qr_expectations(invoice).items():
        message = _qr_field_disagreement(name, qr.get(name), expected)
        if message is not None:
            problems.append(EInvoiceProblem(("SignedQRCode", name), message))

    problems.extend(_compare_irn_date(invoice, qr))

    return problems


def _qr_expectations(invoice: EInvoice) -> dict[str, object]:
    irn = invoice.irn or compute_irn(
        invoice.seller_gstin,
        financial_year(invoice.document_date),
        invoice.document_type,
        invoice.document_number,
    )

    return {
        "SellerGstin": invoice.seller_gstin,
        "BuyerGstin": invoice.buyer_gstin,
        "DocNo": invoice.document_number,
        "DocTyp": str(invoice.document_type),
        "DocDt": invoice.document_date.strftime("%d/%m/%Y"),
        "TotInvVal": invoice.total_invoice_value,
        "ItemCnt": invoice.item_count,
        "MainHsnCode": invoice.main_hsn_code,
        "Irn": irn,
    }


def _qr_field_disagreement(name: str, raw: Any, expected: object) -> str | None:
    """Describe how a QR code value disagrees with the invoice, or return None."""
    if raw is None:
        return f"The signed QR code has no {name}."

    # Python compares a float with a Decimal by its binary value, so 0.1 would
    # not equal 0.10 and a float could match or not by accident.
    if isinstance(raw, float):
        return (
            f"The signed QR code has {name} {raw!r} as a float, which cannot be "
            "compared exactly. Decode the QR code with decode_signed_qr_code()."
        )

    if _qr_value(name, raw) != expected:
        return f"The signed QR code has {name} {raw}, but the invoice has {expected}."

    return None


def _qr_value(name: str, raw: Any) -> object:
    """Bring a QR value to the type of the invoice's value, or return it unchanged."""
    if isinstance(raw, bool):
        return raw

    if name == "TotInvVal" and isinstance(raw, Decimal | int | str):
        try:
            return Decimal(raw)
        except ArithmeticError:
            return raw

    if name == "ItemCnt" and isinstance(raw, str) and raw.isdigit():
        return int(raw)

    # A numeric MainHsnCode compares equal to the same digits as text.
    if name != "ItemCnt" and isinstance(raw, int):
        return str(raw)

    return raw


def _compare_irn_date(
    invoice: EInvoice, qr: Mapping[str, Any]
) -> list[EInvoiceProblem]:
    raw = qr.get("IrnDt")
    if raw is None or invoice.ack_date is None:
        return []

    irn_time = _parse_portal_time(raw) if isinstance(raw, str) else None
    if irn_time == invoice.ack_date:
        return []

    ack_date = invoice.ack_date.astimezone(INDIA).strftime("%Y-%m-%d %H:%M:%S")
    message = (
        f"The signed QR code has IrnDt {raw}, but the invoice has AckDt {ack_date}."
    )

    return [EInvoiceProblem(("SignedQRCode", "IrnDt"), message)]
