/**
 * Map a mutation payload's `errors` to form fields. Each error's `field` is
 * a path such as ["input", "gstins", "1"]; the form names its inputs by the
 * same path without "input", joined with dots ("gstins.1"). Errors without
 * a field, or with one the form does not show, are listed above the form.
 */

export interface PayloadError {
  field?: readonly string[] | null;
  message: string;
  code?: string;
}

export interface MappedErrors {
  /** Messages by field key ("gstins.1"). */
  byField: Record<string, string[]>;
  /** Messages for the whole form. */
  general: string[];
}

/** Turn a field path into the form's key: ["input", "gstins", "1"] → "gstins.1". */
export function fieldKey(path: readonly string[]): string {
  const parts = path[0] === "input" ? path.slice(1) : path;
  return parts.join(".");
}

/**
 * Sort errors into those of known fields and the rest. A path deeper than a
 * known key (["input", "file", "4", "buyer_gstin"] for key "file") belongs
 * to the longest known key it starts with.
 */
export function mapPayloadErrors(
  errors: readonly PayloadError[],
  knownFields: readonly string[],
): MappedErrors {
  const mapped: MappedErrors = { byField: {}, general: [] };

  for (const error of errors) {
    const key = error.field ? matchField(fieldKey(error.field), knownFields) : null;
    if (key === null) {
      mapped.general.push(error.message);
    } else {
      (mapped.byField[key] ??= []).push(error.message);
    }
  }
  return mapped;
}

function matchField(key: string, knownFields: readonly string[]): string | null {
  let best: string | null = null;
  for (const known of knownFields) {
    const matches = key === known || key.startsWith(`${known}.`);
    if (matches && (best === null || known.length > best.length)) {
      best = known;
    }
  }
  return best;
}
