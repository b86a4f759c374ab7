import { Link } from "react-router";
import { useQuery } from "urql";

import { Notice } from "../components/Notice";
import { PageHeader } from "../components/PageHeader";
import { QueryView } from "../components/QueryView";
import { Stat } from "../components/Stat";
import { StatusBadge } from "../components/StatusBadge";
import { formatDateTime } from "../lib/dates";
import { countOf } from "../lib/plural";
import { nextStepOf } from "./nextStep";
import type { SmeFigures } from "./nextStep";
import { SmeOverviewQuery } from "./queries";
import { SurveyPrompt } from "./survey/SurveyPrompt";

// The figures change with these types, so their mutations drop the cached overview.
const OVERVIEW_CONTEXT = {
  additionalTypenames: ["Invoice", "FinancingApplication", "Offer", "KycSubmission"],
};

/** Show the SME's start page: the onboarding state and the next step. */
export function SmeOverview() {
  const [result, reexecute] = useQuery({
    query: SmeOverviewQuery,
    context: OVERVIEW_CONTEXT,
  });

  return (
    <QueryView
      result={result}
      retry={() => reexecute({ requestPolicy: "network-only" })}
    >
      {(data) => {
        const sme = data.viewer.sme;
        if (!sme) {
          return (
            <Notice tone="warning">Your account is not linked to a business.</Notice>
          );
        }
        return (
          <>
            <PageHeader
              title={sme.tradeName ?? sme.legalName}
              description={sme.legalName}
            />
            <NextStep
              figures={{
                kycStatus: sme.status,
                invoices: data.invoices.totalCount,
                financeableInvoices: data.financeableInvoices.totalCount,
                offeredApplications: data.offeredApplications.totalCount,
                submittedApplications: data.submittedApplications.totalCount,
              }}
            />
            <SurveyPrompt />
            <div className="cards">
              <Stat label="KYC" value={<StatusBadge status={sme.status} />}>
                {sme.kycVerifiedAt ? (
                  <p className="muted">Verified {formatDateTime(sme.kycVerifiedAt)}</p>
                ) : null}
              </Stat>
              <Stat
                label="Invoices"
                value={data.invoices.totalCount.toLocaleString("en-IN")}
              >
                <Link to="/sme/invoices">See invoices</Link>
              </Stat>
              <Stat
                label="Financing applications"
                value={data.applications.totalCount.toLocaleString("en-IN")}
              >
                <Link to="/sme/applications">See applications</Link>
              </Stat>
              <Stat
                label="Active loans"
                value={data.loans.totalCount.toLocaleString("en-IN")}
              >
                <Link to="/sme/loans">See loans</Link>
              </Stat>
            </div>
            {sme.referralCode ? (
              <p>
                Your referral code is <strong>{sme.referralCode}</strong>. A business
                that registers with it is recorded as referred by you.
              </p>
            ) : null}
          </>
        );
      }}
    </QueryView>
  );
}

function NextStep({ figures }: { figures: SmeFigures }) {
  switch (nextStepOf(figures)) {
    case "START_KYC":
      return (
        <Notice tone="info" title="Complete KYC to add invoices.">
          <Link to="/sme/kyc">Start KYC</Link> with your PAN, GSTIN and bank account.
        </Notice>
      );
    case "KYC_IN_REVIEW":
      return (
        <Notice tone="info">
          Your KYC is being reviewed. We will verify it shortly.
        </Notice>
      );
    case "KYC_REJECTED":
      return (
        <Notice tone="warning" title="Your KYC was not approved.">
          <Link to="/sme/kyc">See why and submit it again</Link>.
        </Notice>
      );
    case "COMPARE_OFFERS":
      return (
        <Notice tone="success">
          Your KYC is verified. Lenders made offers on{" "}
          {countOf(figures.offeredApplications, "application", "applications")}.{" "}
          <Link to="/sme/applications">Compare the offers</Link>.
        </Notice>
      );
    case "APPLY":
      return (
        <Notice tone="success">
          Your KYC is verified.{" "}
          {countOf(figures.financeableInvoices, "invoice", "invoices")} can be financed
          now. <Link to="/sme/applications/new">Apply for financing</Link>.
        </Notice>
      );
    case "AWAIT_OFFERS":
      return (
        <Notice tone="success">
          Your KYC is verified. Lenders are reviewing your application; their offers
          appear under <Link to="/sme/applications">Financing</Link>.
        </Notice>
      );
    case "ADD_FIRST_INVOICE":
      return (
        <Notice tone="success">
          Your KYC is verified. <Link to="/sme/invoices/new">Add an invoice</Link> to
          apply for financing.
        </Notice>
      );
    case "ADD_INVOICE":
      return (
        <Notice tone="success">
          Your KYC is verified. No invoice can be financed now;{" "}
          <Link to="/sme/invoices/new">add an invoice</Link> to apply again.
        </Notice>
      );
  }
}
