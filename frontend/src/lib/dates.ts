/**
 * Dates and instants shown in India time. Business dates from the API
 * ("2026-11-20") are calendar dates in India already; instants
 * ("2026-11-20T05:30:00+00:00") are converted to Asia/Kolkata.
 */

export const INDIA_TIME_ZONE = "Asia/Kolkata";

const dateFormat = new Intl.DateTimeFormat("en-IN", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

const instantFormat = new Intl.DateTimeFormat("en-IN", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZone: INDIA_TIME_ZONE,
});

const dateInIndiaFormat = new Intl.DateTimeFormat("en-IN", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: INDIA_TIME_ZONE,
});

const isoDateInIndia = new Intl.DateTimeFormat("en-CA", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  timeZone: INDIA_TIME_ZONE,
});

const monthFormat = new Intl.DateTimeFormat("en-IN", {
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** Format a calendar date "2026-11-20" as "20 Nov 2026". */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  // The date is pinned to UTC midnight and formatted in UTC, so no time
  // zone can move it to a neighbouring day.
  return dateFormat.format(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
}

/** Format an instant as a date and time in India: "20 Nov 2026, 11:00 am". */
export function formatDateTime(isoInstant: string): string {
  return instantFormat.format(new Date(isoInstant));
}

/**
 * Format the calendar date of an instant in India: "2026-03-31T19:00:00Z" is
 * "1 Apr 2026". Cutting the date off the ISO text would give the UTC date.
 */
export function formatDateInIndia(isoInstant: string): string {
  return dateInIndiaFormat.format(new Date(isoInstant));
}

/** Format the month of a date "2026-11-01" as "Nov 2026". */
export function formatMonth(isoDate: string): string {
  const [year, month] = isoDate.split("-").map(Number);
  return monthFormat.format(Date.UTC(year ?? 0, (month ?? 1) - 1, 1));
}

/** Show today's calendar date in India as "YYYY-MM-DD", for date inputs. */
export function todayInIndia(now: Date = new Date()): string {
  return isoDateInIndia.format(now);
}

/** Show yesterday's calendar date in India as "YYYY-MM-DD": the last day that has ended. */
export function yesterdayInIndia(now: Date = new Date()): string {
  const [year, month, day] = todayInIndia(now).split("-").map(Number);
  const yesterday = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (day ?? 1) - 1));
  return yesterday.toISOString().slice(0, 10);
}
