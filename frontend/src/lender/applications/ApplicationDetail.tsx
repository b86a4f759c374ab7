import { Link, useParams } from "react-router";
import { useQuery } from "urql";

import { Facts } from "../../components/Facts";
import { Notice } from "../../components/Notice";
import { PageHeader } from "../../components/PageHeader";
import { QueryView } from "../../components/QueryView";
import { StatusBadge } from "../../components/StatusBadge";
import { formatDate, formatDateInIndia, formatDateTime } from "../../lib/dates";
import { CONSTITUTION_LABELS, humanize, INVOICE_SOURCE_LABELS } from "../../lib/labels";
import { formatRate, formatRupees } from "../../lib/money";
import { netIfPaidOn } from "../../lib/payout";
import { stateName } from "../../lib/states";
import { LenderApplicationQuery } from "../queries";
import { ExposurePanel } from "./ExposurePanel";
import { OfferDecision } from "./OfferDecision";

/** Show one application: its invoices and buyers, the SME's KYC and your offers. */
export function ApplicationDetail() {
  const { applicationId = "" } = useParams();
  const [result, reexecute] = useQuery({
    query: LenderApplicationQuery,
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
          return (
            <Notice tone="warning">
              This application was not found or is not open to you.
            </Notice>
          );
        }
        const sme = application.sme;
        return (
          <>
            <PageHeader
              title={`Application from ${sme.legalName}`}
              description={`Submitted ${formatDateTime(application.submittedAt)}, open until ${formatDateTime(application.expiresAt)}`}
              actions={
                <Link className="button button-secondary" to="/lender">
                  All applications
                </Link>
              }
            />
            <p>
              <StatusBadge status={application.status} /> Amount applied for{" "}
              <strong>{formatRupees(application.requestedAmount)}</strong>
            </p>
            <div className="two-columns">
              <section className="card" aria-labelledby="kyc-title">
                <h2 id="kyc-title" style={{ marginTop: 0 }}>
                  SME and KYC
                </h2>
                <Facts
                  items={[
                    ["Legal name", sme.legalName],
                    [
                      "Legal form",
                      CONSTITUTION_LABELS[sme.constitution] ?? sme.constitution,
                    ],
                    ["State", stateName(sme.stateCode)],
                    ["Industry", sme.industry],
                    ["KYC", <StatusBadge key="kyc" status={sme.status} />],
                    [
                      "Verified",
                      sme.kycVerifiedAt ? formatDateTime(sme.kycVerifiedAt) : "Not yet",
                    ],
                    ["On Hundi since", formatDateInIndia(sme.createdAt)],
                    ["PAN", sme.pan ?? ""],
                    ["GSTINs", sme.gstins.join(", ")],
                    ["Udyam number", sme.udyamNumber ?? "None"],
                    [
                      "Bank account",
                      `${sme.bankAccountNumber ?? ""} (${sme.ifsc ?? ""})`,
                    ],
                  ]}
                />
              </section>
              <section className="card" aria-labelledby="offers-title">
                <h2 id="offers-title" style={{ marginTop: 0 }}>
                  Your offers
                </h2>
                {application.offers.length === 0 ? (
                  <p>You have made no offer on this application.</p>
                ) : (
                  <ul>
                    {application.offers.map((offer) => (
                      <li key={offer.id}>
                        <StatusBadge status={offer.status} />{" "}
                        {formatRate(offer.annualRate)} a year,{" "}
                        {netIfPaidOn(
                          offer.keyFacts.netAmount,
                          offer.keyFacts.disbursalDate,
                        )}
                        , APR {formatRate(offer.keyFacts.annualPercentageRate)}, valid
                        until {formatDateTime(offer.validUntil)}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </div>
            <MatchReasons matches={application.lenderMatches} />
            {application.lenderExposure ? (
              <ExposurePanel exposure={application.lenderExposure} />
            ) : null}
            <OfferDecision
              application={application}
              onChanged={() => reexecute({ requestPolicy: "network-only" })}
            />
            <h2>Invoices</h2>
            {application.invoices.map((invoice) => (
              <section
                className="card"
                key={invoice.id}
                style={{ marginBottom: "1rem" }}
                aria-label={`Invoice ${invoice.invoiceNumber}`}
              >
                <h3 style={{ marginTop: 0 }}>
                  {invoice.invoiceNumber} on {invoice.buyer.legalName}
                </h3>
                <Facts
                  items={[
                    ["Total", formatRupees(invoice.totalAmount)],
                    [
                      "Taxable value and GST",
                      `${formatRupees(invoice.taxableValue)} + ${formatRupees(invoice.taxAmount)}`,
                    ],
                    ["Dated", formatDate(invoice.invoiceDate)],
                    ["Due", formatDate(invoice.dueDate)],
                    [
                      "Buyer GSTIN",
                      `${invoice.buyer.gstin} (${stateName(invoice.buyer.stateCode)})`,
                    ],
                    ["Buyer industry", invoice.buyer.industry ?? "Not known"],
                    [
                      "Added from",
                      INVOICE_SOURCE_LABELS[invoice.source] ?? humanize(invoice.source),
                    ],
                    ["IRN", invoice.irn ?? "None"],
                    ["Portal signature", signatureLabel(invoice.signatureVerified)],
                  ]}
                />
                {invoice.documents.map((document) => (
                  <p key={document.id}>
                    <a href={document.downloadPath} download={document.filename}>
                      Download {document.filename}
                    </a>
                  </p>
                ))}
              </section>
            ))}
          </>
        );
      }}
    </QueryView>
  );
}

function signatureLabel(verified: boolean | null | undefined): string {
  if (verified === true) {
    return "Verified";
  }
  if (verified === false) {
    return "Present but not verified";
  }
  return "None came with the invoice";
}

interface Match {
  matched: boolean;
  reasons: readonly string[];
  product?: { name: string } | null;
}

function MatchReasons({ matches }: { matches: readonly Match[] }) {
  return (
    <section aria-labelledby="match-title">
      <h2 id="match-title">Fit with your products</h2>
      {matches.length === 0 ? (
        <p>The application was not matched to your lender.</p>
      ) : null}
      {matches.map((match, index) => (
        <div
          key={index}
          className={`notice ${match.matched ? "notice-success" : "notice-warning"}`}
        >
          <strong>
            {match.matched
              ? `Fits ${match.product?.name ?? "a product"}`
              : "Fits none of your products"}
          </strong>
          <ul>
            {match.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
