"""Tests of e-invoice parsing, the IRN and the signed QR code."""

from __future__ import annotations

import base64
import copy
import json
from datetime import date, datetime
from decimal import Decimal

import pytest
from einvoice_samples import (
    ACK_DATE,
    BUYER_GSTIN,
    DOCUMENT_NUMBER,
    IRN,
    SELLER_GSTIN,
    invoice_document,
    nested_portal_response,
    other_key,
    portal_key,
    portal_response,
    public_key_pem,
    qr_fields,
    sign,
    signed_qr_code,
    to_json,
)

from hundi.domain.calendar import INDIA
from hundi.domain.einvoice import (
    DOCUMENT_NUMBER_PATTERN,
    EInvoice,
    EInvoiceError,
    EInvoiceProblem,
    compare_with_qr_code,
    compute_irn,
    decode_signed_qr_code,
    parse_einvoice,
    validate_document_number,
    verify_portal_signature,
)
from hundi.domain.enums import DocumentType
from hundi.domain.identifiers import InvalidIdentifier


def _problems(document) -> list[EInvoiceProblem]:
    with pytest.raises(EInvoiceError) as raised:
        parse_einvoice(document)

    return raised.value.problems


def _fields(problems: list[EInvoiceProblem]) -> list[tuple[str, ...]]:
    return [problem.field for problem in problems]


# IRN -----------------------------------------------------------------------------


def test_compute_irn_nic_sandbox_vector():
    # Test vector from the NIC e-invoice sandbox documentation (IRN page).
    irn = compute_irn("29AAFCC9980M1ZR", "2019-20", "INV", "2019-20/KA/1")

    assert irn == "23f498ee41441ecad30f72ba5b9907506c3df70a17b0e0dff46b76a786400662"


def test_compute_irn_accepts_document_type_enum():
    irn = compute_irn("29AAFCC9980M1ZR", "2019-20", DocumentType.INV, "2019-20/KA/1")

    assert irn == "23f498ee41441ecad30f72ba5b9907506c3df70a17b0e0dff46b76a786400662"


def test_compute_irn_differs_by_document_type():
    invoice = compute_irn(SELLER_GSTIN, "2024-25", "INV", DOCUMENT_NUMBER)
    credit_note = compute_irn(SELLER_GSTIN, "2024-25", "CRN", DOCUMENT_NUMBER)

    assert invoice != credit_note


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("29AAFCC9980M1Z", "2019-20", "INV", "1"), "GSTIN"),
        (("29AAFCC9980M1ZR", "2019-2020", "INV", "1"), "Financial year 2019-2020"),
        (("29AAFCC9980M1ZR", "2019-21", "INV", "1"), "Financial year 2019-21"),
        (("29AAFCC9980M1ZR", "2019-20", "BIL", "1"), "Document type BIL is unknown"),
        (("29AAFCC9980M1ZR", "2019-20", "INV", "0001"), "Document number 0001"),
    ],
)
def test_compute_irn_invalid_part_rejected(arguments, message):
    with pytest.raises(InvalidIdentifier, match=message):
        compute_irn(*arguments)


# Document numbers ----------------------------------------------------------------


@pytest.mark.parametrize(
    "number", ["1", "INV/2024/0007", "2019-20/KA/1", "A-1", "ABCDEFGHIJKLMNOP", "9"]
)
def test_validate_document_number_valid(number):
    assert validate_document_number(number) == number
    assert DOCUMENT_NUMBER_PATTERN.fullmatch(number)


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("", "has 0 characters, expected 1-16"),
        ("ABCDEFGHIJKLMNOPQ", "has 17 characters, expected 1-16"),
        ("0INV/1", "starts with 0"),
        ("/INV1", "starts with /"),
        ("-INV1", "starts with -"),
        ("inv/1", "contains characters other than A-Z, 0-9, / and -"),
        ("INV 1", "contains characters other than A-Z, 0-9, / and -"),
        ("INV_1", "contains characters other than A-Z, 0-9, / and -"),
        ("INV1\n", "contains characters other than A-Z, 0-9, / and -"),
    ],
)
def test_validate_document_number_invalid(number, reason):
    with pytest.raises(InvalidIdentifier, match=reason):
        validate_document_number(number)


