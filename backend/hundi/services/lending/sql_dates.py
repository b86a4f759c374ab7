"""Date arithmetic in SQL that reads the same on PostgreSQL and SQLite.

`day_number(date)` is the number of days from 1 January 2000 to the date,
an integer, so the days between two dates are a subtraction. PostgreSQL
subtracts dates natively; SQLite stores a date as ISO text and counts days
with julianday().
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

_EPOCH = "2000-01-01"


class day_number(FunctionElement[int]):
    """Days from 2000-01-01 to the date argument."""

    type = Integer()
    name = "day_number"
    inherit_cache = True


@compiles(day_number, "postgresql")
def _day_number_postgresql(
    element: day_number, compiler: SQLCompiler, **kw: Any
) -> str:
    argument = compiler.process(element.clauses, **kw)
    return f"(CAST({argument} AS DATE) - DATE '{_EPOCH}')"


@compiles(day_number, "sqlite")
def _day_number_sqlite(element: day_number, compiler: SQLCompiler, **kw: Any) -> str:
    argument = compiler.process(element.clauses, **kw)
    return f"CAST(julianday({argument}) - julianday('{_EPOCH}') AS INTEGER)"
