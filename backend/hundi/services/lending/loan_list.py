"""Filters of a list of loans, and the keyset batches of the CSV export.

The portfolio's `loans` connection and GET /exports/loans.csv take the same
filters and build their conditions here.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Row, and_, false, or_, select

from hundi.db import Database
from hundi.domain.enums import AssetClass, LoanStatus
from hundi.models import Buyer, Invoice, Loan, Sme
from hundi.services.actor import Actor
from hundi.services.scoping import loan_scope

EXPORT_BATCH = 500


@dataclass(frozen=True)
class LoanQuery:
    """Loans to list; every given criterion must match."""

    statuses: Sequence[LoanStatus] = ()
    asset_classes: Sequence[AssetClass] = ()
    buyer_id: uuid.UUID | None = None
    sme_id: uuid.UUID | None = None
    due_date_from: date | None = None
    due_date_to: date | None = None
    # Names of the criteria whose value was not a valid id: they match nothing.
    unmatchable: frozenset[str] = field(default_factory=frozenset)


def loan_conditions(query: LoanQuery) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if query.unmatchable:
        conditions.append(false())
    if query.statuses:
        conditions.append(Loan.status.in_(query.statuses))
    if query.asset_classes:
        conditions.append(Loan.asset_class.in_(query.asset_classes))
    if query.buyer_id is not None:
        conditions.append(Loan.buyer_id == query.buyer_id)
    if query.sme_id is not None:
        conditions.append(Loan.sme_id == query.sme_id)
    if query.due_date_from is not None:
        conditions.append(Loan.due_date >= query.due_date_from)
    if query.due_date_to is not None:
        conditions.append(Loan.due_date <= query.due_date_to)
    return conditions


async def export_batches(
    database: Database, actor: Actor, query: LoanQuery
) -> AsyncIterator[Sequence[Row[Any]]]:
    """Yield the actor's matching loans with their names, by due date then id.

    Each batch is one keyset query of EXPORT_BATCH rows in a short read
    session, so a long download keeps no transaction open between batches.
    """
    after: tuple[date, uuid.UUID] | None = None
    while True:
        statement = _export_statement(actor, query, after)
        async with database.session() as session:
            rows = (await session.execute(statement)).all()
        if rows:
            yield rows
        if len(rows) < EXPORT_BATCH:
            return
        last: Loan = rows[-1][0]
        after = (last.due_date, last.id)


def _export_statement(
    actor: Actor, query: LoanQuery, after: tuple[date, uuid.UUID] | None
) -> Any:
    statement = (
        select(
            Loan,
            Invoice.invoice_number,
            Sme.legal_name,
            Buyer.legal_name,
            Buyer.gstin,
        )
        .join(Invoice, Invoice.id == Loan.invoice_id)
        .join(Sme, Sme.id == Loan.sme_id)
        .join(Buyer, Buyer.id == Loan.buyer_id)
        .where(loan_scope(actor), *loan_conditions(query))
        .order_by(Loan.due_date, Loan.id)
        .limit(EXPORT_BATCH)
    )
    if after is not None:
        due, loan_id = after
        statement = statement.where(
            or_(Loan.due_date > due, and_(Loan.due_date == due, Loan.id > loan_id))
        )
    return statement
