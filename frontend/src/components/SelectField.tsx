import type { SelectHTMLAttributes } from "react";

import { describedBy, Field } from "./Field";
import type { FieldProps } from "./Field";

export interface Option {
  value: string;
  label: string;
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "onChange">;

interface SelectFieldProps extends FieldProps, SelectProps {
  value: string;
  options: readonly Option[];
  /** Text of a first, empty option; none when left out. */
  placeholder?: string;
  onChange: (value: string) => void;
}

/** Show a labelled drop-down list. */
export function SelectField({
  id,
  label,
  hint,
  errors,
  value,
  options,
  placeholder,
  onChange,
  ...select
}: SelectFieldProps) {
  const fieldProps = { id, label, hint, errors };
  return (
    <Field {...fieldProps}>
      <select
        {...select}
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, fieldProps)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Build options from a label table such as CONSTITUTION_LABELS. */
export function optionsFrom(labels: Record<string, string>): Option[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}
