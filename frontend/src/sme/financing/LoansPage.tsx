import { LoadMore } from "../../components/LoadMore";
import { Notice } from "../../components/Notice";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { StatusBadge } from "../../components/StatusBadge";
import { TableWrap } from "../../components/TableWrap";
import { formatDate } from "../../lib/dates";
import { ASSET_CLASS_LABELS } from "../../lib/labels";
import { formatRupees, isZero } from "../../lib/money";
import { countOf } from "../../lib/plural";
import { usePagedQuery } from "../../lib/usePagedQuery";
import { SmeLoansQuery } from "../queries";

/** Show the SME's loans, what is still owed on each, and the repayments received. */
export function LoansPage() {
  const list = usePagedQuery(SmeLoansQuery, {}, (data) => data.loans);

  return (
    <>
      <PageHeader
        title="Loans and repayments"
        description="Your financed invoices, newest first."
      />
      {list.error && !list.nodes ? (
        <ErrorState error={list.error} onRetry={list.refresh} />
      ) : null}
      {!list.nodes && !list.error ? <LoadingState /> : null}
      {list.nodes?.length === 0 ? (
        <EmptyState>You have no loans yet.</EmptyState>
      ) : null}
      {list.nodes?.map((loan) => (
        <article className="card" key={loan.id} style={{ marginBottom: "1rem" }}>
          <h2 style={{ marginTop: 0 }}>
            Invoice {loan.invoice.invoiceNumber} on {loan.buyer.legalName}
          </h2>
          <p>
            {loan.lender.name} <StatusBadge status={loan.status} />{" "}
            {loan.status === "ACTIVE" ? (
              <StatusBadge
                status={loan.assetClass}
                label={ASSET_CLASS_LABELS[loan.assetClass]}
              />
            ) : null}
          </p>
          {!isZero(loan.refundDue) ? (
            <Notice tone="info">
              {formatRupees(loan.refundDue)} over-paid, to be refunded to you.
            </Notice>
          ) : null}
          <dl className="facts">
            {loan.status === "PENDING_DISBURSAL" ? (
              <>
                <dt>To be paid to you</dt>
                <dd>
                  {formatRupees(loan.netAmount)}, once the lender pays it out; the final
                  figure is priced for the day it is paid
                </dd>
              </>
            ) : (
              <>
                <dt>Paid to you</dt>
                <dd>
                  {formatRupees(loan.netAmount)}
                  {loan.disbursalDate ? ` on ${formatDate(loan.disbursalDate)}` : ""}
                </dd>
              </>
            )}
            <dt>Due</dt>
            <dd>
              {formatDate(loan.dueDate)}
              {loan.daysPastDue > 0
                ? `, ${countOf(loan.daysPastDue, "day", "days")} past due`
                : ""}
            </dd>
            <dt>{loan.status === "PENDING_DISBURSAL" ? "To repay" : "Still owed"}</dt>
            <dd>{formatRupees(loan.principalOutstanding)}</dd>
            {!isZero(loan.penalOutstanding) ? (
              <>
                <dt>Penal interest owed</dt>
                <dd>{formatRupees(loan.penalOutstanding)}</dd>
              </>
            ) : null}
          </dl>
          {loan.repayments.length > 0 ? (
            <TableWrap label={`Repayments of invoice ${loan.invoice.invoiceNumber}`}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Received</th>
                    <th scope="col" className="number">
                      Amount
                    </th>
                    <th scope="col">Bank reference</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {loan.repayments.map((repayment) => (
                    <tr key={repayment.id}>
                      <td>{formatDate(repayment.receivedOn)}</td>
                      <td className="number">{formatRupees(repayment.amount)}</td>
                      <td>{repayment.bankReference}</td>
                      <td>
                        <StatusBadge status={repayment.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : (
            <p className="muted">No repayment received yet.</p>
          )}
        </article>
      ))}
      {list.nodes?.length ? (
        <LoadMore
          hasNextPage={list.hasNextPage}
          fetching={list.fetching}
          shown={list.nodes.length}
          total={list.totalCount}
          onLoadMore={list.loadMore}
        />
      ) : null}
    </>
  );
}
