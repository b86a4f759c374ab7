import { Link } from "react-router";
import { useQuery } from "urql";

import { Notice } from "../components/Notice";
import { PageHeader } from "../components/PageHeader";
import { QueryView } from "../components/QueryView";
import { Stat } from "../components/Stat";
import { StatusBadge } from "../components/StatusBadge";
import { formatDateTime } from "../lib/dates";
import { SmeOverviewQuery } from "./queries";
import { SurveyPrompt } from "./survey/SurveyPrompt";

/** Show the SME's start page: the onboarding state and the next step. */
export function SmeOverview() {
  const [result, reexecute] = useQuery({ query: SmeOverviewQuery });

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
            <NextStep status={sme.status} />
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

function NextStep({ status }: { status: string }) {
  if (status === "REGISTERED") {
    return (
      <Notice tone="info" title="Complete KYC to add invoices.">
        <Link to="/sme/kyc">Start KYC</Link> with your PAN, GSTIN and bank account.
      </Notice>
    );
  }
  if (status === "KYC_SUBMITTED") {
    return (
      <Notice tone="info">
        Your KYC is being reviewed. We will verify it shortly.
      </Notice>
    );
  }
  if (status === "KYC_REJECTED") {
    return (
      <Notice tone="warning" title="Your KYC was not approved.">
        <Link to="/sme/kyc">See why and submit it again</Link>.
      </Notice>
    );
  }
  return (
    <Notice tone="success">
      Your KYC is verified. <Link to="/sme/invoices/new">Add an invoice</Link> to apply
      for financing.
    </Notice>
  );
}
