/** Periods the KPI dashboard offers, as dates in India. */

export interface Period {
  from: string;
  to: string;
}

export const PRESETS = [
  { key: "month", label: "This month", months: 1 },
  { key: "quarter", label: "Last 3 months", months: 3 },
  { key: "half", label: "Last 6 months", months: 6 },
  { key: "year", label: "Last 12 months", months: 12 },
] as const;

/** Return the `months` calendar months that end with the month of `today`, up to today. */
export function lastMonths(today: string, months: number): Period {
  const [year = 0, month = 1] = today.split("-").map(Number);
  const index = year * 12 + (month - 1) - (months - 1);
  const fromYear = Math.floor(index / 12);
  const fromMonth = (index % 12) + 1;
  return { from: `${fromYear}-${String(fromMonth).padStart(2, "0")}-01`, to: today };
}
