"""Validation of Indian business identifiers: GSTIN, PAN, IFSC, Udyam, bank accounts.

Every validator strips surrounding whitespace from its input and upper-cases
it (bank account numbers are digits, so they are only stripped). It returns
the normalized value, or raises InvalidIdentifier:

    ValueError
    └── InvalidIdentifier   .value (normalized input) and .reason

GSTIN layout: a 2-digit state code, the holder's 10-character PAN, an entity
number (1-9, then A-Z), a 14th character (usually Z) and a check character.
The check character is the "Luhn mod 36" algorithm used by python-stdnum
(`stdnum/in_/gstin.py`). State codes run 01-38 (38 is Ladakh), plus 97 (other
territory) and 99 (other country, OIDAR services).
"""

from __future__ import annotations

import re
import string

GSTIN_STATE_CODES: frozenset[str] = frozenset(
    [f"{code:02d}" for code in range(1, 39)] + ["97", "99"]
)

# The states and union territories a business can have its principal place in
# today: every GST state code except 97 and 99, which are not places in a state,
# 25 (Daman and Diu, merged into 26 in 2020) and 28 (Andhra Pradesh before its
# division in 2014; the state now has 37).
CURRENT_STATE_CODES: frozenset[str] = GSTIN_STATE_CODES - {"25", "28", "97", "99"}

# The 4th character of a PAN is the holder type (python-stdnum `stdnum/in_/pan.py`).
# NOTE: python-stdnum also accepts K (Krish trust), which is not listed here, so
# validate_pan() rejects such a PAN.
PAN_HOLDER_TYPES: dict[str, str] = {
    "A": "association of persons",
    "B": "body of individuals",
    "C": "company",
    "F": "firm",
    "G": "government",
    "H": "Hindu undivided family",
    "J": "artificial juridical person",
    "L": "local authority",
    "P": "individual person",
    "T": "trust",
}

_MOD36_ALPHABET = string.digits + string.ascii_uppercase

_PAN_LAYOUT = re.compile(r"[A-Z]{5}[0-9]{4}[A-Z]")
_GSTIN_STATE_LAYOUT = re.compile(r"[0-9]{2}")
_GSTIN_ENTITY_LAYOUT = re.compile(r"[1-9A-Z]")
_SANDBOX_ENTITY_LAYOUT = re.compile(r"[0-9A-Z]")
_ALPHANUMERIC = re.compile(r"[0-9A-Z]+")
_IFSC_LAYOUT = re.compile(r"[A-Z]{4}0[A-Z0-9]{6}")
_UDYAM_LAYOUT = re.compile(r"UDYAM-[A-Z]{2}-[0-9]{2}-[0-9]{7}")
_BANK_ACCOUNT_LAYOUT = re.compile(r"[0-9]{9,18}")


class InvalidIdentifier(ValueError):
    """An identifier that fails its layout, code list or check character."""

    def __init__(self, kind: str, value: str, reason: str) -> None:
        self.kind = kind
        self.value = value
        self.reason = reason
        if value:
            super().__init__(f"{kind} {value} {reason}")
        else:
            super().__init__(f"{kind} {reason}")


def _require(kind: str, value: str) -> None:
    if not value:
        raise InvalidIdentifier(kind, "", "is missing; enter it")


def normalize(value: str) -> str:
    """Strip surrounding whitespace and upper-case an identifier."""
    return value.strip().upper()


def gstin_check_character(first_fourteen: str) -> str:
    """Compute the mod-36 check character of the first 14 characters of a GSTIN.

    Each character's value (0-9, then A-Z as 10-35) is multiplied by 1 at odd
    and 2 at even 1-based positions. The product's base-36 digits are summed.
    The final `% 36` maps a sum that is already a multiple of 36 to check
    character 0, not to an out-of-range 36.
    """
    if len(first_fourteen) != 14 or not _ALPHANUMERIC.fullmatch(first_fourteen):
        raise InvalidIdentifier(
            "GSTIN prefix",
            first_fourteen,
            "is invalid, expected 14 capital letters or digits",
        )

    total = 0
    for index, character in enumerate(first_fourteen):
        factor = 1 if index % 2 == 0 else 2
        product = _MOD36_ALPHABET.index(character) * factor
        total += product // 36 + product % 36

    return _MOD36_ALPHABET[(36 - total % 36) % 36]


def validate_gstin(value: str, *, allow_sandbox: bool = False) -> str:
    """Return the normalized GSTIN, or raise InvalidIdentifier naming what is wrong.

    `allow_sandbox` accepts the GSTINs that the government's e-invoice sandbox
    hands out, such as 02AMBPG7773M002: the check character is not tested and
    the entity number may be 0. Production code never sets it.
    """
    gstin = normalize(value)
    _require("GSTIN", gstin)

    _check_gstin_layout(gstin, allow_sandbox=allow_sandbox)
    if gstin[:2] not in GSTIN_STATE_CODES:
        raise InvalidIdentifier(
            "GSTIN",
            gstin,
            f"has unknown state code {gstin[:2]}, expected 01-38, 97 or 99",
        )

    if not allow_sandbox:
        expected = gstin_check_character(gstin[:14])
        if gstin[14] != expected:
            raise InvalidIdentifier(
                "GSTIN", gstin, f"has check character {gstin[14]}, expected {expected}"
            )

    return gstin


