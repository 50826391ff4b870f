import type { ReactNode } from "react";

// The label, hint and inline error around a form control, and the ids that tie them together
// (aria-describedby), shared by Input, Textarea and Select.

export type FieldProps = {
  /** The visible label (or screen-reader-only with hideLabel). */
  label: string;
  /** The form field name; also the id unless `id` is given. */
  name: string;
  id?: string;
  /** Help text under the control. */
  hint?: ReactNode;
  /** The inline error; marks the control aria-invalid. */
  error?: string;
  /** Keep the label for screen readers only (e.g. a role select inside a table row). */
  hideLabel?: boolean;
};

export function fieldIds(name: string, id?: string) {
  const base = id ?? `field-${name}`;
  return { id: base, hintId: `${base}-hint`, errorId: `${base}-error` };
}

/** The aria attributes a control needs for its hint and error. */
export function controlAria({ name, id, hint, error }: FieldProps) {
  const ids = fieldIds(name, id);
  const describedBy = [hint ? ids.hintId : null, error ? ids.errorId : null].filter(Boolean).join(" ");
  return { id: ids.id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined };
}

export const controlClasses =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-red-500 disabled:bg-slate-100";

export function Label({ htmlFor, children, hidden }: { htmlFor: string; children: ReactNode; hidden?: boolean }) {
  return (
    <label htmlFor={htmlFor} className={hidden ? "sr-only" : "block text-sm font-medium text-slate-800"}>
      {children}
    </label>
  );
}

/** Label, control, hint and error, stacked. */
export function Field({ field, children }: { field: FieldProps; children: ReactNode }) {
  const ids = fieldIds(field.name, field.id);
  return (
    <div className="space-y-1">
      <Label htmlFor={ids.id} hidden={field.hideLabel}>
        {field.label}
      </Label>
      {children}
      {field.hint ? (
        <p id={ids.hintId} className="text-xs text-slate-500">
          {field.hint}
        </p>
      ) : null}
      {field.error ? (
        <p id={ids.errorId} className="text-sm text-red-700">
          {field.error}
        </p>
      ) : null}
    </div>
  );
}