def test_document_number_pattern_rejects_trailing_newline():
    assert DOCUMENT_NUMBER_PATTERN.match("INV1\n") is None


# Parsing -------------------------------------------------------------------------


def test_parse_einvoice_valid_document():
    invoice = parse_einvoice(invoice_document())

    assert invoice == EInvoice(
        version="1.1",
        supply_type="B2B",
        document_type=DocumentType.INV,
        document_number=DOCUMENT_NUMBER,
        document_date=date(2024, 7, 15),
        seller_gstin=SELLER_GSTIN,
        seller_legal_name="Chandra Castings Private Limited",
        seller_trade_name="Chandra Castings",
        seller_state_code="29",
        buyer_gstin=BUYER_GSTIN,
        buyer_legal_name="Deccan Pumps LLP",
        buyer_trade_name="Deccan Pumps",
        buyer_state_code="27",
        place_of_supply="27",
        item_count=2,
        main_hsn_code="73251000",
        assessable_value=Decimal("100000.00"),
        cgst=Decimal("0.00"),
        sgst=Decimal("0.00"),
        igst=Decimal("18000.00"),
        cess=Decimal("0.00"),
        total_invoice_value=Decimal("118000.00"),
        payment_due_date=date(2024, 9, 13),
        credit_days=60,
    )


def test_parse_einvoice_from_json_text_with_decimal_floats():
    text = to_json(invoice_document())

    invoice = parse_einvoice(json.loads(text, parse_float=Decimal))

    assert invoice.total_invoice_value == Decimal("118000.00")
    assert str(invoice.total_invoice_value) == "118000.00"


def test_parse_einvoice_tax_amount_sums_taxes():
    document = invoice_document()
    document["ValDtls"].update(
        IgstVal=Decimal("0"),
        CgstVal=Decimal("9000.00"),
        SgstVal=Decimal("9000.00"),
        CesVal=Decimal("1000.50"),
        TotInvVal=Decimal("119000.50"),
    )

    invoice = parse_einvoice(document)

    assert invoice.tax_amount == Decimal("19000.50")


def test_parse_einvoice_total_with_all_parts():
    document = invoice_document()
    document["ValDtls"].update(
        StCesVal=Decimal("100.00"),
        OthChrg=Decimal("500.00"),
        Discount=Decimal("250.40"),
        RndOffAmt=Decimal("-0.60"),
        TotInvVal=Decimal("118349.00"),
    )

    invoice = parse_einvoice(document)

    assert invoice.total_invoice_value == Decimal("118349.00")


def test_parse_einvoice_total_not_adding_up_rejected():
    document = invoice_document()
    document["ValDtls"]["TotInvVal"] = Decimal("500000.00")

    [problem] = _problems(document)

    assert problem.field == ("ValDtls", "TotInvVal")
    assert problem.message.startswith("TotInvVal 500000.00 does not add up:")
    assert "come to 118000.00" in problem.message


@pytest.mark.parametrize(
    ("round_off", "message"),
    [
        (Decimal("0.005"), "RndOffAmt 0.005 has 3 decimal places"),
        ("-1", "RndOffAmt must be a JSON number, not '-1'."),
        (1.5, "RndOffAmt 1.5 is a float"),
    ],
)
def test_parse_einvoice_bad_round_off_rejected(round_off, message):
    document = invoice_document()
    document["ValDtls"]["RndOffAmt"] = round_off

    [problem] = _problems(document)

    assert problem.field == ("ValDtls", "RndOffAmt")
    assert problem.message.startswith(message)


