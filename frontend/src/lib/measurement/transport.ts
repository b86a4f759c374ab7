import type { Client } from "urql";

import { CSRF_HEADER, readCsrfToken } from "../csrf";

let client: Client | null = null;

/** Give measurement the app's GraphQL client; until then reports are dropped. */
export function setMeasurementClient(value: Client): void {
  client = value;
}

export function measurementClient(): Client | null {
  return client;
}

/**
 * Return the options of a request that must outlive the page, such as the last report
 * sent while the tab closes. `keepalive` lets the browser finish it, and
 * unlike sendBeacon it still carries the CSRF header the session needs.
 */
export function keepaliveOptions(): RequestInit {
  const token = readCsrfToken();
  return {
    credentials: "same-origin",
    keepalive: true,
    headers: token ? { [CSRF_HEADER]: token } : {},
  };
}
