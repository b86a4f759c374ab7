/**
 * The urql client of the web app. Every request goes to /graphql on this
 * origin with the session cookie and, as a POST, the X-CSRF-Token header.
 * File variables are sent as a GraphQL multipart request by urql's fetch
 * exchange. A top-level UNAUTHENTICATED error means the session ended, so
 * the browser goes to sign in and comes back to the same page.
 */

import { cacheExchange, Client, fetchExchange, mapExchange } from "urql";
import type { CombinedError } from "urql";

import { CSRF_HEADER, readCsrfToken } from "./csrf";
import { redirectToSignIn } from "./signIn";

export function isUnauthenticated(error: CombinedError): boolean {
  return error.graphQLErrors.some(
    (graphQLError) => graphQLError.extensions?.code === "UNAUTHENTICATED",
  );
}

function requestOptions(): RequestInit {
  const token = readCsrfToken();
  return {
    credentials: "same-origin",
    headers: token ? { [CSRF_HEADER]: token } : {},
  };
}

export function createGraphqlClient(
  onUnauthenticated: () => void = redirectToSignIn,
): Client {
  return new Client({
    url: "/graphql",
    preferGetMethod: false,
    fetchOptions: requestOptions,
    requestPolicy: "cache-and-network",
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error) {
          if (isUnauthenticated(error)) {
            onUnauthenticated();
          }
        },
      }),
      fetchExchange,
    ],
  });
}