def test_parse_einvoice_missing_tax_values_are_zero():
    document = invoice_document()
    for key in ("CgstVal", "SgstVal", "CesVal"):
        del document["ValDtls"][key]

    invoice = parse_einvoice(document)

    assert invoice.cgst == Decimal("0.00")
    assert invoice.cess == Decimal("0.00")
    assert invoice.tax_amount == Decimal("18000.00")


def test_parse_einvoice_without_optional_fields():
    document = invoice_document()
    del document["PayDtls"]
    del document["SellerDtls"]["TrdNm"]

    invoice = parse_einvoice(document)

    assert invoice.payment_due_date is None
    assert invoice.credit_days is None
    assert invoice.seller_trade_name is None
    assert invoice.irn is None


def test_parse_einvoice_flat_portal_response():
    invoice = parse_einvoice(portal_response())

    assert invoice.irn == IRN
    assert invoice.ack_number == "112410000012345"
    assert invoice.ack_date == datetime(2024, 7, 15, 11, 42, tzinfo=INDIA)
    assert invoice.ack_date.utcoffset() is not None
    assert invoice.signed_qr_code is not None
    assert invoice.signed_invoice is not None
    assert invoice.document_number == DOCUMENT_NUMBER


def test_parse_einvoice_nested_portal_response():
    flat = parse_einvoice(portal_response())

    nested = parse_einvoice(nested_portal_response())

    assert nested.irn == IRN
    assert nested.document_number == DOCUMENT_NUMBER
    assert nested.total_invoice_value == flat.total_invoice_value
    assert nested.ack_date == flat.ack_date


def test_parse_einvoice_nested_problem_path_includes_data():
    document = invoice_document()
    document["ValDtls"]["TotInvVal"] = Decimal("118000.005")

    problems = _problems(nested_portal_response(document))

    assert _fields(problems) == [("data", "ValDtls", "TotInvVal")]


def test_parse_einvoice_three_decimal_amount_reported_at_path():
    document = invoice_document()
    document["ValDtls"]["TotInvVal"] = Decimal("118000.505")

    problems = _problems(document)

    assert _fields(problems) == [("ValDtls", "TotInvVal")]
    assert "TotInvVal 118000.505 has 3 decimal places" in problems[0].message


def test_parse_einvoice_item_three_decimals_reported():
    document = invoice_document()
    document["ItemList"][1]["TotItemVal"] = Decimal("23600.001")

    problems = _problems(document)

    assert _fields(problems) == [("ItemList", "1", "TotItemVal")]


def test_parse_einvoice_float_amount_rejected():
    # Loaded without parse_float=Decimal, so every fractional amount is a float.
    document = json.loads(to_json(invoice_document()))

    problems = _problems(document)

    assert ("ValDtls", "TotInvVal") in _fields(problems)
    assert all("must be parsed exactly" in problem.message for problem in problems)
    assert all("parse_float=Decimal" in problem.message for problem in problems)


def test_parse_einvoice_single_float_amount_rejected():
    document = invoice_document()
    document["ValDtls"]["AssVal"] = 100000.0

    problems = _problems(document)

    assert _fields(problems) == [("ValDtls", "AssVal")]


def test_parse_einvoice_string_amount_rejected():
    document = invoice_document()
    document["ValDtls"]["TotInvVal"] = "118000.00"

    problems = _problems(document)

    assert _fields(problems) == [("ValDtls", "TotInvVal")]
    assert "must be a JSON number" in problems[0].message


@pytest.mark.parametrize(
    ("key", "value", "reason"),
    [
        ("TotInvVal", Decimal("0"), "is zero"),
        ("TotInvVal", Decimal("-1.00"), "is negative"),
        ("IgstVal", Decimal("-1.00"), "is negative"),
    ],
)
def test_parse_einvoice_amount_out_of_range_rejected(key, value, reason):
    document = invoice_document()
    document["ValDtls"][key] = value

    problems = _problems(document)

    assert _fields(problems) == [("ValDtls", key)]
    assert reason in problems[0].message


