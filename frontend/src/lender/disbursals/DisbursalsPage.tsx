import { useState } from "react";

import { LoadMore } from "../../components/LoadMore";
import { Notice } from "../../components/Notice";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { StatusBadge } from "../../components/StatusBadge";
import { formatDate, formatDateTime } from "../../lib/dates";
import { netIfPaidOn, REPRICING_NOTE_FOR_LENDER } from "../../lib/payout";
import { usePagedQuery } from "../../lib/usePagedQuery";
import { AcceptedOffersQuery } from "../queries";
import { RequestDisbursalForm } from "./RequestDisbursalForm";

/** Accepted offers to pay out: the maker records the transfer for a checker. */
export function DisbursalsPage() {
  const list = usePagedQuery(AcceptedOffersQuery, {}, (data) => data.offers, [
    "Disbursal",
  ]);
  const [requested, setRequested] = useState<string | null>(null);
  const waiting =
    list.nodes?.filter((offer) => offer.application.status === "ACCEPTED") ?? null;

  return (
    <>
      <PageHeader
        title="Disbursals"
        description="Accepted offers waiting to be paid out. Another user of your lender approves each request."
      />
      {requested ? (
        <Notice tone="success">
          The disbursal to {requested} is requested; a checker approves it under
          Approvals.
        </Notice>
      ) : null}
      {list.error && !list.nodes ? (
        <ErrorState error={list.error} onRetry={list.refresh} />
      ) : null}
      {!list.nodes && !list.error ? <LoadingState /> : null}
      {waiting?.length === 0 ? (
        <EmptyState>No accepted offer is waiting to be paid out.</EmptyState>
      ) : null}
      {waiting?.map((offer) => {
        const pending = offer.disbursals.find(
          (disbursal) => disbursal.status === "REQUESTED",
        );
        const rejected = offer.disbursals
          .filter((disbursal) => disbursal.status === "REJECTED")
          .at(-1);
        const sme = offer.application.sme.legalName;
        return (
          <article
            className="card"
            key={offer.id}
            style={{ marginBottom: "1rem" }}
            aria-labelledby={`offer-${offer.id}`}
          >
            <h2 id={`offer-${offer.id}`} style={{ marginTop: 0 }}>
              {sme}:{" "}
              {netIfPaidOn(offer.keyFacts.netAmount, offer.keyFacts.disbursalDate)}
            </h2>
            <p className="muted">
              Invoices{" "}
              {offer.application.invoices
                .map((invoice) => invoice.invoiceNumber)
                .join(", ")}
              ; accepted {offer.decidedAt ? formatDateTime(offer.decidedAt) : ""}; due{" "}
              {formatDate(offer.keyFacts.dueDate)}. {REPRICING_NOTE_FOR_LENDER}
            </p>
            {pending ? (
              <p>
                <StatusBadge status="REQUESTED" label="Waiting for approval" /> UTR{" "}
                {pending.utr}, value date {formatDate(pending.valueDate)}.
              </p>
            ) : (
              <>
                {rejected ? (
                  <Notice tone="warning" title="The last request was rejected.">
                    {rejected.rejectionReason}
                  </Notice>
                ) : null}
                <RequestDisbursalForm
                  offerId={offer.id}
                  label={`Disbursal to ${sme}`}
                  onRequested={() => {
                    setRequested(sme);
                    list.refresh();
                  }}
                />
              </>
            )}
          </article>
        );
      })}
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
