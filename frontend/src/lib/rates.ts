/**
 * Rates typed as percentages ("14.5") and the API's decimal fractions
 * ("0.145"), converted by moving the decimal point as text, so no rate
 * passes through a binary float.
 */

const PERCENT = /^\d{1,3}(\.\d{1,4})?$/;

/** Whether a typed percentage has at most 3 digits before and 4 after the point. */
export function isPercent(text: string): boolean {
  return PERCENT.test(text.trim());
}

/** Show "14.5" → "0.145"; the input must pass isPercent(). */
export function percentToRate(text: string): string {
  const [whole = "0", fraction = ""] = text.trim().split(".");
  const digits = (whole.padStart(3, "0") + fraction).replace(/^0+(?=\d)/, "");
  const shifted = digits.padStart(fraction.length + 3, "0");
  const point = shifted.length - fraction.length - 2;
  const rate = `${shifted.slice(0, point)}.${shifted.slice(point)}`;
  return trimRate(rate.startsWith(".") ? `0${rate}` : rate);
}

/** Show "0.145" → "14.5"; the inverse of percentToRate, for filling a form. */
export function rateToPercent(rate: string): string {
  const [whole = "0", fraction = ""] = rate.trim().split(".");
  const padded = fraction.padEnd(2, "0");
  const integer = String(Number(whole) * 100 + Number(padded.slice(0, 2)));
  const rest = padded.slice(2).replace(/0+$/, "");
  return rest ? `${integer}.${rest}` : integer;
}

function trimRate(rate: string): string {
  const [whole = "0", fraction = ""] = rate.split(".");
  const kept = fraction.replace(/0+$/, "");
  return kept ? `${Number(whole)}.${kept}` : String(Number(whole));
}