def test_parse_einvoice_missing_docdtls_reported():
    document = invoice_document()
    del document["DocDtls"]

    problems = _problems(document)

    assert _fields(problems) == [("DocDtls",)]
    assert problems[0].message == "DocDtls is missing."


def test_parse_einvoice_docdtls_not_object_reported():
    document = invoice_document()
    document["DocDtls"] = "INV/2024/0007"

    problems = _problems(document)

    assert _fields(problems) == [("DocDtls",)]
    assert "must be a JSON object" in problems[0].message


def test_parse_einvoice_collects_every_problem():
    document = invoice_document()
    del document["DocDtls"]
    document["SellerDtls"]["Gstin"] = "29AAFCC9980M1ZX"
    document["BuyerDtls"]["LglNm"] = ""
    document["ValDtls"]["TotInvVal"] = Decimal("118000.505")
    document["PayDtls"]["PaymtDue"] = "2024-09-13"

    problems = _problems(document)

    assert _fields(problems) == [
        ("DocDtls",),
        ("SellerDtls", "Gstin"),
        ("BuyerDtls", "LglNm"),
        ("ValDtls", "TotInvVal"),
        ("PayDtls", "PaymtDue"),
    ]


def test_parse_einvoice_error_message_lists_problems():
    document = invoice_document()
    del document["DocDtls"]
    document["ValDtls"]["TotInvVal"] = Decimal("1.005")

    with pytest.raises(EInvoiceError) as raised:
        parse_einvoice(document)

    assert "2 problem(s)" in str(raised.value)
    assert "DocDtls: DocDtls is missing." in str(raised.value)
    assert "ValDtls.TotInvVal: TotInvVal 1.005 has 3 decimal places" in str(
        raised.value
    )


def test_parse_einvoice_invalid_gstin_reported():
    document = invoice_document()
    document["BuyerDtls"]["Gstin"] = "27AAPFU0939F1ZX"

    problems = _problems(document)

    assert _fields(problems) == [("BuyerDtls", "Gstin")]
    assert (
        problems[0].message
        == "GSTIN 27AAPFU0939F1ZX has check character X, expected V."
    )


def test_parse_einvoice_sandbox_gstin_needs_flag():
    document = invoice_document()
    document["BuyerDtls"]["Gstin"] = "02AMBPG7773M002"

    problems = _problems(document)
    invoice = parse_einvoice(document, allow_sandbox=True)

    assert _fields(problems) == [("BuyerDtls", "Gstin")]
    assert invoice.buyer_gstin == "02AMBPG7773M002"


@pytest.mark.parametrize(
    ("section", "key"),
    [
        ("DocDtls", "No"),
        ("DocDtls", "Typ"),
        ("DocDtls", "Dt"),
        ("SellerDtls", "Gstin"),
        ("SellerDtls", "LglNm"),
        ("SellerDtls", "Stcd"),
        ("BuyerDtls", "Gstin"),
        ("BuyerDtls", "Pos"),
        ("TranDtls", "SupTyp"),
        ("ValDtls", "AssVal"),
        ("ValDtls", "TotInvVal"),
    ],
)
def test_parse_einvoice_missing_required_field_reported(section, key):
    document = invoice_document()
    del document[section][key]

    problems = _problems(document)

    assert _fields(problems) == [(section, key)]
    assert problems[0].message == f"{section}.{key} is missing."


def test_parse_einvoice_missing_version_reported():
    document = invoice_document()
    del document["Version"]

    assert _fields(_problems(document)) == [("Version",)]


@pytest.mark.parametrize(
    ("number", "reason"),
    [("0INV/7", "starts with 0"), ("inv/7", "contains characters")],
)
def test_parse_einvoice_bad_document_number_reported(number, reason):
    document = invoice_document()
    document["DocDtls"]["No"] = number

    problems = _problems(document)

    assert _fields(problems) == [("DocDtls", "No")]
    assert reason in problems[0].message


