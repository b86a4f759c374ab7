import { useState } from "react";
import { useQuery } from "urql";

import { Facts } from "../../components/Facts";
import { Notice } from "../../components/Notice";
import { PageHeader } from "../../components/PageHeader";
import { QueryView } from "../../components/QueryView";
import { StatusBadge } from "../../components/StatusBadge";
import { TableWrap } from "../../components/TableWrap";
import { formatDateTime } from "../../lib/dates";
import { KycStatusQuery } from "../queries";
import { KycWizard } from "./KycWizard";

/** Show KYC: its review status and past decisions, and the wizard when it is due. */
export function KycPage() {
  const [result, reexecute] = useQuery({ query: KycStatusQuery });
  const [justSubmitted, setJustSubmitted] = useState(false);
  const reload = () => reexecute({ requestPolicy: "network-only" });

  return (
    <>
      <PageHeader
        title="KYC"
        description="Who your business is, and where financing is paid."
      />
      {justSubmitted ? (
        <Notice tone="success" title="Your KYC is submitted.">
          Operations will review it; this page shows their decision.
        </Notice>
      ) : null}
      <QueryView result={result} retry={reload}>
        {(data) => {
          const sme = data.viewer.sme;
          if (!sme) {
            return (
              <Notice tone="warning">Your account is not linked to a business.</Notice>
            );
          }
          const canSubmit =
            sme.status === "REGISTERED" || sme.status === "KYC_REJECTED";
          const latest = sme.kycSubmissions[0];
          return (
            <>
              <p>
                Status: <StatusBadge status={sme.status} />
              </p>
              {sme.status === "KYC_REJECTED" && latest?.rejectionReason ? (
                <Notice tone="warning" title="Why your KYC was not approved">
                  {latest.rejectionReason}
                </Notice>
              ) : null}
              {sme.status === "KYC_VERIFIED" ? (
                <Facts
                  items={[
                    ["PAN", sme.pan ?? ""],
                    ["GSTINs", sme.gstins.join(", ")],
                    ["Udyam number", sme.udyamNumber ?? "None"],
                    ["Bank account", sme.bankAccountNumber ?? ""],
                    ["IFSC", sme.ifsc ?? ""],
                  ]}
                />
              ) : null}
              {canSubmit && !justSubmitted ? (
                <KycWizard
                  onSubmitted={() => {
                    setJustSubmitted(true);
                    reload();
                  }}
                />
              ) : null}
              <Submissions submissions={sme.kycSubmissions} />
            </>
          );
        }}
      </QueryView>
    </>
  );
}

interface Submission {
  id: string;
  status: string;
  submittedAt: string;
  reviewedAt?: string | null;
  rejectionReason?: string | null;
  gstins: string[];
}

function Submissions({ submissions }: { submissions: readonly Submission[] }) {
  if (submissions.length === 0) {
    return null;
  }
  return (
    <>
      <h2>Your submissions</h2>
      <TableWrap label="KYC submissions">
        <table>
          <thead>
            <tr>
              <th scope="col">Submitted</th>
              <th scope="col">GSTINs</th>
              <th scope="col">Status</th>
              <th scope="col">Reviewed</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {submissions.map((submission) => (
              <tr key={submission.id}>
                <td>{formatDateTime(submission.submittedAt)}</td>
                <td>{submission.gstins.join(", ")}</td>
                <td>
                  <StatusBadge status={submission.status} />
                </td>
                <td>
                  {submission.reviewedAt
                    ? formatDateTime(submission.reviewedAt)
                    : "Not yet"}
                </td>
                <td>{submission.rejectionReason ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
