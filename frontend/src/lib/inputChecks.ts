/**
 * The browser's checks of typed numbers, run before a form is sent so that
 * a value the API's scalars cannot read (Money, Rate, Int, Decimal) never
 * reaches it. Each check returns null for a valid value, or a message that
 * names the field by its label.
 */

import type { PayloadError } from "./fieldErrors";
import { isMoney, isZero, normalizeMoney } from "./money";
import { isPercent } from "./rates";

interface Rule {
  /** Whether an empty value is a problem; true unless given. */
  required?: boolean;
}

/** Check a typed amount of rupees, such as "1,18,000.50". */
export function checkMoney(
  text: string,
  label: string,
  { required = true, allowZero = false }: Rule & { allowZero?: boolean } = {},
): string | null {
  const amount = normalizeMoney(text);
  if (amount === "") {
    return required ? `${label} is missing; give an amount in rupees.` : null;
  }
  if (!isMoney(amount)) {
    return `${label} is invalid; give rupees with at most two decimals, such as 1,18,000.50.`;
  }
  if (!allowZero && isZero(amount)) {
    return `${label} is zero; give an amount above ₹0.`;
  }
  return null;
}

/** Check a typed percentage, such as "14.5". */
export function checkPercent(
  text: string,
  label: string,
  { required = true, example = "14.5" }: Rule & { example?: string } = {},
): string | null {
  if (text.trim() === "") {
    return required
      ? `${label} is missing; give a percentage such as ${example}.`
      : null;
  }
  if (!isPercent(text)) {
    return `${label} is invalid; give a percentage such as ${example}, with at most four decimals.`;
  }
  return null;
}

/** Check a typed count, such as days: digits only, within the bounds given. */
export function checkWholeNumber(
  text: string,
  label: string,
  {
    required = true,
    min = 0,
    max = 100_000,
  }: Rule & { min?: number; max?: number } = {},
): string | null {
  const trimmed = text.trim();
  if (trimmed === "") {
    return required ? `${label} is missing; give a whole number.` : null;
  }
  if (!/^\d{1,9}$/.test(trimmed)) {
    return `${label} is invalid; give a whole number such as ${Math.max(min, 1)}.`;
  }
  const value = Number(trimmed);
  if (value < min || value > max) {
    return `${label} is ${value}; give a whole number from ${min} to ${max}.`;
  }
  return null;
}

/** Check a typed decimal number such as a KPI bound ("52.38"); a sign is allowed. */
export function checkDecimal(
  text: string,
  label: string,
  { required = true }: Rule = {},
): string | null {
  const trimmed = text.trim();
  if (trimmed === "") {
    return required ? `${label} is missing; give a number.` : null;
  }
  if (!/^-?\d{1,14}(\.\d{1,4})?$/.test(trimmed)) {
    return `${label} is invalid; give a number such as 52.38, with at most four decimals.`;
  }
  return null;
}

/** Turn [field, problem] pairs into form errors, leaving out the fields without one. */
export function problemsOf(
  checks: readonly (readonly [string, string | null])[],
): PayloadError[] {
  return checks.flatMap(([field, message]) =>
    message === null ? [] : [{ field: [field], message }],
  );
}
