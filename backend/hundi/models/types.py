"""Column types that keep money, rates and instants exact on both databases.

PostgreSQL stores money as `NUMERIC(18, 2)`. SQLite has no exact decimal
storage class: a NUMERIC column there keeps `0.10` as a binary float and sums
drift. So on SQLite the same column holds a scaled integer (paise for money),
which SQLite adds exactly, and these types convert at the boundary.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, DateTime, Dialect, Numeric
from sqlalchemy import Enum as SqlEnum
from sqlalchemy.types import TypeDecorator, TypeEngine


class ExactDecimal(TypeDecorator[Decimal]):
    """A fixed-scale decimal: `NUMERIC(p, s)` on PostgreSQL, scaled integer on SQLite.

    Binding a value with more decimal places than the scale raises instead of
    rounding, so a bug upstream cannot lose a paisa silently.
    """

    impl = Numeric
    cache_ok = True

    def __init__(self, precision: int, scale: int) -> None:
        super().__init__(precision=precision, scale=scale, asdecimal=True)
        self.precision = precision
        self.scale = scale
        self._quantum = Decimal(1).scaleb(-scale)

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(BigInteger())
        return dialect.type_descriptor(
            Numeric(self.precision, self.scale, asdecimal=True)
        )

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if isinstance(value, float) or not isinstance(value, Decimal | int):
            raise TypeError(
                f"exact decimal column got {type(value).__name__} {value!r}"
            )
        exact = Decimal(value).quantize(self._quantum)
        if exact != value:
            raise ValueError(f"{value} has more than {self.scale} decimal places")
        if dialect.name == "sqlite":
            return int(exact.scaleb(self.scale))
        return exact

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        if dialect.name == "sqlite":
            if isinstance(value, float):
                # Only AVG and division produce floats from integer columns.
                return Decimal(repr(value)).scaleb(-self.scale)
            return Decimal(int(value)).scaleb(-self.scale).quantize(self._quantum)
        if isinstance(value, Decimal) and value.as_tuple().exponent == -self.scale:
            # asyncpg already returns NUMERIC(p, s) columns at scale s.
            return value
        return Decimal(value).quantize(self._quantum)

    def coerce_compared_value(self, op: Any, value: Any) -> TypeEngine[Any]:
        return self


def Money() -> ExactDecimal:
    """Rupees with paise: `NUMERIC(18, 2)`."""
    return ExactDecimal(18, 2)


RATE_SCALE = 6


def Rate() -> ExactDecimal:
    """A fraction such as an annual rate of 0.1450 (14.5%), exact to 6 places."""
    return ExactDecimal(10, RATE_SCALE)


def fraction_check(column: str, name: str) -> list[CheckConstraint]:
    """CHECK that a Rate column lies in (0, 1], on both databases.

    SQLite holds the rate as an integer scaled by 10**6, so 1 is written
    1000000 there.
    """
    one_on_sqlite = 10**RATE_SCALE
    return [
        CheckConstraint(f"{column} > 0 AND {column} <= 1", name=name).ddl_if(
            dialect="postgresql"
        ),
        CheckConstraint(
            f"{column} > 0 AND {column} <= {one_on_sqlite}", name=name
        ).ddl_if(dialect="sqlite"),
    ]


class UtcDateTime(TypeDecorator[datetime]):
    """An instant stored in UTC; naive datetimes are rejected on the way in."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValueError(f"instant {value!r} must be a timezone-aware datetime")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def enum_column(enum_class: type[enum.StrEnum], length: int = 24) -> SqlEnum:
    """A string column limited to the members of `enum_class` by a CHECK constraint."""
    return SqlEnum(
        enum_class,
        name=_snake(enum_class.__name__),
        native_enum=False,
        create_constraint=True,
        length=length,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


def _snake(name: str) -> str:
    return "".join(
        f"_{char.lower()}" if char.isupper() and index else char.lower()
        for index, char in enumerate(name)
    )