def test_parse_einvoice_unknown_document_type_reported():
    document = invoice_document()
    document["DocDtls"]["Typ"] = "BIL"

    problems = _problems(document)

    assert _fields(problems) == [("DocDtls", "Typ")]
    assert "expected CRN, DBN, INV" in problems[0].message


@pytest.mark.parametrize("text", ["31/02/2024", "2024-07-15", "15/7/2024", "15/07/24"])
def test_parse_einvoice_bad_document_date_reported(text):
    document = invoice_document()
    document["DocDtls"]["Dt"] = text

    problems = _problems(document)

    assert _fields(problems) == [("DocDtls", "Dt")]
    assert "DD/MM/YYYY" in problems[0].message


def test_parse_einvoice_number_where_text_expected_reported():
    document = invoice_document()
    document["SellerDtls"]["Stcd"] = 29

    problems = _problems(document)

    assert _fields(problems) == [("SellerDtls", "Stcd")]
    assert "must be a string" in problems[0].message


def test_parse_einvoice_empty_item_list_reported():
    document = invoice_document()
    document["ItemList"] = []

    assert _fields(_problems(document)) == [("ItemList",)]


def test_parse_einvoice_item_not_object_reported():
    document = invoice_document()
    document["ItemList"][0] = "castings"

    problems = _problems(document)

    assert _fields(problems) == [("ItemList", "0")]


def test_parse_einvoice_bad_hsn_code_reported():
    document = invoice_document()
    document["ItemList"][0]["HsnCd"] = "73A"

    assert _fields(_problems(document)) == [("ItemList", "0", "HsnCd")]


def test_parse_einvoice_main_hsn_is_highest_item_value():
    document = invoice_document()
    document["ItemList"][1]["TotItemVal"] = Decimal("94400.01")

    invoice = parse_einvoice(document)

    assert invoice.main_hsn_code == "998898"


def test_parse_einvoice_main_hsn_tie_takes_first_item():
    document = invoice_document()
    document["ItemList"][1]["TotItemVal"] = Decimal("94400.00")

    invoice = parse_einvoice(document)

    assert invoice.main_hsn_code == "73251000"


@pytest.mark.parametrize("value", [-1, "60", True])
def test_parse_einvoice_bad_credit_days_reported(value):
    document = invoice_document()
    document["PayDtls"]["CrDay"] = value

    assert _fields(_problems(document)) == [("PayDtls", "CrDay")]


def test_parse_einvoice_irn_mismatch_reported():
    response = portal_response()
    response["Irn"] = compute_irn(SELLER_GSTIN, "2024-25", "INV", "INV/2024/0008")

    problems = _problems(response)

    assert _fields(problems) == [("Irn",)]
    assert "does not match the IRN" in problems[0].message


def test_parse_einvoice_irn_layout_reported():
    response = portal_response()
    response["Irn"] = IRN.upper()

    problems = _problems(response)

    assert _fields(problems) == [("Irn",)]
    assert "64 lowercase hex digits" in problems[0].message


def test_parse_einvoice_bad_ack_date_reported():
    response = portal_response()
    response["AckDt"] = "15/07/2024 11:42"

    assert _fields(_problems(response)) == [("AckDt",)]


@pytest.mark.parametrize("document", [[], "INV/2024/0007", None])
def test_parse_einvoice_non_object_rejected(document):
    problems = _problems(document)

    assert _fields(problems) == [()]
    assert "must be a JSON object" in problems[0].message


def test_parse_einvoice_data_not_object_reported():
    assert _fields(_problems({"data": "not an invoice"}))[0] == ("data",)


# Signed QR code ------------------------------------------------------------------


def test_decode_signed_qr_code_nested_data_claim():
    fields = decode_signed_qr_code(signed_qr_code())

    assert fields == qr_fields()
    assert isinstance(fields["TotInvVal"], Decimal)


