import { Link, useParams } from "react-router";
import { useQuery } from "urql";

import { Facts } from "../../components/Facts";
import { Notice } from "../../components/Notice";
import { PageHeader } from "../../components/PageHeader";
import { QueryView } from "../../components/QueryView";
import { EmptyState } from "../../components/States";
import { StatusBadge } from "../../components/StatusBadge";
import { formatDate, formatDateTime } from "../../lib/dates";
import { formatRupees } from "../../lib/money";
import { netIfPaidOn, REPRICING_NOTE_FOR_SME } from "../../lib/payout";
import { ApplicationOffersQuery } from "../queries";
import { AcceptOffer } from "./AcceptOffer";
import { OfferCard } from "./OfferCard";
import type { OfferFacts } from "./OfferCard";
import { WithdrawApplication } from "./WithdrawApplication";

const OPEN_STATUSES = ["SUBMITTED", "OFFERED"];

/** Show an application's offers side by side, each with its key fact statement. */
export function OffersPage() {
  const { applicationId = "" } = useParams();
  const [result, reexecute] = useQuery({
    query: ApplicationOffersQuery,
    variables: { id: applicationId },
  });

  return (
    <QueryView
      result={result}
      retry={() => reexecute({ requestPolicy: "network-only" })}
    >
      {(data) => {
        const application =
          data.node?.__typename === "FinancingApplication" ? data.node : null;
        if (!application) {
          return <Notice tone="warning">This application was not found.</Notice>;
        }
        const open = OPEN_STATUSES.includes(application.status);
        const invoices = application.invoices
          .map(
            (invoice) =>
              `${invoice.invoiceNumber} (${invoice.buyer.legalName}, due ${formatDate(invoice.dueDate)})`,
          )
          .join("; ");
        return (
          <>
            <PageHeader
              title="Compare offers"
              description={`Application of ${formatDateTime(application.submittedAt)}`}
              actions={
                <>
                  {open ? <WithdrawApplication applicationId={application.id} /> : null}
                  <Link className="button button-secondary" to="/sme/applications">
                    All applications
                  </Link>
                </>
              }
            />
            <Facts
              items={[
                ["Status", <StatusBadge key="status" status={application.status} />],
                ["Amount applied for", formatRupees(application.requestedAmount)],
                ["Invoices", invoices],
                ["Open until", formatDateTime(application.expiresAt)],
              ]}
            />
            <AcceptedNotice offers={application.offers} />
            <h2>Offers</h2>
            {application.offers.length === 0 ? (
              <EmptyState>
                No lender has made an offer yet. Offers appear here as lenders make
                them.
              </EmptyState>
            ) : (
              <div className="compare">
                {application.offers.map((offer) => (
                  <OfferCard
                    key={offer.id}
                    offer={offer}
                    actions={
                      open && offer.status === "OPEN" ? (
                        <AcceptOffer
                          offerId={offer.id}
                          lender={offer.lender.name}
                          netAmount={offer.keyFacts.netAmount}
                          disbursalDate={offer.keyFacts.disbursalDate}
                        />
                      ) : null
                    }
                  />
                ))}
              </div>
            )}
          </>
        );
      }}
    </QueryView>
  );
}

function AcceptedNotice({ offers }: { offers: readonly OfferFacts[] }) {
  const accepted = offers.find((offer) => offer.status === "ACCEPTED");
  if (!accepted) {
    return null;
  }
  return (
    <Notice tone="success" title={`You accepted the offer of ${accepted.lender.name}.`}>
      You receive{" "}
      {netIfPaidOn(accepted.keyFacts.netAmount, accepted.keyFacts.disbursalDate)} into
      your bank account. {REPRICING_NOTE_FOR_SME}{" "}
      <Link to="/sme/loans">Follow it under Loans</Link>.
    </Notice>
  );
}
