import type { ReactNode } from "react";

export interface FieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: readonly string[];
  /** A confirmation shown when the value passed its check. */
  ok?: string | null;
}

/** Join the ids of a field's hint and error for aria-describedby. */
export function describedBy(id: string, props: FieldProps): string | undefined {
  const ids = [
    props.hint ? `${id}-hint` : null,
    props.errors?.length ? `${id}-error` : null,
    props.ok ? `${id}-ok` : null,
  ].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** Show label, control, hint and errors of one form field. */
export function Field({
  id,
  label,
  hint,
  errors,
  ok,
  children,
}: FieldProps & { children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p className="field-error" id={`${id}-error`}>
          {errors.join(" ")}
        </p>
      ) : null}
      {ok && !errors?.length ? (
        <p className="field-ok" id={`${id}-ok`}>
          {ok}
        </p>
      ) : null}
    </div>
  );
}
