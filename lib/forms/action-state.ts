import type { z } from "zod";
import { AppError } from "../errors";

// What a server action returns to its form: a message and per-field errors to show inline.
// Anything that is not a domain error (including Next.js' redirect signal) is rethrown.

export type ActionState = {
  status: "idle" | "ok" | "error";
  message?: string;
  /** Per-field messages keyed by the input's name. */
  fields?: Record<string, string>;
  /** What the user typed, to refill the form after an error (never passwords). */
  values?: Record<string, string>;
  /** Set by actions that reveal a value once (e.g. the API token). */
  value?: string;
};

export const IDLE: ActionState = { status: "idle" };

/** The first message of each invalid field, keyed by the field's name. */
export function invalidInput(
  error: z.ZodError,
  values?: Record<string, string>,
  message = "Check the highlighted fields.",
): ActionState {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    fields[key] ??= issue.message;
  }
  return { status: "error", message, fields, values };
}

/** A domain error as an inline message; any other error is not ours to hide. */
export function failed(error: unknown, values?: Record<string, string>): ActionState {
  if (error instanceof AppError) return { status: "error", message: error.message, fields: error.fields, values };
  throw error;
}

/** The named text fields of a form as strings ("" when missing), ready for a zod schema. */
export function formFields<K extends string>(formData: FormData, names: readonly K[]): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const name of names) {
    const value = formData.get(name);
    out[name] = typeof value === "string" ? value : "";
  }
  return out;
}
