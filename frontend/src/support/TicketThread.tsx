import { useState } from "react";
import type { FormEvent } from "react";

import { Button } from "../components/Button";
import { StatusBadge } from "../components/StatusBadge";
import { TextAreaField } from "../components/TextAreaField";
import { formatDateTime } from "../lib/dates";
import { humanize } from "../lib/labels";

export interface Ticket {
  id: string;
  category: string;
  subject: string;
  status: string;
  openedAt: string;
  resolvedAt?: string | null;
  sme?: { legalName: string } | null;
  messages: readonly { body: string; createdAt: string; authorRole?: string | null }[];
}

interface TicketThreadProps {
  ticket: Ticket;
  /** The reader, which decides whose messages are labelled as the reader's own. */
  reader: "SME" | "OPS";
  replyLabel: string;
  onReply: (message: string) => Promise<string[]>;
  onResolve?: (message: string) => Promise<string[]>;
}

/** Show a ticket's conversation, with a reply box while it is not resolved. */
export function TicketThread({
  ticket,
  reader,
  replyLabel,
  onReply,
  onResolve,
}: TicketThreadProps) {
  const [message, setMessage] = useState("");
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function run(action: (text: string) => Promise<string[]>) {
    setBusy(true);
    const problems = await action(message);
    setBusy(false);
    setErrors(problems);
    if (problems.length === 0) {
      setMessage("");
    }
  }

  function author(role?: string | null): string {
    if (role === "SME") {
      return reader === "SME" ? "You" : (ticket.sme?.legalName ?? "The SME");
    }
    return reader === "OPS" ? "Operations (you)" : "Hundi operations";
  }

  return (
    <article
      className="card"
      style={{ marginBottom: "1rem" }}
      aria-labelledby={`ticket-${ticket.id}`}
    >
      <h3 id={`ticket-${ticket.id}`} style={{ marginTop: 0 }}>
        {ticket.subject} <StatusBadge status={ticket.status} />
      </h3>
      <p className="muted">
        {humanize(ticket.category)}
        {ticket.sme && reader === "OPS" ? `, ${ticket.sme.legalName}` : ""}; opened{" "}
        {formatDateTime(ticket.openedAt)}
      </p>
      <ol className="thread">
        {ticket.messages.map((item, index) => (
          <li key={index}>
            <strong>{author(item.authorRole)}</strong>{" "}
            <span className="muted">{formatDateTime(item.createdAt)}</span>
            <p style={{ whiteSpace: "pre-wrap" }}>{item.body}</p>
          </li>
        ))}
      </ol>
      {ticket.status !== "RESOLVED" ? (
        <form
          className="form"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            void run(onReply);
          }}
        >
          <TextAreaField
            id={`reply-${ticket.id}`}
            label={replyLabel}
            maxLength={5000}
            value={message}
            onChange={setMessage}
            errors={errors.length ? errors : undefined}
          />
          <div className="button-row" style={{ marginTop: 0 }}>
            <Button type="submit" busy={busy}>
              Send
            </Button>
            {onResolve ? (
              <Button
                variant="secondary"
                busy={busy}
                onClick={() => void run(onResolve)}
              >
                Resolve ticket
              </Button>
            ) : null}
          </div>
        </form>
      ) : null}
    </article>
  );
}
