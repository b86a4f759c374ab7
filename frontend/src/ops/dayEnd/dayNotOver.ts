import { todayInIndia } from "../../lib/dates";

/**
 * Check whether the business date "YYYY-MM-DD" has not ended yet in India,
 * which is so when it is today or later there. An empty or partly typed date
 * gives false.
 */
export function dayNotOver(businessDate: string, now: Date = new Date()): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(businessDate)) {
    return false;
  }
  // ISO dates of the same length sort as the days they name.
  return businessDate >= todayInIndia(now);
}
