import { useCallback, useState } from "react";

import { mapPayloadErrors } from "./fieldErrors";
import type { MappedErrors, PayloadError } from "./fieldErrors";

const NONE: MappedErrors = { byField: {}, general: [] };

/**
 * Keep the payload errors of a form's last submission by field. `show` takes
 * the payload's `errors`; `of(key)` gives the messages of one field, and
 * `clearField(key)` drops them once the user changes that field.
 */
export function useFieldErrors(knownFields: readonly string[]) {
  const [errors, setErrors] = useState<MappedErrors>(NONE);

  const show = useCallback(
    (payloadErrors: readonly PayloadError[]) =>
      setErrors(mapPayloadErrors(payloadErrors, knownFields)),
    [knownFields],
  );
  const showGeneral = useCallback(
    (message: string) => setErrors({ byField: {}, general: [message] }),
    [],
  );
  const clear = useCallback(() => setErrors(NONE), []);
  const clearField = useCallback(
    (key: string) =>
      setErrors((old) => {
        if (!(key in old.byField)) {
          return old;
        }
        const byField = Object.fromEntries(
          Object.entries(old.byField).filter(([field]) => field !== key),
        );
        return { ...old, byField };
      }),
    [],
  );
  const of = useCallback((key: string) => errors.byField[key], [errors]);

  return { errors, show, showGeneral, clear, clearField, of };
}
