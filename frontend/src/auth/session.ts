/**
 * The browser's web session, as GET /auth/session reports it. The session
 * itself lives in an HttpOnly cookie the app cannot read; nothing about it
 * is kept in localStorage or sessionStorage.
 */

import { CSRF_HEADER, readCsrfToken } from "../lib/csrf";

export type Role = "SME" | "LENDER" | "OPS" | "MANAGEMENT" | "ADMIN";

export type Session =
  | { authenticated: false }
  | { authenticated: true; role: Role; csrfToken: string | null };

export async function fetchSession(): Promise<Session> {
  const response = await fetch("/auth/session", {
    credentials: "same-origin",
    cache: "no-store",
  });
  if (!response.ok) {
    throw new Error(`The sign-in service answered ${response.status}.`);
  }
  const body = (await response.json()) as {
    authenticated: boolean;
    role?: Role;
    csrfToken?: string | null;
  };
  if (!body.authenticated || !body.role) {
    return { authenticated: false };
  }
  return { authenticated: true, role: body.role, csrfToken: body.csrfToken ?? null };
}

/** End the session on the server; the cookies are cleared by its answer. */
export async function signOut(): Promise<void> {
  const token = readCsrfToken();
  await fetch("/auth/logout", {
    method: "POST",
    credentials: "same-origin",
    headers: token ? { [CSRF_HEADER]: token } : {},
  });
}
