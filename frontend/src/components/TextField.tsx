import type { InputHTMLAttributes } from "react";

import { describedBy, Field } from "./Field";
import type { FieldProps } from "./Field";

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "onChange">;

interface TextFieldProps extends FieldProps, InputProps {
  value: string;
  onChange: (value: string) => void;
}

/** Show a labelled text input whose errors are announced with it. */
export function TextField({
  id,
  label,
  hint,
  errors,
  ok,
  value,
  onChange,
  ...input
}: TextFieldProps) {
  const fieldProps = { id, label, hint, errors, ok };
  return (
    <Field {...fieldProps}>
      <input
        {...input}
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, fieldProps)}
      />
    </Field>
  );
}