def _check_gstin_layout(gstin: str, *, allow_sandbox: bool) -> None:
    if len(gstin) != 15:
        raise InvalidIdentifier(
            "GSTIN", gstin, f"has {len(gstin)} characters, expected 15"
        )

    if not _GSTIN_STATE_LAYOUT.fullmatch(gstin[:2]):
        raise InvalidIdentifier(
            "GSTIN", gstin, f"starts with {gstin[:2]}, expected a 2-digit state code"
        )

    if not _PAN_LAYOUT.fullmatch(gstin[2:12]):
        raise InvalidIdentifier(
            "GSTIN",
            gstin,
            f"has {gstin[2:12]} at positions 3-12, expected a PAN "
            "(five letters, four digits, one letter)",
        )

    entity_layout = _SANDBOX_ENTITY_LAYOUT if allow_sandbox else _GSTIN_ENTITY_LAYOUT
    if not entity_layout.fullmatch(gstin[12]):
        raise InvalidIdentifier(
            "GSTIN",
            gstin,
            f"has entity number {gstin[12]} at position 13, expected 1-9 or A-Z",
        )

    if not _ALPHANUMERIC.fullmatch(gstin[13:]):
        raise InvalidIdentifier(
            "GSTIN",
            gstin,
            f"ends with {gstin[13:]}, expected two capital letters or digits",
        )


def validate_pan(value: str) -> str:
    """Return the normalized PAN, or raise InvalidIdentifier naming what is wrong."""
    pan = normalize(value)
    _require("PAN", pan)

    if not _PAN_LAYOUT.fullmatch(pan):
        raise InvalidIdentifier(
            "PAN", pan, "is invalid, expected five letters, four digits and a letter"
        )

    if pan[3] not in PAN_HOLDER_TYPES:
        known = ", ".join(PAN_HOLDER_TYPES)
        raise InvalidIdentifier(
            "PAN", pan, f"has holder type {pan[3]}, expected one of {known}"
        )

    if pan[5:9] == "0000":
        raise InvalidIdentifier("PAN", pan, "has serial 0000, expected 0001-9999")

    return pan


def pan_holder_type(pan: str) -> str:
    """Describe the holder type of a valid PAN, such as "company"."""
    valid_pan = validate_pan(pan)

    return PAN_HOLDER_TYPES[valid_pan[3]]


def gstin_pan(gstin: str) -> str:
    """Return the PAN inside a GSTIN (characters 3-12).

    The GSTIN's layout is validated, but not its check character, so sandbox
    GSTINs work too.
    """
    valid_gstin = validate_gstin(gstin, allow_sandbox=True)

    return valid_gstin[2:12]


def validate_ifsc(value: str) -> str:
    """Return the normalized IFSC, or raise InvalidIdentifier."""
    ifsc = normalize(value)
    _require("IFSC", ifsc)

    if not _IFSC_LAYOUT.fullmatch(ifsc):
        raise InvalidIdentifier(
            "IFSC",
            ifsc,
            "is invalid, expected a 4-letter bank code, "
            "a 0 and a 6-character branch code",
        )

    return ifsc


def validate_udyam(value: str) -> str:
    """Return the normalized Udyam registration number, or raise InvalidIdentifier."""
    udyam = normalize(value)
    _require("Udyam registration number", udyam)

    if not _UDYAM_LAYOUT.fullmatch(udyam):
        raise InvalidIdentifier(
            "Udyam registration number",
            udyam,
            "is invalid, expected UDYAM-XX-00-0000000 "
            "(state letters, 2-digit district, 7-digit serial)",
        )

    return udyam


def validate_bank_account_number(value: str) -> str:
    """Return the bank account number without surrounding spaces, or raise."""
    number = value.strip()
    _require("Bank account number", number)

    if not _BANK_ACCOUNT_LAYOUT.fullmatch(number):
        raise InvalidIdentifier(
            "Bank account number", number, "is invalid, expected 9 to 18 digits"
        )

    return number


def build_gstin(
    state_code: str, pan: str, entity: str = "1", fourteenth: str = "Z"
) -> str:
    """Assemble a valid GSTIN, appending its check character (for demo data)."""
    first_fourteen = normalize(state_code + validate_pan(pan) + entity + fourteenth)

    check_character = gstin_check_character(first_fourteen)

    return validate_gstin(first_fourteen + check_character)
