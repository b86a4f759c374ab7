"""Tests of GSTIN, PAN, IFSC, Udyam and bank account number validation."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hundi.domain.identifiers import (
    GSTIN_STATE_CODES,
    PAN_HOLDER_TYPES,
    InvalidIdentifier,
    build_gstin,
    gstin_check_character,
    gstin_pan,
    normalize,
    pan_holder_type,
    validate_bank_account_number,
    validate_gstin,
    validate_ifsc,
    validate_pan,
    validate_udyam,
)

ALPHANUMERIC = string.digits + string.ascii_uppercase

# Valid GSTINs from python-stdnum's test data.
VALID_GSTINS = ["27AAPFU0939F1ZV", "33AAPFD1365C1ZR", "27AAPPR5813B1ZM"]

# Built for this test: its check character is 0, which the final "% 36" of
# the check character algorithm produces.
GSTIN_WITH_CHECK_CHARACTER_ZERO = "27AAPFU0059F1Z0"

# Handed out by the government's e-invoice sandbox. It has entity number 0
# and a wrong check character (W is expected).
SANDBOX_GSTIN = "02AMBPG7773M002"


def _with_check_character(first_fourteen: str) -> str:
    return first_fourteen + gstin_check_character(first_fourteen)


pans = st.builds(
    lambda prefix, holder, initial, serial, last: (
        f"{prefix}{holder}{initial}{serial:04d}{last}"
    ),
    st.text(string.ascii_uppercase, min_size=3, max_size=3),
    st.sampled_from(sorted(PAN_HOLDER_TYPES)),
    st.sampled_from(string.ascii_uppercase),
    st.integers(min_value=1, max_value=9999),
    st.sampled_from(string.ascii_uppercase),
)
state_codes = st.sampled_from(sorted(GSTIN_STATE_CODES))
entities = st.sampled_from(string.digits[1:] + string.ascii_uppercase)
gstins = st.builds(build_gstin, state_codes, pans, entities)


@pytest.mark.parametrize("gstin", VALID_GSTINS)
def test_validate_gstin_known_valid(gstin):
    assert validate_gstin(gstin) == gstin


def test_validate_gstin_check_character_zero_valid():
    gstin = GSTIN_WITH_CHECK_CHARACTER_ZERO

    assert gstin_check_character(gstin[:14]) == "0"
    assert validate_gstin(gstin) == gstin


def test_validate_gstin_normalizes_case_and_spaces():
    assert validate_gstin("  27aapfu0939f1zv ") == "27AAPFU0939F1ZV"


def test_validate_gstin_wrong_check_character_message():
    with pytest.raises(InvalidIdentifier) as raised:
        validate_gstin("27AAPFU0939F1ZX")

    assert (
        str(raised.value) == "GSTIN 27AAPFU0939F1ZX has check character X, expected V"
    )
    assert raised.value.value == "27AAPFU0939F1ZX"
    assert raised.value.reason == "has check character X, expected V"
    assert isinstance(raised.value, ValueError)


def test_validate_gstin_sandbox_fails_without_flag():
    with pytest.raises(InvalidIdentifier, match=SANDBOX_GSTIN):
        validate_gstin(SANDBOX_GSTIN)


def test_validate_gstin_sandbox_passes_with_flag():
    assert validate_gstin(SANDBOX_GSTIN, allow_sandbox=True) == SANDBOX_GSTIN


def test_validate_gstin_sandbox_flag_still_checks_state_code():
    with pytest.raises(InvalidIdentifier, match="unknown state code 39"):
        validate_gstin("39AMBPG7773M002", allow_sandbox=True)


def test_validate_gstin_sandbox_flag_still_checks_length():
    with pytest.raises(InvalidIdentifier, match="has 14 characters, expected 15"):
        validate_gstin("02AMBPG7773M00", allow_sandbox=True)


@pytest.mark.parametrize("state_code", ["38", "97", "99", "01", "37"])
def test_validate_gstin_state_code_valid(state_code):
    gstin = _with_check_character(f"{state_code}AAPFU0939F1Z")

    assert validate_gstin(gstin) == gstin


@pytest.mark.parametrize("state_code", ["39", "00", "96", "98", "40"])
def test_validate_gstin_state_code_invalid(state_code):
    gstin = _with_check_character(f"{state_code}AAPFU0939F1Z")

    with pytest.raises(InvalidIdentifier, match=f"unknown state code {state_code}"):
        validate_gstin(gstin)


def test_gstin_state_codes_complete():
    expected = {f"{code:02d}" for code in range(1, 39)} | {"97", "99"}

    assert expected == GSTIN_STATE_CODES


@pytest.mark.parametrize(
    ("gstin", "reason"),
    [
        ("", "is missing"),
        ("27AAPFU0939F1Z", "has 14 characters, expected 15"),
        ("27AAPFU0939F1ZVV", "has 16 characters, expected 15"),
        ("2AAAPFU0939F1ZV", "expected a 2-digit state code"),
        ("271APFU0939F1ZV", "expected a PAN"),
        ("27AAPFUO939F1ZV", "expected a PAN"),
        ("27AAPFU0939F0ZV", "entity number 0 at position 13"),
        ("27AAPFU0939F1-V", "expected two capital letters or digits"),
        ("27AAPFU0939F1Z#", "expected two capital letters or digits"),
    ],
)
def test_validate_gstin_bad_layout_rejected(gstin, reason):
    with pytest.raises(InvalidIdentifier, match=reason):
        validate_gstin(gstin)


def test_validate_gstin_fourteenth_character_need_not_be_z():
    gstin = _with_check_character("27AAPFU0939F1A")

    assert validate_gstin(gstin) == gstin


@given(gstins)
def test_gstin_built_is_valid(gstin):
    assert validate_gstin(gstin) == gstin


@given(
    gstin=gstins,
    position=st.integers(min_value=0, max_value=14),
    replacement=st.sampled_from(ALPHANUMERIC),
)
def test_gstin_single_character_change_fails(gstin, position, replacement):
    if gstin[position] == replacement:
        replacement = ALPHANUMERIC[(ALPHANUMERIC.index(replacement) + 1) % 36]
    changed = gstin[:position] + replacement + gstin[position + 1 :]

    with pytest.raises(InvalidIdentifier):
        validate_gstin(changed)


def test_gstin_check_character_rejects_bad_prefix():
    with pytest.raises(InvalidIdentifier, match="expected 14 capital letters"):
        gstin_check_character("27AAPFU0939F1")


def test_build_gstin_matches_known_valid():
    assert build_gstin("27", "AAPFU0939F", "1", "Z") == "27AAPFU0939F1ZV"


def test_build_gstin_unknown_state_code_rejected():
    with pytest.raises(InvalidIdentifier, match="unknown state code 39"):
        build_gstin("39", "AAPFU0939F")


def test_build_gstin_invalid_pan_rejected():
    with pytest.raises(InvalidIdentifier, match="PAN AAPXU0939F"):
        build_gstin("27", "AAPXU0939F")


def test_gstin_pan_returns_characters_3_to_12():
    assert gstin_pan("27AAPFU0939F1ZV") == "AAPFU0939F"


def test_gstin_pan_rejects_bad_layout():
    with pytest.raises(InvalidIdentifier, match="has 10 characters"):
        gstin_pan("AAPFU0939F")


def test_normalize_strips_and_upper_cases():
    assert normalize(" aapfu0939f\n") == "AAPFU0939F"


@pytest.mark.parametrize(
    "pan", ["AAPFU0939F", "AAPPR5813B", "ABCCD0001Z", "ZZZGZ9999A"]
)
def test_validate_pan_valid(pan):
    assert validate_pan(pan) == pan


@pytest.mark.parametrize(
    ("pan", "reason"),
    [
        ("AAPFU0939", "expected five letters, four digits and a letter"),
        ("AAPFU09391", "expected five letters, four digits and a letter"),
        ("1APFU0939F", "expected five letters, four digits and a letter"),
        ("AAPXU0939F", "has holder type X"),
        ("AAPEU0939F", "has holder type E"),
        ("AAPFU0000F", "has serial 0000, expected 0001-9999"),
    ],
)
def test_validate_pan_invalid(pan, reason):
    with pytest.raises(InvalidIdentifier, match=reason):
        validate_pan(pan)


@pytest.mark.parametrize(
    ("pan", "holder_type"),
    [
        ("AAPPR5813B", "individual person"),
        ("AAACR5055K", "company"),
        ("AAAHS1234K", "Hindu undivided family"),
        ("AAPFU0939F", "firm"),
        ("AAAAB1234C", "association of persons"),
        ("AAATB1234C", "trust"),
        ("AAABB1234C", "body of individuals"),
        ("AAALB1234C", "local authority"),
        ("AAAJB1234C", "artificial juridical person"),
        ("AAAGB1234C", "government"),
    ],
)
def test_pan_holder_type_described(pan, holder_type):
    assert pan_holder_type(pan) == holder_type


@pytest.mark.parametrize("ifsc", ["HDFC0001234", "SBIN0000001", "ICIC0ABC123"])
def test_validate_ifsc_valid(ifsc):
    assert validate_ifsc(ifsc) == ifsc


def test_validate_ifsc_normalizes():
    assert validate_ifsc(" hdfc0001234 ") == "HDFC0001234"


@pytest.mark.parametrize(
    "ifsc", ["HDFC1001234", "HDF00001234", "HDFC000123", "HDFC00012345", "HDFC000123#"]
)
def test_validate_ifsc_invalid(ifsc):
    with pytest.raises(InvalidIdentifier, match="4-letter bank code"):
        validate_ifsc(ifsc)


def test_validate_udyam_valid():
    assert validate_udyam("udyam-mh-26-0012345") == "UDYAM-MH-26-0012345"


@pytest.mark.parametrize(
    "udyam",
    [
        "UDYAM-MH-6-0012345",
        "UDYAM-M1-26-0012345",
        "UDYAM-MH-26-001234",
        "UDYAM-MH-26-00123456",
        "UDYOG-MH-26-0012345",
        "UDYAMMH260012345",
    ],
)
def test_validate_udyam_invalid(udyam):
    with pytest.raises(InvalidIdentifier, match="expected UDYAM-XX-00-0000000"):
        validate_udyam(udyam)


@pytest.mark.parametrize(
    "number", ["123456789", "000123456789012345", " 50100012345678 "]
)
def test_validate_bank_account_number_valid(number):
    assert validate_bank_account_number(number) == number.strip()


@pytest.mark.parametrize(
    "number", ["12345678", "1234567890123456789", "1234 5678 9012", "12345678X"]
)
def test_validate_bank_account_number_invalid(number):
    with pytest.raises(InvalidIdentifier, match="expected 9 to 18 digits"):
        validate_bank_account_number(number)


@pytest.mark.parametrize(
    "validate",
    [
        validate_gstin,
        validate_pan,
        validate_ifsc,
        validate_udyam,
        validate_bank_account_number,
    ],
)
def test_validate_empty_value_is_missing(validate):
    with pytest.raises(InvalidIdentifier, match="is missing"):
        validate("  ")
