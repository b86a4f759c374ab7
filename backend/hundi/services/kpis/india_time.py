"""India-time calendar arithmetic inside SQL, for PostgreSQL and SQLite alike.

Instants are stored in UTC. The success metrics group them by calendar
month in India time (Asia/Kolkata, UTC+05:30 all year: India has had no
daylight saving time since 1945), so the grouping happens in the database:

    india_month(Loan.disbursed_at)   -- first day of the India month, a DATE

Each construct compiles per dialect, with the fixed offset +05:30 on both.
PostgreSQL shifts with `AT TIME ZONE INTERVAL '+05:30'`: the same instants as
`AT TIME ZONE 'Asia/Kolkata'`, but without a time zone lookup per row, which
took a third of the time of grouping 1.4 million events by month
(PostgreSQL 15, docs/benchmarks.md). SQLite keeps an instant as text
('YYYY-MM-DD HH:MM:SS.ffffff', UTC) and shifts it with the modifier
'+330 minutes'.

The constructs that return a month or day boundary (`india_month_start`,
`india_day_start`) give text with milliseconds on SQLite ('... HH:MM:SS.000').
A stored value compares correctly against it as text, and a stored value at
exactly that instant sorts after it, so `>=` includes it and `<` excludes
it, as for the instant itself. `plus_days` keeps the instant's own
microseconds.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Date, Numeric, literal_column
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from hundi.models.types import UtcDateTime

INDIA_ZONE = "INTERVAL '+05:30'"
INDIA_OFFSET = "'+330 minutes'"
UTC_FROM_INDIA = "'-330 minutes'"
SQLITE_INSTANT = "'%Y-%m-%d %H:%M:%f'"


def _sqlite_whole_seconds(instant: str) -> str:
    """Cut a stored SQLite instant to 'YYYY-MM-DD HH:MM:SS'.

    SQLite's date functions round fractions to milliseconds, so 23:59:59.9999
    would become the next day; the whole seconds never cross a boundary the
    instant itself has not crossed.
    """
    return f"substr({instant}, 1, 19)"


def _arguments(
    element: FunctionElement[Any], compiler: SQLCompiler, **kw: Any
) -> list[str]:
    return [compiler.process(clause, **kw) for clause in element.clauses]


def _whole(number: int) -> ColumnElement[Any]:
    # A literal column is part of the statement's cache key, so statements
    # that differ only in this number are cached apart.
    return literal_column(str(int(number)))


def _with_number(
    element: FunctionElement[Any], compiler: SQLCompiler, **kw: Any
) -> tuple[str, int]:
    """Compile the first argument; return it with the whole number after it."""
    first, number = element.clauses
    return compiler.process(first, **kw), int(number.name)


class india_month(FunctionElement[Any]):
    """The first day of the India calendar month of a UTC instant."""

    type = Date()
    inherit_cache = True


@compiles(india_month, "postgresql")
def _india_month_postgresql(
    element: india_month, compiler: SQLCompiler, **kw: Any
) -> str:
    (instant,) = _arguments(element, compiler, **kw)
    return f"CAST(date_trunc('month', {instant} AT TIME ZONE {INDIA_ZONE}) AS DATE)"


@compiles(india_month, "sqlite")
def _india_month_sqlite(element: india_month, compiler: SQLCompiler, **kw: Any) -> str:
    (instant,) = _arguments(element, compiler, **kw)
    return f"date({_sqlite_whole_seconds(instant)}, {INDIA_OFFSET}, 'start of month')"


class month_of(FunctionElement[Any]):
    """The first day of the month of a date (a business date, no time zone)."""

    type = Date()
    inherit_cache = True


@compiles(month_of, "postgresql")
def _month_of_postgresql(element: month_of, compiler: SQLCompiler, **kw: Any) -> str:
    (day,) = _arguments(element, compiler, **kw)
    return f"CAST(date_trunc('month', CAST({day} AS TIMESTAMP)) AS DATE)"


@compiles(month_of, "sqlite")
def _month_of_sqlite(element: month_of, compiler: SQLCompiler, **kw: Any) -> str:
    (day,) = _arguments(element, compiler, **kw)
    return f"date({day}, 'start of month')"


class india_day(FunctionElement[Any]):
    """The India calendar date of a UTC instant."""

    type = Date()
    inherit_cache = True


@compiles(india_day, "postgresql")
def _india_day_postgresql(element: india_day, compiler: SQLCompiler, **kw: Any) -> str:
    (instant,) = _arguments(element, compiler, **kw)
    return f"CAST({instant} AT TIME ZONE {INDIA_ZONE} AS DATE)"


@compiles(india_day, "sqlite")
def _india_day_sqlite(element: india_day, compiler: SQLCompiler, **kw: Any) -> str:
    (instant,) = _arguments(element, compiler, **kw)
    return f"date({_sqlite_whole_seconds(instant)}, {INDIA_OFFSET})"


class microseconds_between(FunctionElement[Any]):
    """Microseconds from one instant to a later one, exactly, on both databases.

    PostgreSQL subtracts the instants and reads the interval's seconds with
    their 6 decimal places. SQLite takes whole seconds from strftime('%s') of
    the instant cut to the second, and the microseconds from the 6 digits
    after the point that SQLAlchemy always writes ('YYYY-MM-DD
    HH:MM:SS.ffffff', so characters 21 to 26).
    """

    type = Numeric()
    inherit_cache = True


@compiles(microseconds_between, "postgresql")
def _microseconds_postgresql(
    element: microseconds_between, compiler: SQLCompiler, **kw: Any
) -> str:
    start, end = _arguments(element, compiler, **kw)
    return f"(extract(epoch FROM ({end} - {start})) * 1000000)"


@compiles(microseconds_between, "sqlite")
def _microseconds_sqlite(
    element: microseconds_between, compiler: SQLCompiler, **kw: Any
) -> str:
    start, end = _arguments(element, compiler, **kw)
    seconds = (
        f"(CAST(strftime('%s', {_sqlite_whole_seconds(end)}) AS INTEGER)"
        f" - CAST(strftime('%s', {_sqlite_whole_seconds(start)}) AS INTEGER))"
    )
    fractions = (
        f"(CAST(substr({end}, 21, 6) AS INTEGER)"
        f" - CAST(substr({start}, 21, 6) AS INTEGER))"
    )
    return f"({seconds} * 1000000 + {fractions})"


class sum_microseconds_between(FunctionElement[Any]):
    """Sum of the microseconds from one instant to a later one over a group's rows.

    PostgreSQL sums the intervals, whose days and microseconds are exact,
    and converts only the total to seconds. That is the same number as a
    sum of `microseconds_between`, and took a third less time for 690,000
    sessions (docs/benchmarks.md). SQLite sums `microseconds_between`.
    """

    type = Numeric()
    inherit_cache = True


@compiles(sum_microseconds_between, "postgresql")
def _sum_microseconds_postgresql(
    element: sum_microseconds_between, compiler: SQLCompiler, **kw: Any
) -> str:
    start, end = _arguments(element, compiler, **kw)
    return f"(extract(epoch FROM sum({end} - {start})) * 1000000)"


@compiles(sum_microseconds_between, "sqlite")
def _sum_microseconds_sqlite(
    element: sum_microseconds_between, compiler: SQLCompiler, **kw: Any
) -> str:
    start, end = element.clauses
    between = microseconds_between(start, end)
    return f"sum({compiler.process(between, **kw)})"


class _india_month_start(FunctionElement[Any]):
    type = UtcDateTime()
    inherit_cache = True


def india_month_start(instant: Any, months_later: int) -> _india_month_start:
    """Return the UTC instant at which the India month `months_later` after
    `instant`'s own month begins (0 is its own month)."""
    return _india_month_start(instant, _whole(months_later))


@compiles(_india_month_start, "postgresql")
def _india_month_start_postgresql(
    element: _india_month_start, compiler: SQLCompiler, **kw: Any
) -> str:
    instant, months = _with_number(element, compiler, **kw)
    return (
        f"((date_trunc('month', {instant} AT TIME ZONE {INDIA_ZONE})"
        f" + interval '{months} months') AT TIME ZONE {INDIA_ZONE})"
    )


@compiles(_india_month_start, "sqlite")
def _india_month_start_sqlite(
    element: _india_month_start, compiler: SQLCompiler, **kw: Any
) -> str:
    instant, months = _with_number(element, compiler, **kw)
    return (
        f"strftime({SQLITE_INSTANT}, {_sqlite_whole_seconds(instant)}, {INDIA_OFFSET},"
        " 'start of month',"
        f" '{months:+d} months', {UTC_FROM_INDIA})"
    )


class _india_day_start(FunctionElement[Any]):
    type = UtcDateTime()
    inherit_cache = True


def india_day_start(day: Any, days_later: int) -> _india_day_start:
    """Return the UTC instant at which the India day `days_later` after `day` begins."""
    return _india_day_start(day, _whole(days_later))


@compiles(_india_day_start, "postgresql")
def _india_day_start_postgresql(
    element: _india_day_start, compiler: SQLCompiler, **kw: Any
) -> str:
    day, days = _with_number(element, compiler, **kw)
    return f"(CAST({day} + {days} AS TIMESTAMP) AT TIME ZONE {INDIA_ZONE})"


@compiles(_india_day_start, "sqlite")
def _india_day_start_sqlite(
    element: _india_day_start, compiler: SQLCompiler, **kw: Any
) -> str:
    day, days = _with_number(element, compiler, **kw)
    return f"strftime({SQLITE_INSTANT}, {day}, '{days:+d} days', {UTC_FROM_INDIA})"


class _plus_days(FunctionElement[Any]):
    type = UtcDateTime()
    inherit_cache = True


def plus_days(instant: Any, days: int) -> _plus_days:
    """Return the instant `days` times 24 hours after `instant`."""
    return _plus_days(instant, _whole(days))


@compiles(_plus_days, "postgresql")
def _plus_days_postgresql(element: _plus_days, compiler: SQLCompiler, **kw: Any) -> str:
    instant, days = _with_number(element, compiler, **kw)
    # Hours rather than days, so that no session time zone shifts the sum.
    return f"({instant} + interval '{24 * days} hours')"


@compiles(_plus_days, "sqlite")
def _plus_days_sqlite(element: _plus_days, compiler: SQLCompiler, **kw: Any) -> str:
    instant, days = _with_number(element, compiler, **kw)
    # Whole seconds moved by the days, then the instant's own fraction again.
    whole = _sqlite_whole_seconds(instant)
    moved = f"strftime('%Y-%m-%d %H:%M:%S', {whole}, '{days:+d} days')"
    return f"({moved} || substr({instant}, 20))"


class _date_plus_days(FunctionElement[Any]):
    type = Date()
    inherit_cache = True


def date_plus_days(day: Any, days: int) -> _date_plus_days:
    """Return the date `days` days after the date `day`."""
    return _date_plus_days(day, _whole(days))


@compiles(_date_plus_days, "postgresql")
def _date_plus_days_postgresql(
    element: _date_plus_days, compiler: SQLCompiler, **kw: Any
) -> str:
    day, days = _with_number(element, compiler, **kw)
    return f"({day} + {days})"


@compiles(_date_plus_days, "sqlite")
def _date_plus_days_sqlite(
    element: _date_plus_days, compiler: SQLCompiler, **kw: Any
) -> str:
    day, days = _with_number(element, compiler, **kw)
    return f"date({day}, '{days:+d} days')"
