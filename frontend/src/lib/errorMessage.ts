/** Turn a failed request into a sentence a user can act on. */

import type { CombinedError } from "urql";

export function describeError(error: CombinedError): string {
  if (error.networkError) {
    return "Hundi could not be reached. Check your connection and try again.";
  }
  const messages = error.graphQLErrors.map((graphQLError) => graphQLError.message);
  if (messages.length === 0) {
    return "Something went wrong. Try again in a moment.";
  }
  return messages.join(" ");
}
