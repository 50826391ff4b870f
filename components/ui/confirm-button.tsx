"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Button, type ButtonSize, type ButtonVariant } from "./button";

export type ConfirmButtonProps = {
  /** The button that opens the dialog, e.g. "Regenerate". */
  label: string;
  /** Accessible name of that button when `label` alone is ambiguous (e.g. "Remove ada@example.com"). */
  ariaLabel?: string;
  /** The dialog's heading, a question: "Regenerate the API token?" */
  title: string;
  /** What will happen, in a sentence or two. */
  description?: ReactNode;
  /** The button in the dialog that submits; default `label`. */
  confirmLabel?: string;
  /** Shown on the confirm button while the action runs. */
  pendingLabel?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
};

/**
 * Place inside a `<form action={serverAction}>`: the button opens a native <dialog>, and only its
 * confirm button submits the form. Esc and Cancel close it without submitting.
 */
export function ConfirmButton({
  label,
  ariaLabel,
  title,
  description,
  confirmLabel,
  pendingLabel,
  variant = "danger",
  size = "md",
}: ConfirmButtonProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { pending } = useFormStatus();
  const wasPending = useRef(false);

  // Close once the submitted action has finished, so its result shows on the page.
  useEffect(() => {
    if (wasPending.current && !pending) dialog.current?.close();
    wasPending.current = pending;
  }, [pending]);

  return (
    <>
      <Button
        variant={variant}
        size={size}
        aria-label={ariaLabel}
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
      >
        {label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          {description ? <div className="mt-2 text-sm text-slate-700">{description}</div> : null}
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()} autoFocus>
              Cancel
            </Button>
            <Button type="submit" variant={variant} disabled={pending}>
              {pending && pendingLabel ? pendingLabel : (confirmLabel ?? label)}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
