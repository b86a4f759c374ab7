import { describe, expect, it } from "vitest";

import { dayNotOver } from "./dayNotOver";

// 23:00 on 31 Mar 2026 in India.
const LATE_EVENING = new Date("2026-03-31T17:30:00Z");
// 00:30 on 1 Apr 2026 in India, still 31 Mar in UTC.
const JUST_AFTER_MIDNIGHT = new Date("2026-03-31T19:00:00Z");

describe("dayNotOver", () => {
  it("holds for today in India, however late", () => {
    expect(dayNotOver("2026-03-31", LATE_EVENING)).toBe(true);
  });

  it("holds for a later date", () => {
    expect(dayNotOver("2026-04-01", LATE_EVENING)).toBe(true);
    expect(dayNotOver("2027-01-01", LATE_EVENING)).toBe(true);
  });

  it("does not hold for yesterday", () => {
    expect(dayNotOver("2026-03-30", LATE_EVENING)).toBe(false);
  });

  it("counts the day by India time, not UTC", () => {
    expect(dayNotOver("2026-03-31", JUST_AFTER_MIDNIGHT)).toBe(false);
    expect(dayNotOver("2026-04-01", JUST_AFTER_MIDNIGHT)).toBe(true);
  });

  it("does not judge an empty or unfinished date", () => {
    expect(dayNotOver("", LATE_EVENING)).toBe(false);
    expect(dayNotOver("2026-4-1", LATE_EVENING)).toBe(false);
  });
});
