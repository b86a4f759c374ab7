"""Expected failures of a use case, reported against the input field at fault."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    """One expected failure: which input field, a code, and a message."""

    field: tuple[str | int, ...] | None
    code: str
    message: str


class FieldErrors(Exception):
    """Raised by a service when its input cannot be accepted; nothing was written."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(error.message for error in errors))
        self.errors = errors

    @classmethod
    def single(
        cls, field: tuple[str | int, ...] | None, code: str, message: str
    ) -> FieldErrors:
        return cls([FieldError(field, code, message)])
