import type { TextareaHTMLAttributes } from "react";
import { controlAria, controlClasses, Field, type FieldProps } from "./field";

export type TextareaProps = FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name">;

/** A labelled multi-line input with optional hint and inline error. */
export function Textarea({
  label,
  name,
  id,
  hint,
  error,
  hideLabel,
  className = "",
  rows = 4,
  ...props
}: TextareaProps) {
  const field = { label, name, id, hint, error, hideLabel };
  return (
    <Field field={field}>
      <textarea
        name={name}
        rows={rows}
        className={`${controlClasses} ${className}`}
        {...controlAria(field)}
        {...props}
      />
    </Field>
  );
}
