import { useState } from "react";

/** Lengths at which a value is complete, so its check shows while typing. */
const FULL_LENGTH: Record<string, number> = {
  pan: 10,
  gstin: 15,
  ifsc: 11,
  udyamNumber: 19,
};

/**
 * Decide when to show a field's own check: once the value is as long as a complete
 * identifier, after the field lost focus, or after the user tried to go on.
 */
export function useKycChecks() {
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [attempted, setAttempted] = useState(false);

  function touch(key: string) {
    setTouched((current) => ({ ...current, [key]: true }));
  }

  function visible(key: string, value: string, kind: string = key): boolean {
    const full = FULL_LENGTH[kind];
    const complete = full !== undefined && value.trim().length >= full;
    return attempted || Boolean(touched[key]) || complete;
  }

  return { touch, visible, setAttempted };
}
