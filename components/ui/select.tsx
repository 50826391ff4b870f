import type { SelectHTMLAttributes } from "react";
import { controlAria, controlClasses, Field, type FieldProps } from "./field";

export type SelectOption = { value: string; label: string };

export type SelectProps = FieldProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name" | "children"> & {
    options: readonly SelectOption[];
  };

/** A labelled native select with optional hint and inline error. */
export function Select({ label, name, id, hint, error, hideLabel, options, className = "", ...props }: SelectProps) {
  const field = { label, name, id, hint, error, hideLabel };
  return (
    <Field field={field}>
      <select name={name} className={`${controlClasses} ${className}`} {...controlAria(field)} {...props}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
