import { describedBy, Field } from "./Field";
import type { FieldProps } from "./Field";

interface TextAreaFieldProps extends FieldProps {
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  maxLength?: number;
}

/** Show a labelled multi-line text input. */
export function TextAreaField({
  id,
  label,
  hint,
  errors,
  value,
  onChange,
  required,
  maxLength,
}: TextAreaFieldProps) {
  const fieldProps = { id, label, hint, errors };
  return (
    <Field {...fieldProps}>
      <textarea
        id={id}
        value={value}
        required={required}
        maxLength={maxLength}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, fieldProps)}
      />
    </Field>
  );
}
