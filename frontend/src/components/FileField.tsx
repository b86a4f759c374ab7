import { describedBy, Field } from "./Field";
import type { FieldProps } from "./Field";

interface FileFieldProps extends FieldProps {
  accept: string;
  required?: boolean;
  multiple?: boolean;
  onChange: (files: File[]) => void;
}

/** Show a labelled file picker. */
export function FileField({
  id,
  label,
  hint,
  errors,
  accept,
  required,
  multiple,
  onChange,
}: FileFieldProps) {
  const fieldProps = { id, label, hint, errors };
  return (
    <Field {...fieldProps}>
      <input
        id={id}
        type="file"
        accept={accept}
        required={required}
        multiple={multiple}
        onChange={(event) => onChange(Array.from(event.target.files ?? []))}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, fieldProps)}
      />
    </Field>
  );
}
