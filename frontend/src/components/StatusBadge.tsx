import { humanize } from "../lib/labels";

type Tone = "good" | "warn" | "bad" | "info" | "neutral";

const TONES: Record<string, Tone> = {
  KYC_VERIFIED: "good",
  APPROVED: "good",
  VERIFIED: "good",
  ACCEPTED: "good",
  DISBURSED: "good",
  REPAID: "good",
  SETTLED: "good",
  ACTIVE: "good",
  STANDARD: "good",
  SUCCEEDED: "good",
  POSTED: "good",
  RESOLVED: "good",
  OPEN: "info",
  OFFERED: "info",
  SUBMITTED: "info",
  KYC_SUBMITTED: "info",
  FINANCED: "info",
  UPLOADED: "info",
  PROCESSING: "info",
  ANSWERED: "info",
  REQUESTED: "warn",
  PENDING_DISBURSAL: "warn",
  REGISTERED: "warn",
  SMA_0: "warn",
  SMA_1: "warn",
  SMA_2: "bad",
  NPA: "bad",
  KYC_REJECTED: "bad",
  REJECTED: "bad",
  DECLINED: "bad",
  FAILED: "bad",
  WRITTEN_OFF: "bad",
  REVERSED: "bad",
  EXPIRED: "neutral",
  WITHDRAWN: "neutral",
  CANCELLED: "neutral",
};

/** Show a state from the API as a coloured label. */
export function StatusBadge({ status, label }: { status: string; label?: string }) {
  const tone = TONES[status] ?? "neutral";
  const className = tone === "neutral" ? "badge" : `badge badge-${tone}`;
  return <span className={className}>{label ?? humanize(status)}</span>;
}
