"""Masking of personal data for roles that do not need it whole."""

from __future__ import annotations


def mask_pan(pan: str) -> str:
    """Hide the serial digits of a PAN: AAPPV1234K becomes AAPPVXXXXK."""
    if len(pan) != 10:
        return "X" * len(pan)
    return pan[:5] + "XXXX" + pan[9]


def mask_account_number(number: str) -> str:
    """Keep the last four digits of a bank account number."""
    visible = 4 if len(number) > 4 else 0
    return "X" * (len(number) - visible) + number[len(number) - visible :]


def mask_email(email: str) -> str:
    """Keep the first letter of the mailbox and the domain: r***@example.com."""
    local, at, domain = email.partition("@")
    if not at:
        return "***"
    return f"{local[:1]}***@{domain}"


def mask_phone(phone: str) -> str:
    """Keep the last three digits of a phone number."""
    digits = [char for char in phone if char.isdigit()]
    return "X" * max(len(digits) - 3, 0) + "".join(digits[-3:])
