"""portfolio: a lender's book as of a date, flows over a period, and its loans."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from hundi import models
from hundi.api.relay import to_global_id
from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.money import round_fraction_half_up
from hundi.services.actor import Actor
from support.factories import (
    create_application,
    create_buyer,
    create_invoice,
    create_loan,
    create_offer,
    create_sme,
)
from support.graphql import GraphQLClient, count_statements
from support.lending import (
    Book,
    active_loans,
    add_product,
    invoice_due,
    open_book,
    repaid,
)

PORTFOLIO = """
query Portfolio($asOf: Date, $from: Date, $to: Date) {
  portfolio(asOf: $asOf, from: $from, to: $to) {
    asOf from to
    outstanding { principal penal loans }
    assetClasses { assetClass loans principal }
    byBuyer: concentration(by: BUYER) { key label principal share loans }
    bySme: concentration(by: SME) { key principal share }
    byState: concentration(by: STATE) { key principal share }
    byIndustry: concentration(by: INDUSTRY) { key share }
    flows {
      loansDisbursed principalDisbursed netDisbursed repaid recovered income
      averagePrincipal annualisedYield
    }
  }
}
"""


async def three_loans(database: Database) -> tuple[Book, list[models.Loan]]:
    """Loans of 94,400.00 each, on two buyers.

    - current: paid out 40 days ago, due in 20 days;
    - overdue: paid out 100 days ago, due 40 days ago, unpaid (SMA-1 today);
    - settled: paid out 90 days ago, due 30 days ago, repaid 35 days ago.
    """
    book = await open_book(database)
    other_buyer = await create_buyer(database, legal_name="Zeta Motors Ltd")
    today = india_today()
    loans = []
    for paid_out, due, buyer in (
        (40, -20, book.buyer),
        (100, 40, other_buyer),
        (90, 30, book.buyer),
    ):
        on = today - timedelta(days=paid_out)
        invoice = await invoice_due(
            database, book, today - timedelta(days=due), buyer=buyer
        )
        loans += await active_loans(database, book, [invoice], on=on)
    await repaid(
        database, book, loans[2], Decimal("94400.00"), today - timedelta(days=35)
    )
    return book, loans


async def portfolio(
    gql: GraphQLClient, actor: Actor, **variables: Any
) -> dict[str, Any]:
    data = await gql(actor, PORTFOLIO, variables)
    result: dict[str, Any] = data["portfolio"]
    return result


async def test_portfolio_today_outstanding_and_buckets(
    database: Database, gql: GraphQLClient
) -> None:
    book, _loans = await three_loans(database)

    result = await portfolio(gql, book.maker)

    assert result["asOf"] == india_today().isoformat()
    assert result["outstanding"] == {
        "principal": "188800.00",
        "penal": "0.00",
        "loans": 2,
    }
    buckets = {row["assetClass"]: row for row in result["assetClasses"]}
    assert buckets["STANDARD"]["loans"] == 1
    assert buckets["SMA_1"] == {
        "assetClass": "SMA_1",
        "loans": 1,
        "principal": "94400.00",
    }
    assert [row["share"] for row in result["byBuyer"]] == ["0.5", "0.5"]
    assert result["bySme"] == [
        {
            "key": to_global_id("Sme", book.sme.id),
            "principal": "188800.00",
            "share": "1.0",
        }
    ]
    assert result["byState"][0]["key"] == book.sme.state_code
    assert result["byIndustry"][0]["key"] == book.sme.industry


async def test_portfolio_as_of_past_date_rebuilds_books(
    database: Database, gql: GraphQLClient
) -> None:
    book, _loans = await three_loans(database)
    as_of = india_today() - timedelta(days=50)

    result = await portfolio(gql, book.maker, asOf=as_of.isoformat())

    # The current loan was not paid out yet; the settled one was still owed.
    assert result["outstanding"]["principal"] == "188800.00"
    assert result["outstanding"]["loans"] == 2
    buckets = {row["assetClass"]: row["loans"] for row in result["assetClasses"]}
    assert buckets == {"STANDARD": 2, "SMA_0": 0, "SMA_1": 0, "SMA_2": 0, "NPA": 0}


async def test_portfolio_flows_and_yield(
    database: Database, gql: GraphQLClient
) -> None:
    book, loans = await three_loans(database)
    today = india_today()
    start = today - timedelta(days=100)

    result = await portfolio(
        gql, book.maker, **{"from": start.isoformat(), "to": today.isoformat()}
    )

    flows = result["flows"]
    assert flows["loansDisbursed"] == 3
    assert flows["principalDisbursed"] == "283200.00"
    assert flows["netDisbursed"] == str(sum(loan.net_amount for loan in loans))
    assert flows["repaid"] == "94400.00"
    income = sum(loan.discount_amount + loan.fee_amount for loan in loans)
    assert flows["income"] == str(income)
    # Closing principal each day: 94,400 from each loan's payout to the end,
    # less the settled loan's 94,400 from its repayment on.
    principal_days = Decimal("94400.00") * ((41) + (101) + (91) - (36))
    expected_yield = round_fraction_half_up(
        Fraction(income) * 365 / Fraction(principal_days), 6
    )
    assert Decimal(flows["annualisedYield"]) == expected_yield
    assert Decimal(flows["averagePrincipal"]) == round_fraction_half_up(
        Fraction(principal_days) / 101
    )


async def test_portfolio_excludes_other_lenders(
    database: Database, gql: GraphQLClient
) -> None:
    await three_loans(database)
    stranger = await open_book(database)

    result = await portfolio(gql, stranger.maker)

    assert result["outstanding"] == {"principal": "0.00", "penal": "0.00", "loans": 0}
    assert result["byBuyer"] == []
    assert result["flows"]["annualisedYield"] is None


async def test_portfolio_machine_client_reads_own_lender(
    database: Database, gql: GraphQLClient
) -> None:
    book, _loans = await three_loans(database)
    machine = Actor(
        role=book.maker.role, lender_id=book.lender.id, client_id="loan-book-sync"
    )

    result = await portfolio(gql, machine)

    assert result["outstanding"]["loans"] == 2


async def test_portfolio_future_as_of_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)
    tomorrow = india_today() + timedelta(days=1)

    await gql.denied(
        book.maker, PORTFOLIO, "BAD_USER_INPUT", {"asOf": tomorrow.isoformat()}
    )


LOANS = """
query Loans($first: Int, $filter: LoanFilter, $order: LoanOrder) {
  portfolio {
    loans(first: $first, filter: $filter, order: $order) {
      totalCount
      nodes {
        id status dueDate
        invoice { invoiceNumber }
        sme { legalName pan }
        buyer { legalName }
      }
    }
  }
}
"""


async def test_portfolio_loans_filter_and_due_date_order(
    database: Database, gql: GraphQLClient
) -> None:
    book, loans = await three_loans(database)

    active = await gql(
        book.maker, LOANS, {"filter": {"status": ["ACTIVE"]}, "order": "DUE_DATE"}
    )
    standard = await gql(book.maker, LOANS, {"filter": {"assetClass": ["STANDARD"]}})

    nodes = active["portfolio"]["loans"]["nodes"]
    assert [node["id"] for node in nodes] == [
        to_global_id("Loan", loans[1].id),
        to_global_id("Loan", loans[0].id),
    ]
    assert nodes[0]["sme"]["pan"] != book.sme.pan
    assert nodes[0]["sme"]["pan"][5:9] == "XXXX"
    # No day-end has run, so every loan still has its booked class.
    assert standard["portfolio"]["loans"]["totalCount"] == 3


async def _many_loans(database: Database, count: int) -> Book:
    book = await open_book(database)
    product = await add_product(database, book.lender)
    for _ in range(count):
        sme = await create_sme(database)
        buyer = await create_buyer(database)
        invoice = await create_invoice(database, sme, buyer)
        application = await create_application(
            database, sme, [invoice], lenders=[book.lender]
        )
        offer = await create_offer(database, application, product)
        await create_loan(database, offer, invoice)
    return book


async def test_portfolio_loans_statements_do_not_grow(
    database: Database, gql: GraphQLClient
) -> None:
    few = await _many_loans(database, 5)
    with count_statements(database) as small:
        small_page = await gql(few.maker, LOANS, {"first": 50})
    many = await _many_loans(database, 50)
    with count_statements(database) as large:
        large_page = await gql(many.maker, LOANS, {"first": 50})

    assert len(small_page["portfolio"]["loans"]["nodes"]) == 5
    assert len(large_page["portfolio"]["loans"]["nodes"]) == 50
    assert large.count == small.count


ROOT_LOANS_WITH_FRAGMENTS = """
fragment Parties on Loan { sme { legalName } buyer { legalName } }
query Loans($first: Int) {
  loans(first: $first) {
    edges { node { id ...Parties ... on Loan { invoice { invoiceNumber } } } }
  }
}
"""

ROOT_LOANS_IDS = "query Loans($first: Int) { loans(first: $first) { nodes { id } } }"


@pytest.mark.parametrize("rows", [5, 50])
async def test_loan_list_loads_each_selected_relation_once(
    database: Database, gql: GraphQLClient, rows: int
) -> None:
    book = await _many_loans(database, rows)

    with count_statements(database) as counter:
        data = await gql(book.maker, ROOT_LOANS_WITH_FRAGMENTS, {"first": 50})

    nodes = [edge["node"] for edge in data["loans"]["edges"]]
    assert len(nodes) == rows
    assert all(node["invoice"]["invoiceNumber"] for node in nodes)
    assert all(node["sme"]["legalName"] for node in nodes)
    assert all(node["buyer"]["legalName"] for node in nodes)
    # The page, then invoices, SMEs and buyers: one statement each.
    assert counter.count == 4, counter.statements


async def test_loan_list_loads_no_unselected_relation(
    database: Database, gql: GraphQLClient
) -> None:
    book = await _many_loans(database, 5)

    with count_statements(database) as counter:
        data = await gql(book.maker, ROOT_LOANS_IDS, {"first": 50})

    assert len(data["loans"]["nodes"]) == 5
    assert counter.count == 1, counter.statements


APPLICATIONS_WITH_RELATIONS = """
query Applications($first: Int) {
  applications(first: $first) {
    nodes {
      id sme { legalName } invoices { invoiceNumber }
      offers { id lender { name } } lenderMatches { matched }
    }
  }
}
"""

OFFERS_WITH_RELATIONS = """
query Offers($first: Int) {
  offers(first: $first) {
    nodes { id lender { name } product { name } application { id } }
  }
}
"""


@pytest.mark.parametrize("rows", [5, 50])
async def test_application_and_offer_lists_load_each_relation_once(
    database: Database, gql: GraphQLClient, rows: int
) -> None:
    book = await _many_loans(database, rows)

    with count_statements(database) as applications:
        application_page = await gql(
            book.maker, APPLICATIONS_WITH_RELATIONS, {"first": 50}
        )
    with count_statements(database) as offers:
        offer_page = await gql(book.maker, OFFERS_WITH_RELATIONS, {"first": 50})

    application_nodes = application_page["applications"]["nodes"]
    offer_nodes = offer_page["offers"]["nodes"]
    assert len(application_nodes) == rows
    assert all(len(node["invoices"]) == 1 for node in application_nodes)
    assert all(node["offers"][0]["lender"]["name"] for node in application_nodes)
    assert len(offer_nodes) == rows
    assert all(node["product"]["name"] for node in offer_nodes)
    # The page, then SMEs, invoices, offers, matches, and the offers' lenders.
    assert applications.count == 6, applications.statements
    # The page, then lenders, products and applications.
    assert offers.count == 4, offers.statements
