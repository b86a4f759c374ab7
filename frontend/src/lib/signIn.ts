/** Sign-in URLs, and the path to come back to afterwards. */

/** Show the path, query and hash the user is on, to come back to after sign-in. */
export function currentPath(location: Location = window.location): string {
  return `${location.pathname}${location.search}${location.hash}`;
}

/** Show the backend's sign-in URL that returns to `returnTo` afterwards. */
export function signInUrl(returnTo: string): string {
  const path = returnTo.startsWith("/") && !returnTo.startsWith("//") ? returnTo : "/";
  return `/auth/login?return_to=${encodeURIComponent(path)}`;
}

/** Leave the app for the sign-in page, to come back to the current page. */
export function redirectToSignIn(): void {
  window.location.assign(signInUrl(currentPath()));
}
