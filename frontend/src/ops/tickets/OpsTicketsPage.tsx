import { useMemo, useState } from "react";
import { useMutation } from "urql";

import { Button } from "../../components/Button";
import { LoadMore } from "../../components/LoadMore";
import { PageHeader } from "../../components/PageHeader";
import { SelectField } from "../../components/SelectField";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import type { TicketStatus } from "../../gql/graphql";
import { usePagedQuery } from "../../lib/usePagedQuery";
import {
  AnswerSupportTicketMutation,
  ResolveSupportTicketMutation,
  SupportTicketsQuery,
} from "../../support/operations";
import { payloadMessages } from "../../support/payloadMessages";
import { TicketThread } from "../../support/TicketThread";

/** Show every SME's support tickets, waiting ones first by default, to reply to or resolve. */
export function OpsTicketsPage() {
  const [status, setStatus] = useState("OPEN");
  const variables = useMemo(
    () => ({ status: status ? [status as TicketStatus] : null }),
    [status],
  );
  const list = usePagedQuery(
    SupportTicketsQuery,
    variables,
    (data) => data.supportTickets,
    ["SupportTicket"],
  );
  const [, answer] = useMutation(AnswerSupportTicketMutation);
  const [, resolve] = useMutation(ResolveSupportTicketMutation);

  // A ticket answered or resolved leaves the "waiting" filter, so the list is read again.
  function refreshAfter(problems: string[]): string[] {
    if (problems.length === 0) {
      list.refresh();
    }
    return problems;
  }

  return (
    <>
      <PageHeader
        title="Support tickets"
        description="Questions and problems SMEs raised."
      />
      <div className="filters" role="search" aria-label="Filter tickets">
        <SelectField
          id="ticket-status"
          label="Status"
          placeholder="Any"
          value={status}
          onChange={setStatus}
          options={[
            { value: "OPEN", label: "Waiting for operations" },
            { value: "ANSWERED", label: "Waiting for the SME" },
            { value: "RESOLVED", label: "Resolved" },
          ]}
        />
      </div>
      {list.error && !list.nodes ? (
        <ErrorState error={list.error} onRetry={list.refresh} />
      ) : null}
      {!list.nodes && !list.error ? <LoadingState /> : null}
      {list.nodes?.length === 0 ? (
        status === "OPEN" ? (
          <EmptyState>
            <p>No ticket is waiting for operations.</p>
            <Button variant="secondary" onClick={() => setStatus("")}>
              Show all tickets
            </Button>
          </EmptyState>
        ) : (
          <EmptyState>No ticket matches.</EmptyState>
        )
      ) : null}
      {list.nodes?.map((ticket) => (
        <TicketThread
          key={ticket.id}
          ticket={ticket}
          reader="OPS"
          replyLabel="Your answer"
          onReply={async (message) => {
            const response = await answer({ input: { ticketId: ticket.id, message } });
            return refreshAfter(
              payloadMessages(
                response.error,
                response.data?.answerSupportTicket.errors,
              ),
            );
          }}
          onResolve={async (message) => {
            const response = await resolve({
              input: { ticketId: ticket.id, message: message.trim() || null },
            });
            return refreshAfter(
              payloadMessages(
                response.error,
                response.data?.resolveSupportTicket.errors,
              ),
            );
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
