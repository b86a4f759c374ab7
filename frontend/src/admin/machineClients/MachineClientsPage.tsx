import { useState } from "react";
import { useMutation } from "urql";

import { Button } from "../../components/Button";
import { LoadMore } from "../../components/LoadMore";
import { Notice } from "../../components/Notice";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { StatusBadge } from "../../components/StatusBadge";
import { TableWrap } from "../../components/TableWrap";
import { formatDateTime } from "../../lib/dates";
import { describeError } from "../../lib/errorMessage";
import { usePagedQuery } from "../../lib/usePagedQuery";
import { DeactivateMachineClientMutation } from "../mutations";
import { MachineClientsQuery } from "../queries";
import { CreateMachineClientForm } from "./CreateMachineClientForm";

/** Show lenders' systems that read their portfolio with client credentials. */
export function MachineClientsPage() {
  const list = usePagedQuery(MachineClientsQuery, {}, (data) => data.machineClients, [
    "MachineClient",
  ]);
  const [deactivation, deactivate] = useMutation(DeactivateMachineClientMutation);
  const [message, setMessage] = useState<string | null>(null);

  async function onDeactivate(id: string, name: string) {
    if (!window.confirm(`Deactivate ${name}? Its tokens stop working at once.`)) {
      return;
    }
    const response = await deactivate({ input: { clientId: id } });
    const errors = response.data?.deactivateMachineClient.errors ?? [];
    if (response.error) {
      setMessage(describeError(response.error));
    } else if (errors.length) {
      setMessage(errors.map((error) => error.message).join(" "));
    } else {
      setMessage(null);
      list.refresh();
    }
  }

  return (
    <>
      <PageHeader
        title="Machine clients"
        description="Lenders' systems reading their portfolio over the API, read-only."
      />
      {message ? <Notice tone="error">{message}</Notice> : null}
      {list.error && !list.nodes ? (
        <ErrorState error={list.error} onRetry={list.refresh} />
      ) : null}
      {!list.nodes && !list.error ? <LoadingState /> : null}
      {list.nodes?.length === 0 ? (
        <EmptyState>No machine client exists yet.</EmptyState>
      ) : null}
      {list.nodes?.length ? (
        <>
          <TableWrap label="Machine clients">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Client id</th>
                  <th scope="col">Lender</th>
                  <th scope="col">Scopes</th>
                  <th scope="col">Created</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {list.nodes.map((client) => (
                  <tr key={client.id}>
                    <td>{client.name}</td>
                    <td>{client.clientId}</td>
                    <td>{client.lender?.name ?? ""}</td>
                    <td>{client.scopes.join(", ")}</td>
                    <td>{formatDateTime(client.createdAt)}</td>
                    <td>
                      {client.isActive ? (
                        <Button
                          variant="danger"
                          busy={deactivation.fetching}
                          onClick={() => void onDeactivate(client.id, client.name)}
                          aria-label={`Deactivate ${client.name}`}
                        >
                          Deactivate
                        </Button>
                      ) : (
                        <StatusBadge status="CANCELLED" label="Deactivated" />
                      )}
                    </td>
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
      <CreateMachineClientForm onCreated={list.refresh} />
    </>
  );
}
