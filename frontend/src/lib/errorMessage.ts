/**
 * Turn a failed request into a sentence a user can act on. Top-level GraphQL
 * errors carry a code in `extensions.code` (see the API's error channels).
 * Only FORBIDDEN messages are written for people; the text of the others,
 * such as a variable that failed coercion ("Variable '$input' has invalid
 * value ..."), is never shown. Forms check their values before sending, so
 * BAD_USER_INPUT here means a value slipped past those checks.
 */

import type { CombinedError } from "urql";

export const NETWORK_MESSAGE =
  "Hundi could not be reached. Check your connection and try again.";
export const BAD_INPUT_MESSAGE =
  "Hundi could not read one of the values sent. Check the form and try again.";
export const TOO_LARGE_MESSAGE =
  "The files are too large to send together. Choose smaller files and try again.";
export const SIGNED_OUT_MESSAGE = "Your session has ended. Sign in and try again.";
export const UNEXPECTED_MESSAGE =
  "Something went wrong on Hundi's side. Try again in a moment.";

const PAYLOAD_TOO_LARGE = 413;

export function describeError(error: CombinedError): string {
  const codes = error.graphQLErrors.map(
    (graphQLError) => graphQLError.extensions?.code as string | undefined,
  );
  if (responseStatus(error) === PAYLOAD_TOO_LARGE) {
    return TOO_LARGE_MESSAGE;
  }
  if (error.networkError) {
    return NETWORK_MESSAGE;
  }
  if (codes.includes("UNAUTHENTICATED")) {
    return SIGNED_OUT_MESSAGE;
  }
  if (codes.includes("BAD_USER_INPUT")) {
    return BAD_INPUT_MESSAGE;
  }
  const forbidden = error.graphQLErrors
    .filter((graphQLError) => graphQLError.extensions?.code === "FORBIDDEN")
    .map((graphQLError) => graphQLError.message);
  if (forbidden.length > 0) {
    return forbidden.join(" ");
  }
  return UNEXPECTED_MESSAGE;
}

function responseStatus(error: CombinedError): number | undefined {
  const response: unknown = error.response;
  if (typeof response === "object" && response !== null && "status" in response) {
    const status = (response as { status: unknown }).status;
    return typeof status === "number" ? status : undefined;
  }
  return undefined;
}
