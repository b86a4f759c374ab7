import { useMemo, useState } from "react";
import { Link } from "react-router";

import { Button } from "../../components/Button";
import { LoadMore } from "../../components/LoadMore";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { StatusBadge } from "../../components/StatusBadge";
import { TableWrap } from "../../components/TableWrap";
import { formatDate } from "../../lib/dates";
import { humanize, INVOICE_SOURCE_LABELS } from "../../lib/labels";
import { formatRupees } from "../../lib/money";
import type { SmeInvoicesQuery as SmeInvoicesQueryResult } from "../../gql/graphql";
import { usePagedQuery } from "../../lib/usePagedQuery";
import type { PagedResult } from "../../lib/usePagedQuery";
import { SmeInvoicesQuery } from "../queries";
import { InvoiceFilters, NO_INVOICE_FILTER, toInvoiceFilter } from "./InvoiceFilters";

/** Show the SME's invoices, newest first, with filters. */
export function InvoicesPage() {
  const [filterForm, setFilterForm] = useState(NO_INVOICE_FILTER);
  const filter = useMemo(() => toInvoiceFilter(filterForm), [filterForm]);
  const list = usePagedQuery(SmeInvoicesQuery, { filter }, (data) => data.invoices, [
    "Invoice",
  ]);

  return (
    <>
      <PageHeader
        title="Invoices"
        description="Invoices you added, newest first."
        actions={
          <>
            <Link className="button" to="/sme/invoices/new">
              Add invoices
            </Link>
            <Link className="button button-secondary" to="/sme/applications/new">
              Apply for financing
            </Link>
          </>
        }
      />
      <InvoiceFilters value={filterForm} onChange={setFilterForm} />
      {filterForm !== NO_INVOICE_FILTER ? (
        <Button variant="secondary" onClick={() => setFilterForm(NO_INVOICE_FILTER)}>
          Clear filters
        </Button>
      ) : null}
      <InvoiceTable list={list} />
    </>
  );
}

type InvoiceRow = SmeInvoicesQueryResult["invoices"]["nodes"][number];

function InvoiceTable({ list }: { list: PagedResult<InvoiceRow> }) {
  if (list.error && !list.nodes) {
    return <ErrorState error={list.error} onRetry={list.refresh} />;
  }
  if (!list.nodes) {
    return <LoadingState />;
  }
  if (list.nodes.length === 0) {
    return (
      <EmptyState>
        No invoices match. <Link to="/sme/invoices/new">Add an invoice</Link>.
      </EmptyState>
    );
  }
  return (
    <>
      <TableWrap label="Invoices">
        <table>
          <thead>
            <tr>
              <th scope="col">Invoice</th>
              <th scope="col">Buyer</th>
              <th scope="col">Dated</th>
              <th scope="col">Due</th>
              <th scope="col" className="number">
                Total
              </th>
              <th scope="col">Status</th>
              <th scope="col">Added from</th>
            </tr>
          </thead>
          <tbody>
            {list.nodes.map((invoice) => (
              <tr key={invoice.id}>
                <td>
                  {invoice.invoiceNumber}
                  {invoice.documentType !== "INV" ? ` (${invoice.documentType})` : ""}
                </td>
                <td>{invoice.buyer.legalName}</td>
                <td>{formatDate(invoice.invoiceDate)}</td>
                <td>{formatDate(invoice.dueDate)}</td>
                <td className="number">{formatRupees(invoice.totalAmount)}</td>
                <td>
                  <StatusBadge status={invoice.status} />
                  {invoice.rejectionReason ? (
                    <p className="field-hint">{invoice.rejectionReason}</p>
                  ) : null}
                </td>
                <td>
                  {INVOICE_SOURCE_LABELS[invoice.source] ?? humanize(invoice.source)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <LoadMore
        hasNextPage={list.hasNextPage}
        fetching={list.fetching}
        shown={list.nodes.length}
        total={list.totalCount}
        onLoadMore={list.loadMore}
      />
    </>
  );
}