def test_decode_signed_qr_code_flat_payload():
    # joserfc writes claims with the json module, which has no Decimal, so the
    # total is a whole number of rupees here.
    token = sign({"iss": "NIC", **qr_fields(), "TotInvVal": 118000})

    fields = decode_signed_qr_code(token)

    assert fields["DocNo"] == DOCUMENT_NUMBER
    assert fields["TotInvVal"] == Decimal("118000.00")
    assert fields["iss"] == "NIC"


def test_decode_signed_qr_code_numbers_are_decimal():
    token = sign({"data": '{"TotInvVal": 118000.10}'})

    fields = decode_signed_qr_code(token)

    assert fields["TotInvVal"] == Decimal("118000.10")
    assert isinstance(fields["TotInvVal"], Decimal)


def _unsigned_token(payload: bytes) -> str:
    header = base64.urlsafe_b64encode(b'{"alg":"RS256"}').rstrip(b"=").decode()
    body = base64.urlsafe_b64encode(payload).rstrip(b"=").decode()
    return f"{header}.{body}.c2lnbmF0dXJl"


@pytest.mark.parametrize(
    "token",
    [
        "",
        "not-a-jwt",
        "a.b",
        "a.b.c.d",
        "eyJhbGciOiJSUzI1NiJ9.***.c2ln",
        _unsigned_token(b"not json"),
        _unsigned_token(b"[1, 2]"),
        _unsigned_token(b'{"data": "not json"}'),
        _unsigned_token(b'{"data": 5}'),
    ],
)
def test_decode_signed_qr_code_malformed_rejected(token):
    with pytest.raises(EInvoiceError) as raised:
        decode_signed_qr_code(token)

    assert raised.value.problems[0].field == ("SignedQRCode",)


def test_compare_with_qr_code_matching_has_no_problems():
    invoice = parse_einvoice(portal_response())

    problems = compare_with_qr_code(
        invoice, decode_signed_qr_code(invoice.signed_qr_code)
    )

    assert problems == []


def test_compare_with_qr_code_computed_irn():
    invoice = parse_einvoice(invoice_document())

    assert compare_with_qr_code(invoice, qr_fields()) == []


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SellerGstin", "27AAPFU0939F1ZV"),
        ("BuyerGstin", "33AAPFD1365C1ZR"),
        ("DocNo", "INV/2024/0008"),
        ("DocTyp", "CRN"),
        ("DocDt", "16/07/2024"),
        ("TotInvVal", Decimal("118000.01")),
        ("ItemCnt", 3),
        ("MainHsnCode", "998898"),
        ("Irn", "0" * 64),
        ("IrnDt", "2024-07-15 11:43:00"),
    ],
)
def test_compare_with_qr_code_disagreeing_field_reported(name, value):
    invoice = parse_einvoice(portal_response())
    fields = {**qr_fields(), name: value}

    problems = compare_with_qr_code(invoice, fields)

    assert _fields(problems) == [("SignedQRCode", name)]
    assert f"The signed QR code has {name} {value}" in problems[0].message


def test_compare_with_qr_code_message_names_both_values():
    invoice = parse_einvoice(portal_response())
    fields = {**qr_fields(), "DocNo": "INV/2024/0008"}

    problems = compare_with_qr_code(invoice, fields)

    assert problems[0].message == (
        "The signed QR code has DocNo INV/2024/0008, but the invoice has INV/2024/0007."
    )


def test_compare_with_qr_code_every_field_reported():
    invoice = parse_einvoice(portal_response())
    fields = {name: "X" for name in qr_fields()}

    problems = compare_with_qr_code(invoice, fields)

    assert len(problems) == len(qr_fields())


@pytest.mark.parametrize(
    "name",
    [
        "SellerGstin",
        "BuyerGstin",
        "DocNo",
        "DocTyp",
        "DocDt",
        "TotInvVal",
        "ItemCnt",
        "Irn",
    ],
)
def test_compare_with_qr_code_missing_field_reported(name):
    invoice = parse_einvoice(portal_response())
    fields = qr_fields()
    del fields[name]

    problems = compare_with_qr_code(invoice, fields)

    assert _fields(problems) == [("SignedQRCode", name)]
    assert problems[0].message == f"The signed QR code has no {name}."


