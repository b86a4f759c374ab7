import type { ReactNode } from "react";
import type { CombinedError } from "urql";

import { ErrorState, LoadingState } from "./States";

interface QueryViewProps<Data> {
  result: { data?: Data; fetching: boolean; error?: CombinedError };
  retry?: () => void;
  children: (data: Data) => ReactNode;
}

/**
 * Render a query's loading and error states, and its data once there.
 * Data already on screen stays while a refresh runs.
 */
export function QueryView<Data>({ result, retry, children }: QueryViewProps<Data>) {
  if (result.error && !result.data) {
    return <ErrorState error={result.error} onRetry={retry} />;
  }
  if (!result.data) {
    return <LoadingState />;
  }
  return <>{children(result.data)}</>;
}
