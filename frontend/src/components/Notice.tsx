import type { ReactNode } from "react";

type Tone = "info" | "success" | "warning" | "error";

interface NoticeProps {
  tone?: Tone;
  title?: string;
  children?: ReactNode;
}

/** Show a message box; errors are announced at once, others politely. */
export function Notice({ tone = "info", title, children }: NoticeProps) {
  const role = tone === "error" ? "alert" : "status";
  return (
    <div className={`notice notice-${tone}`} role={role}>
      {title ? <strong>{title}</strong> : null}
      {title && children ? <br /> : null}
      {children}
    </div>
  );
}

/** Show the errors of a form that belong to no field. */
export function FormErrors({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) {
    return null;
  }
  return (
    <Notice tone="error" title="Please correct the following.">
      <ul>
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </Notice>
  );
}
