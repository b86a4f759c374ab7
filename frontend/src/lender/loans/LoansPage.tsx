import { Fragment, useMemo, useState } from "react";
import { useQuery } from "urql";

import { Button } from "../../components/Button";
import { LoadMore } from "../../components/LoadMore";
import { Notice } from "../../components/Notice";
import { PageHeader } from "../../components/PageHeader";
import { SelectField } from "../../components/SelectField";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { StatusBadge } from "../../components/StatusBadge";
import { TableWrap } from "../../components/TableWrap";
import { TextField } from "../../components/TextField";
import { formatDate } from "../../lib/dates";
import { ASSET_CLASS_LABELS, humanize } from "../../lib/labels";
import { formatRate, formatRupees } from "../../lib/money";
import { countOf } from "../../lib/plural";
import { usePagedQuery } from "../../lib/usePagedQuery";
import { LenderBuyersQuery, LenderLoansQuery } from "../queries";
import { loansCsvUrl } from "./exportUrl";
import { RecordRepaymentForm } from "./RecordRepaymentForm";
import {
  ASSET_CLASSES,
  buyerOptions,
  LOAN_STATUSES,
  NO_LOAN_FILTER,
  toLoanFilter,
} from "./loanFilter";
import type { LoanFilterForm } from "./loanFilter";

// Approving a disbursal activates loans and a repayment changes what is owed.
const LOAN_CHANGES = ["Disbursal", "Repayment"];

/** Show the lender's loans with filters, and a CSV export of every matching loan. */
export function LoansPage() {
  const [form, setForm] = useState<LoanFilterForm>(NO_LOAN_FILTER);
  const filter = useMemo(() => toLoanFilter(form), [form]);
  const list = usePagedQuery(
    LenderLoansQuery,
    { filter },
    (data) => data.loans,
    LOAN_CHANGES,
  );
  const [buyers] = useQuery({ query: LenderBuyersQuery });
  const [repaying, setRepaying] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);

  function onRecorded(message: string) {
    setRecorded(message);
    setRepaying(null);
    list.refresh();
  }
  const set = (key: keyof LoanFilterForm) => (value: string) =>
    setForm((old) => ({ ...old, [key]: value }));

  return (
    <>
      <PageHeader
        title="Loans"
        description="Loans your lender booked, newest first."
        actions={
          <a className="button button-secondary" href={loansCsvUrl(filter)} download>
            Export CSV
          </a>
        }
      />
      <div className="filters" role="search" aria-label="Filter loans">
        <SelectField
          id="loan-status"
          label="Status"
          placeholder="Any"
          value={form.status}
          options={LOAN_STATUSES.map((value) => ({ value, label: humanize(value) }))}
          onChange={set("status")}
        />
        <SelectField
          id="loan-class"
          label="Asset class"
          placeholder="Any"
          value={form.assetClass}
          options={ASSET_CLASSES.map((value) => ({
            value,
            label: ASSET_CLASS_LABELS[value] ?? value,
          }))}
          onChange={set("assetClass")}
        />
        <SelectField
          id="loan-buyer"
          label="Buyer"
          placeholder="Any"
          value={form.buyerId}
          options={buyerOptions(buyers.data?.buyers.nodes ?? [])}
          onChange={set("buyerId")}
        />
        <TextField
          id="loan-due-from"
          label="Due from"
          type="date"
          value={form.dueDateFrom}
          onChange={set("dueDateFrom")}
        />
        <TextField
          id="loan-due-to"
          label="Due to"
          type="date"
          value={form.dueDateTo}
          onChange={set("dueDateTo")}
        />
      </div>
      {recorded ? <Notice tone="success">{recorded}</Notice> : null}
      {list.error && !list.nodes ? (
        <ErrorState error={list.error} onRetry={list.refresh} />
      ) : null}
      {!list.nodes && !list.error ? <LoadingState /> : null}
      {list.nodes?.length === 0 ? <EmptyState>No loan matches.</EmptyState> : null}
      {list.nodes?.length ? (
        <>
          <TableWrap label="Loans">
            <table>
              <thead>
                <tr>
                  <th scope="col">Invoice</th>
                  <th scope="col">SME</th>
                  <th scope="col">Buyer</th>
                  <th scope="col" className="number">
                    Advance
                  </th>
                  <th scope="col" className="number">
                    Outstanding
                  </th>
                  <th scope="col">Rate</th>
                  <th scope="col">Due</th>
                  <th scope="col">Status</th>
                  <th scope="col">Repayment</th>
                </tr>
              </thead>
              <tbody>
                {list.nodes.map((loan) => (
                  <Fragment key={loan.id}>
                    <tr>
                      <td>{loan.invoice.invoiceNumber}</td>
                      <td>{loan.sme.legalName}</td>
                      <td>{loan.buyer.legalName}</td>
                      <td className="number">{formatRupees(loan.advanceAmount)}</td>
                      <td className="number">
                        {formatRupees(loan.principalOutstanding)}
                      </td>
                      <td>{formatRate(loan.annualRate)}</td>
                      <td>
                        {formatDate(loan.dueDate)}
                        {loan.daysPastDue > 0 ? (
                          <p className="field-hint">
                            {countOf(loan.daysPastDue, "day", "days")} past due
                          </p>
                        ) : null}
                      </td>
                      <td>
                        <StatusBadge status={loan.status} />{" "}
                        {loan.status === "ACTIVE" ? (
                          <StatusBadge status={loan.assetClass} />
                        ) : null}
                      </td>
                      <td>
                        {loan.status === "ACTIVE" && repaying !== loan.id ? (
                          <Button
                            variant="secondary"
                            onClick={() => {
                              setRecorded(null);
                              setRepaying(loan.id);
                            }}
                            aria-label={`Record a repayment of invoice ${loan.invoice.invoiceNumber}`}
                          >
                            Record
                          </Button>
                        ) : null}
                      </td>
                    </tr>
                    {repaying === loan.id ? (
                      <tr>
                        <td colSpan={9}>
                          <RecordRepaymentForm
                            loanId={loan.id}
                            label={`Repayment of invoice ${loan.invoice.invoiceNumber}`}
                            onRecorded={onRecorded}
                            onCancel={() => setRepaying(null)}
                          />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
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
      ) : null}
    </>
  );
}
