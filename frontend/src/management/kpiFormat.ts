/** Figures of the success metrics in their own units. */

import { formatRupeesShort } from "../lib/money";

const number = new Intl.NumberFormat("en-IN", { maximumFractionDigits: 2 });

function plain(value: string): string {
  return number.format(value as Intl.StringNumericLiteral);
}

/** Format a metric's value or bound, given as a decimal string, in its unit. */
export function formatKpiValue(value: string | null | undefined, unit: string): string {
  if (value === null || value === undefined) {
    return "No data";
  }
  switch (unit) {
    case "RUPEES":
      return formatRupeesShort(value);
    case "PERCENT":
      return `${plain(value)}%`;
    case "HOURS":
      return `${plain(value)} h`;
    case "MINUTES":
      return `${plain(value)} min`;
    case "STARS":
      return `${plain(value)} / 5`;
    case "INVOICES_PER_SME_MONTH":
      return `${plain(value)} a month`;
    default:
      return plain(value);
  }
}
