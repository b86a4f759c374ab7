import type { CombinedError } from "urql";

import { describeError } from "../lib/errorMessage";

/** Collect the sentences of a mutation's failure: a request error or the payload's errors. */
export function payloadMessages(
  error: CombinedError | undefined,
  errors: readonly { message: string }[] | undefined,
): string[] {
  if (error) {
    return [describeError(error)];
  }
  return (errors ?? []).map((item) => item.message);
}
