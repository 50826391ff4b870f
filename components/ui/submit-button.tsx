"use client";

import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "./button";

export type SubmitButtonProps = Omit<ButtonProps, "type"> & {
  /** Shown while the form's server action runs, e.g. "Saving…". */
  pendingLabel?: string;
};

/** A submit button that disables itself and says so while its form is pending. */
export function SubmitButton({ children, pendingLabel, disabled, variant = "primary", ...props }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <Button
      type="submit"
      variant={variant}
      disabled={pending || disabled}
      aria-disabled={pending || disabled}
      {...props}
    >
      {pending && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
