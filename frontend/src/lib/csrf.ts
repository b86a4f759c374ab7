/**
 * The CSRF token of the web session. The backend sets it in the readable
 * `hundi_csrf` cookie and also returns it from GET /auth/session; every
 * request that is not a GET carries it as the X-CSRF-Token header.
 */

export const CSRF_COOKIE = "hundi_csrf";
export const CSRF_HEADER = "X-CSRF-Token";

/** Read the CSRF token from the cookie, or null when there is no session. */
export function readCsrfToken(cookies: string = document.cookie): string | null {
  for (const part of cookies.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === CSRF_COOKIE) {
      return decodeURIComponent(rest.join("="));
    }
  }
  return null;
}
