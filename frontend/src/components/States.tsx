import type { ReactNode } from "react";
import type { CombinedError } from "urql";

import { describeError } from "../lib/errorMessage";
import { Button } from "./Button";

/** Show that data is loading. */
export function LoadingState({ label = "Loading…" }: { label?: string }) {
  return (
    <div className="state" role="status" aria-live="polite">
      {label}
    </div>
  );
}

/** Show that a list or page has nothing in it yet. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="state">{children}</div>;
}

/** Show that loading failed, with a way to try again. */
export function ErrorState({
  error,
  onRetry,
}: {
  error: CombinedError;
  onRetry?: () => void;
}) {
  return (
    <div className="notice notice-error" role="alert">
      <p>{describeError(error)}</p>
      {onRetry ? (
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </div>
  );
}
