import { useMutation } from "urql";

import { LoadMore } from "../../components/LoadMore";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { usePagedQuery } from "../../lib/usePagedQuery";
import {
  AddSupportTicketMessageMutation,
  SupportTicketsQuery,
} from "../../support/operations";
import { payloadMessages } from "../../support/payloadMessages";
import { TicketThread } from "../../support/TicketThread";
import { OpenTicketForm } from "./OpenTicketForm";

/** Show the SME's support tickets and a form to open a new one. */
export function SupportPage() {
  const list = usePagedQuery(SupportTicketsQuery, {}, (data) => data.supportTickets, [
    "SupportTicket",
  ]);
  const [, addMessage] = useMutation(AddSupportTicketMessageMutation);

  return (
    <>
      <PageHeader
        title="Support"
        description="Your questions to Hundi's operations team, newest first."
      />
      <OpenTicketForm onOpened={list.refresh} />
      <h2>Your tickets</h2>
      {list.error && !list.nodes ? (
        <ErrorState error={list.error} onRetry={list.refresh} />
      ) : null}
      {!list.nodes && !list.error ? <LoadingState /> : null}
      {list.nodes?.length === 0 ? (
        <EmptyState>You have not opened a ticket.</EmptyState>
      ) : null}
      {list.nodes?.map((ticket) => (
        <TicketThread
          key={ticket.id}
          ticket={ticket}
          reader="SME"
          replyLabel="Add a message"
          onReply={async (message) => {
            const response = await addMessage({
              input: { ticketId: ticket.id, message },
            });
            const problems = payloadMessages(
              response.error,
              response.data?.addSupportTicketMessage.errors,
            );
            if (problems.length === 0) {
              list.refresh();
            }
            return problems;
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
