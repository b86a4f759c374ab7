import { Link } from "react-router";

import { LoadMore } from "../../components/LoadMore";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { TableWrap } from "../../components/TableWrap";
import { formatDateTime } from "../../lib/dates";
import { CONSTITUTION_LABELS } from "../../lib/labels";
import { stateName } from "../../lib/states";
import { usePagedQuery } from "../../lib/usePagedQuery";
import { KycQueueQuery } from "../queries";

/** Show KYC submissions waiting for review, oldest first. */
export function KycQueue() {
  const list = usePagedQuery(KycQueueQuery, {}, (data) => data.kycQueue, [
    "KycSubmission",
  ]);

  return (
    <>
      <PageHeader
        title="KYC review"
        description="Submissions waiting for a decision, oldest first."
      />
      {list.error && !list.nodes ? (
        <ErrorState error={list.error} onRetry={list.refresh} />
      ) : null}
      {!list.nodes && !list.error ? <LoadingState /> : null}
      {list.nodes?.length === 0 ? (
        <EmptyState>No KYC submission is waiting.</EmptyState>
      ) : null}
      {list.nodes?.length ? (
        <>
          <TableWrap label="KYC submissions waiting">
            <table>
              <thead>
                <tr>
                  <th scope="col">SME</th>
                  <th scope="col">Legal form and state</th>
                  <th scope="col">PAN</th>
                  <th scope="col">GSTINs</th>
                  <th scope="col" className="number">
                    Documents
                  </th>
                  <th scope="col">Submitted</th>
                </tr>
              </thead>
              <tbody>
                {list.nodes.map((submission) => (
                  <tr key={submission.id}>
                    <td>
                      <Link to={`/ops/kyc/${encodeURIComponent(submission.id)}`}>
                        {submission.sme.legalName}
                      </Link>
                    </td>
                    <td>
                      {CONSTITUTION_LABELS[submission.sme.constitution]},{" "}
                      {stateName(submission.sme.stateCode)}
                    </td>
                    <td>{submission.pan}</td>
                    <td>{submission.gstins.join(", ")}</td>
                    <td className="number">{submission.documents.length}</td>
                    <td>{formatDateTime(submission.submittedAt)}</td>
                  </tr>
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
