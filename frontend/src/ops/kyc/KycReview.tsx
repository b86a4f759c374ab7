import { useState } from "react";
import type { FormEvent } from "react";
import { Link, useParams } from "react-router";
import { useMutation, useQuery } from "urql";

import { Button } from "../../components/Button";
import { Facts } from "../../components/Facts";
import { FormErrors, Notice } from "../../components/Notice";
import { PageHeader } from "../../components/PageHeader";
import { QueryView } from "../../components/QueryView";
import { StatusBadge } from "../../components/StatusBadge";
import { TextAreaField } from "../../components/TextAreaField";
import type { KycDecision } from "../../gql/graphql";
import { formatDateTime } from "../../lib/dates";
import { describeError } from "../../lib/errorMessage";
import { CONSTITUTION_LABELS } from "../../lib/labels";
import { stateName } from "../../lib/states";
import { useFieldErrors } from "../../lib/useFieldErrors";
import { ReviewKycMutation } from "../mutations";
import { KycSubmissionQuery } from "../queries";
import { DocumentPreview } from "./DocumentPreview";

const FIELDS = ["decision", "rejectionReason"];

/** Show one KYC submission with its documents, and the decision on it. */
export function KycReview() {
  const { submissionId = "" } = useParams();
  const [decided, setDecided] = useState<string | null>(null);
  const [result, reexecute] = useQuery({
    query: KycSubmissionQuery,
    variables: { id: submissionId },
  });

  return (
    <QueryView
      result={result}
      retry={() => reexecute({ requestPolicy: "network-only" })}
    >
      {(data) => {
        const submission = data.node?.__typename === "KycSubmission" ? data.node : null;
        if (!submission) {
          return <Notice tone="warning">This KYC submission was not found.</Notice>;
        }
        const sme = submission.sme;
        return (
          <>
            <PageHeader
              title={`KYC of ${sme.legalName}`}
              description={`Submitted ${formatDateTime(submission.submittedAt)}`}
              actions={
                <Link className="button button-secondary" to="/ops">
                  Back to the queue
                </Link>
              }
            />
            {decided ? (
              <Notice tone="success" title={`The KYC is ${decided}.`}>
                <Link to="/ops">Back to the queue</Link>
              </Notice>
            ) : null}
            <div className="two-columns">
              <section className="card" aria-labelledby="details-title">
                <h2 id="details-title" style={{ marginTop: 0 }}>
                  Details
                </h2>
                <Facts
                  items={[
                    ["Status", <StatusBadge key="status" status={submission.status} />],
                    ["Legal name", sme.legalName],
                    [
                      "Legal form",
                      CONSTITUTION_LABELS[sme.constitution] ?? sme.constitution,
                    ],
                    ["State", stateName(sme.stateCode)],
                    ["Industry", sme.industry],
                    ["PAN", submission.pan],
                    ["GSTINs", submission.gstins.join(", ")],
                    ["Udyam number", submission.udyamNumber ?? "None"],
                    ["Bank account", submission.bankAccountNumber],
                    ["IFSC", submission.ifsc],
                    [
                      "Signatory",
                      [submission.signatoryName, submission.signatoryDesignation]
                        .filter(Boolean)
                        .join(", "),
                    ],
                    ["Online checks", submission.onlineChecks.join(", ") || "None ran"],
                    ["Earlier submissions", String(sme.kycSubmissions.length - 1)],
                  ]}
                />
              </section>
              <section className="card" aria-labelledby="decision-title">
                <h2 id="decision-title" style={{ marginTop: 0 }}>
                  Decision
                </h2>
                {submission.status === "SUBMITTED" && !decided ? (
                  <DecisionForm
                    submissionId={submission.id}
                    onDecided={(outcome) => {
                      setDecided(outcome);
                      reexecute({ requestPolicy: "network-only" });
                    }}
                  />
                ) : decided && submission.status === "SUBMITTED" ? (
                  <p>The decision is saved.</p>
                ) : (
                  <p>
                    Decided{" "}
                    {submission.reviewedAt ? formatDateTime(submission.reviewedAt) : ""}
                    : <StatusBadge status={submission.status} />{" "}
                    {submission.rejectionReason}
                  </p>
                )}
              </section>
            </div>
            <h2>Documents</h2>
            <DocumentPreview documents={submission.documents} />
          </>
        );
      }}
    </QueryView>
  );
}

function DecisionForm({
  submissionId,
  onDecided,
}: {
  submissionId: string;
  onDecided: (outcome: string) => void;
}) {
  const [reason, setReason] = useState("");
  const [result, review] = useMutation(ReviewKycMutation);
  const fieldErrors = useFieldErrors(FIELDS);

  async function decide(decision: KycDecision) {
    fieldErrors.clear();
    const response = await review({
      input: {
        submissionId,
        decision,
        rejectionReason: decision === "REJECT" ? reason : null,
      },
    });
    const payload = response.data?.reviewKyc;
    if (response.error) {
      fieldErrors.showGeneral(describeError(response.error));
    } else if (payload && payload.errors.length > 0) {
      fieldErrors.show(payload.errors);
    } else if (payload?.kycSubmission) {
      onDecided(payload.kycSubmission.status === "APPROVED" ? "approved" : "rejected");
    }
  }

  return (
    <form className="form" onSubmit={(event: FormEvent) => event.preventDefault()}>
      <FormErrors messages={fieldErrors.errors.general} />
      <Button busy={result.fetching} onClick={() => void decide("APPROVE")}>
        Approve KYC
      </Button>
      <TextAreaField
        id="rejectionReason"
        label="Reason for rejecting"
        maxLength={500}
        hint="The SME sees it; say what to correct."
        value={reason}
        onChange={setReason}
        errors={fieldErrors.of("rejectionReason")}
      />
      <div>
        <Button
          variant="danger"
          busy={result.fetching}
          onClick={() => void decide("REJECT")}
        >
          Reject KYC
        </Button>
      </div>
    </form>
  );
}