def test_compare_with_qr_code_total_compared_exactly():
    invoice = parse_einvoice(invoice_document())

    same_value = {**qr_fields(), "TotInvVal": Decimal("118000")}
    as_text = {**qr_fields(), "TotInvVal": "118000.00"}
    as_float = {**qr_fields(), "TotInvVal": 118000.0}

    assert compare_with_qr_code(invoice, same_value) == []
    assert compare_with_qr_code(invoice, as_text) == []
    float_problems = compare_with_qr_code(invoice, as_float)
    assert _fields(float_problems) == [("SignedQRCode", "TotInvVal")]
    assert "cannot be compared exactly" in float_problems[0].message


def test_compare_with_qr_code_numeric_hsn_matches():
    invoice = parse_einvoice(invoice_document())

    fields = {**qr_fields(), "MainHsnCode": 73251000}

    assert compare_with_qr_code(invoice, fields) == []


def test_compare_with_qr_code_irn_date_needs_ack():
    invoice = parse_einvoice(invoice_document())
    fields = {**qr_fields(), "IrnDt": "2030-01-01 00:00:00"}

    assert compare_with_qr_code(invoice, fields) == []


def test_compare_with_qr_code_bad_irn_date_reported():
    invoice = parse_einvoice(portal_response())
    fields = {**qr_fields(), "IrnDt": "not a time"}

    problems = compare_with_qr_code(invoice, fields)

    assert _fields(problems) == [("SignedQRCode", "IrnDt")]
    assert f"but the invoice has AckDt {ACK_DATE}" in problems[0].message


# Portal signature ----------------------------------------------------------------


def test_verify_portal_signature_right_key_true():
    token = signed_qr_code()

    assert verify_portal_signature(token, public_key_pem(portal_key())) is True


def test_verify_portal_signature_other_key_false():
    token = signed_qr_code()

    assert verify_portal_signature(token, public_key_pem(other_key())) is False


def test_verify_portal_signature_signed_invoice_true():
    invoice = parse_einvoice(portal_response())

    assert verify_portal_signature(invoice.signed_invoice, public_key_pem(portal_key()))


def test_verify_portal_signature_tampered_payload_false():
    header, _, signature = signed_qr_code().split(".")
    fields = {**qr_fields(), "TotInvVal": Decimal("1180000.00")}
    forged = signed_qr_code(fields).split(".")[1]

    token = f"{header}.{forged}.{signature}"

    assert verify_portal_signature(token, public_key_pem(portal_key())) is False


def test_verify_portal_signature_other_algorithm_false():
    token = _unsigned_token(b'{"data": "{}"}').replace(
        base64.urlsafe_b64encode(b'{"alg":"RS256"}').rstrip(b"=").decode(),
        base64.urlsafe_b64encode(b'{"alg":"HS256"}').rstrip(b"=").decode(),
    )

    assert verify_portal_signature(token, public_key_pem(portal_key())) is False


@pytest.mark.parametrize(
    "pem",
    [
        "",
        "not a key",
        "-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----\n",
    ],
)
def test_verify_portal_signature_malformed_key_rejected(pem):
    with pytest.raises(EInvoiceError, match="not an RSA key in PEM format"):
        verify_portal_signature(signed_qr_code(), pem)


@pytest.mark.parametrize("token", ["", "a.b", "***.***.***"])
def test_verify_portal_signature_malformed_token_rejected(token):
    with pytest.raises(EInvoiceError, match="signed token"):
        verify_portal_signature(token, public_key_pem(portal_key()))


def test_samples_are_independent_copies():
    first = invoice_document()
    second = copy.deepcopy(first)
    first["DocDtls"]["No"] = "CHANGED"

    assert invoice_document() == second
