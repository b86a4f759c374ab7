/**
 * Formatting of rupee amounts. The API sends money as decimal strings
 * ("125000.50"); they are formatted from the string, so no amount passes
 * through a binary float on its way to the screen.
 */

const LAKH = 100_000;
const CRORE = 10_000_000;

const rupees = new Intl.NumberFormat("en-IN", {
  style: "currency",
  currency: "INR",
});

const wholeRupees = new Intl.NumberFormat("en-IN", {
  style: "currency",
  currency: "INR",
  maximumFractionDigits: 0,
});

const summaryNumber = new Intl.NumberFormat("en-IN", {
  maximumFractionDigits: 2,
});

const percent = new Intl.NumberFormat("en-IN", {
  style: "percent",
  maximumFractionDigits: 2,
});

/** Format a decimal string in Indian grouping with paise: ₹12,34,567.00. */
export function formatRupees(amount: string): string {
  return rupees.format(amount as Intl.StringNumericLiteral);
}

/**
 * Format an amount for a summary in lakh and crore: ₹1.25 Cr, ₹12.5 L,
 * and amounts under a lakh in whole rupees (₹45,000).
 */
export function formatRupeesShort(amount: string): string {
  // Number() only shapes the display here; no arithmetic result is kept.
  const value = Number(amount);
  const magnitude = Math.abs(value);

  if (magnitude >= CRORE) {
    return `₹${summaryNumber.format(value / CRORE)} Cr`;
  }
  if (magnitude >= LAKH) {
    return `₹${summaryNumber.format(value / LAKH)} L`;
  }
  return wholeRupees.format(amount as Intl.StringNumericLiteral);
}

/** Format a rate given as a decimal fraction string ("0.145") as "14.5%". */
export function formatRate(rate: string): string {
  return percent.format(rate as Intl.StringNumericLiteral);
}

/** Whether a typed amount is rupees with at most two decimal places. */
export function isMoney(text: string): boolean {
  return /^\d{1,16}(\.\d{1,2})?$/.test(text.trim());
}

/** Whether a decimal string is zero, such as "0", "0.00" or "-0.0". */
export function isZero(amount: string): boolean {
  return /^-?0*(\.0*)?$/.test(amount.trim());
}

/** Strip Indian digit grouping and spaces from a typed amount: "1,18,000" → "118000". */
export function normalizeMoney(text: string): string {
  return text.replace(/[,\s₹]/g, "");
}

/**
 * Add two decimal strings exactly, in paise, for a form's running total.
 * Inputs must pass isMoney().
 */
export function addMoney(left: string, right: string): string {
  const paise = toPaise(left) + toPaise(right);
  const whole = paise / 100n;
  const fraction = (paise % 100n).toString().padStart(2, "0");
  return `${whole}.${fraction}`;
}

function toPaise(amount: string): bigint {
  const [whole = "0", fraction = ""] = amount.trim().split(".");
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0"));
}
