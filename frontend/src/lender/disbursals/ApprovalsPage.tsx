import { useRef, useState } from "react";
import { useMutation } from "urql";

import { Button } from "../../components/Button";
import { Facts } from "../../components/Facts";
import { LoadMore } from "../../components/LoadMore";
import { Notice } from "../../components/Notice";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { TextAreaField } from "../../components/TextAreaField";
import { formatDate, formatDateTime } from "../../lib/dates";
import { describeError } from "../../lib/errorMessage";
import { formatRupees } from "../../lib/money";
import { usePagedQuery } from "../../lib/usePagedQuery";
import { ApproveDisbursalMutation, RejectDisbursalMutation } from "../mutations";
import { DisbursalsQuery } from "../queries";

/** Show the checker's queue: disbursals other users requested, to approve or reject. */
export function ApprovalsPage() {
  const list = usePagedQuery(
    DisbursalsQuery,
    { filter: { status: ["REQUESTED"] } },
    (data) => data.disbursals,
    ["Disbursal"],
  );
  const [outcome, setOutcome] = useState<string | null>(null);

  return (
    <>
      <PageHeader
        title="Approvals"
        description="Disbursal requests waiting for a second user. You cannot approve your own."
      />
      {outcome ? <Notice tone="success">{outcome}</Notice> : null}
      {list.error && !list.nodes ? (
        <ErrorState error={list.error} onRetry={list.refresh} />
      ) : null}
      {!list.nodes && !list.error ? <LoadingState /> : null}
      {list.nodes?.length === 0 ? (
        <EmptyState>No disbursal is waiting for approval.</EmptyState>
      ) : null}
      {list.nodes?.map((disbursal) => (
        <Approval
          key={disbursal.id}
          disbursal={disbursal}
          onDone={(message) => {
            setOutcome(message);
            list.refresh();
          }}
        />
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

interface Request {
  id: string;
  utr: string;
  valueDate: string;
  amount: string;
  requestedAt: string;
  requestedByYou: boolean;
  offer?: {
    application: {
      sme: {
        legalName: string;
        bankAccountNumber?: string | null;
        ifsc?: string | null;
      };
      invoices: readonly { invoiceNumber: string }[];
    };
  } | null;
}

function Approval({
  disbursal,
  onDone,
}: {
  disbursal: Request;
  onDone: (message: string) => void;
}) {
  const idempotencyKey = useRef(crypto.randomUUID());
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<string[]>([]);
  const [approval, approve] = useMutation(ApproveDisbursalMutation);
  const [rejection, reject] = useMutation(RejectDisbursalMutation);
  const sme = disbursal.offer?.application.sme;
  const name = sme?.legalName ?? "the SME";

  async function onApprove() {
    const response = await approve({
      input: { disbursalId: disbursal.id, idempotencyKey: idempotencyKey.current },
    });
    finish(
      response.error
        ? [describeError(response.error)]
        : messages(response.data?.approveDisbursal.errors),
      `The disbursal of ${formatRupees(disbursal.amount)} to ${name} is approved; its loans are active.`,
    );
  }

  async function onReject() {
    if (!reason.trim()) {
      setErrors([
        "Reason for rejecting is missing; say what the maker should correct.",
      ]);
      return;
    }
    const response = await reject({ input: { disbursalId: disbursal.id, reason } });
    finish(
      response.error
        ? [describeError(response.error)]
        : messages(response.data?.rejectDisbursal.errors),
      `The disbursal to ${name} is rejected; the maker may request it again.`,
    );
  }

  function finish(problems: string[], success: string) {
    setErrors(problems);
    if (problems.length === 0) {
      onDone(success);
    }
  }

  return (
    <article
      className="card"
      style={{ marginBottom: "1rem" }}
      aria-labelledby={`disbursal-${disbursal.id}`}
    >
      <h2 id={`disbursal-${disbursal.id}`} style={{ marginTop: 0 }}>
        {name}: {formatRupees(disbursal.amount)}
      </h2>
      <Facts
        items={[
          ["UTR", disbursal.utr],
          ["Value date", formatDate(disbursal.valueDate)],
          ["Paid into", `${sme?.bankAccountNumber ?? ""} (${sme?.ifsc ?? ""})`],
          [
            "Invoices",
            disbursal.offer?.application.invoices
              .map((invoice) => invoice.invoiceNumber)
              .join(", ") ?? "",
          ],
          ["Requested", formatDateTime(disbursal.requestedAt)],
        ]}
      />
      {errors.length ? (
        <p className="field-error" role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
      {disbursal.requestedByYou ? (
        <p className="muted">
          You requested this disbursal, so another user of your lender approves it.
        </p>
      ) : (
        <div className="form" style={{ marginTop: "1rem" }}>
          {confirming ? (
            <div
              className="notice notice-warning"
              role="group"
              aria-label={`Approve the disbursal to ${name}`}
            >
              <p>
                Approve the disbursal of {formatRupees(disbursal.amount)} to {name}? Its
                loans become active, priced for the value date{" "}
                {formatDate(disbursal.valueDate)}, and this cannot be undone.
              </p>
              <div className="button-row">
                <Button busy={approval.fetching} onClick={() => void onApprove()}>
                  Yes, approve
                </Button>
                <Button variant="secondary" onClick={() => setConfirming(false)}>
                  Cancel
                </Button>
              </div>
            </div>
          ) : (
            <div>
              <Button onClick={() => setConfirming(true)}>Approve disbursal</Button>
            </div>
          )}
          <TextAreaField
            id={`reject-${disbursal.id}`}
            label="Reason for rejecting"
            maxLength={2000}
            value={reason}
            onChange={(value) => {
              setReason(value);
              setErrors([]);
            }}
          />
          <div>
            <Button
              variant="danger"
              busy={rejection.fetching}
              onClick={() => void onReject()}
            >
              Reject disbursal
            </Button>
          </div>
        </div>
      )}
    </article>
  );
}

function messages(errors?: readonly { message: string }[]): string[] {
  return (errors ?? []).map((error) => error.message);
}
