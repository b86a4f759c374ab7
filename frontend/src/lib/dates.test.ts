import { describe, expect, it } from "vitest";

import {
  formatDate,
  formatDateInIndia,
  formatDateTime,
  formatMonth,
  todayInIndia,
  yesterdayInIndia,
} from "./dates";

describe("formatDate", () => {
  it("formats a calendar date without moving it across time zones", () => {
    expect(formatDate("2026-11-20")).toBe("20 Nov 2026");
    expect(formatDate("2027-01-01")).toBe("1 Jan 2027");
  });
});

describe("formatDateTime", () => {
  it("shows an instant in India time", () => {
    expect(formatDateTime("2026-03-31T19:00:00Z")).toBe("1 Apr 2026, 12:30 am");
  });
});

describe("formatDateInIndia", () => {
  it("shows the India date of an instant late in the UTC day", () => {
    expect(formatDateInIndia("2026-03-31T19:00:00Z")).toBe("1 Apr 2026");
  });

  it("keeps the India date of an instant with an offset", () => {
    expect(formatDateInIndia("2026-04-01T00:10:00+05:30")).toBe("1 Apr 2026");
  });

  it("shows the same date before 18:30 UTC", () => {
    expect(formatDateInIndia("2026-03-31T18:29:00Z")).toBe("31 Mar 2026");
  });
});

describe("formatMonth", () => {
  it("names the month of a date", () => {
    expect(formatMonth("2026-09-01")).toMatch(/^Sept? 2026$/);
  });
});

describe("todayInIndia", () => {
  it("is already the next day in India at 00:30 IST", () => {
    expect(todayInIndia(new Date("2026-03-31T19:00:00Z"))).toBe("2026-04-01");
  });

  it("is the same day in India late in the UTC day before 18:30", () => {
    expect(todayInIndia(new Date("2026-03-31T18:29:00Z"))).toBe("2026-03-31");
  });
});

describe("yesterdayInIndia", () => {
  it("gives the India day before today", () => {
    expect(yesterdayInIndia(new Date("2026-12-04T20:00:00Z"))).toBe("2026-12-04");
  });

  it("crosses a month and a year", () => {
    expect(yesterdayInIndia(new Date("2027-01-01T06:00:00Z"))).toBe("2026-12-31");
  });
});
