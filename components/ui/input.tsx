import type { InputHTMLAttributes } from "react";
import { controlAria, controlClasses, Field, type FieldProps } from "./field";

export type InputProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name">;

/** A labelled text input with optional hint and inline error (wired with aria-describedby). */
export function Input({ label, name, id, hint, error, hideLabel, className = "", ...props }: InputProps) {
  const field = { label, name, id, hint, error, hideLabel };
  return (
    <Field field={field}>
      <input name={name} className={`${controlClasses} ${className}`} {...controlAria(field)} {...props} />
    </Field>
  );
}
