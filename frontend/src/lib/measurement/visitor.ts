/**
 * The anonymous visitor id: a random UUID made in this browser and kept in
 * localStorage. It names no person and is no credential; the server links
 * it to an SME only when that SME's user signs in.
 */

const VISITOR_KEY = "hundi.visitorId";
const VISIT_KEY = "hundi.visitRecorded";

export function visitorId(): string {
  const stored = safely(() => localStorage.getItem(VISITOR_KEY));
  if (stored) {
    return stored;
  }
  const created = crypto.randomUUID();
  safely(() => localStorage.setItem(VISITOR_KEY, created));
  return created;
}

/** Whether this tab already reported its visit; marks it reported. */
export function firstVisitInTab(): boolean {
  if (safely(() => sessionStorage.getItem(VISIT_KEY))) {
    return false;
  }
  safely(() => sessionStorage.setItem(VISIT_KEY, "1"));
  return true;
}

// Storage can be off (private modes, policies); measuring must never break the app.
function safely<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}
