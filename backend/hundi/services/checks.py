"""Collecting every field error of an input before a service writes anything."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from hundi.domain.identifiers import InvalidIdentifier
from hundi.domain.money import InvalidAmount, check_amount
from hundi.services.errors import FieldError, FieldErrors

FieldPath = tuple[str | int, ...]


class ErrorCollector:
    """Field errors gathered while checking one input, raised together at the end."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, field: FieldPath | None, code: str, message: str) -> None:
        self.errors.append(FieldError(field, code, message))

    def extend(self, errors: list[FieldError]) -> None:
        self.errors.extend(errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise FieldErrors(self.errors)

    def text(
        self,
        value: str | None,
        field: FieldPath,
        label: str,
        *,
        max_length: int,
        required: bool = True,
    ) -> str:
        """Return the stripped text, or "" when it is missing or unusable.

        A missing required text and a text over `max_length` are recorded as
        errors; a missing optional one is not.
        """
        cleaned = (value or "").strip()
        if not cleaned:
            if required:
                self.add(field, "REQUIRED", f"{label} is missing; fill it in.")
            return ""

        if len(cleaned) > max_length:
            self.add(
                field,
                "TOO_LONG",
                f"{label} has {len(cleaned)} characters; shorten it to at most "
                f"{max_length}.",
            )
            return ""

        return cleaned

    def identifier(
        self,
        validate: Callable[[str], str],
        value: str,
        field: FieldPath,
        code: str,
    ) -> str:
        """Return the validated identifier, or "" after recording its error."""
        try:
            return validate(value)
        except InvalidIdentifier as error:
            self.add(field, code, f"{error}.")
            return ""

    def amount(
        self, value: Decimal, field: FieldPath, label: str, *, allow_zero: bool = False
    ) -> Decimal | None:
        """Return the amount in rupees and paise, or None after recording why not."""
        try:
            return check_amount(value, allow_zero=allow_zero)
        except InvalidAmount as error:
            self.add(field, "INVALID_AMOUNT", f"{label} {error}.")
            return None
