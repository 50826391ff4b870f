import type { z } from "zod";
import { AppError } from "../errors";

// What a server action returns to its form: a message and per-field errors to show inline.
// Anything that is not a domain error (including Next.js' redirect signal) is rethrown.

export type ActionState = {
  status: "idle" | "ok" | "error";
  message?: string;
  /** Per-field messages keyed by the input's name. */
  fields?: Record<string, string>;
  /** Set by actions that reveal a value once (e.g. the API token). */
  value?: string;
};

export const IDLE: ActionState = { status: "idle" };

/** The first message of each invalid field, keyed by the field's name. */
export function invalidInput(error: z.ZodError, message = "Check the highlighted fields."): ActionState {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    fields[key] ??= issue.message;
  }
  return { status: "error", message, fields };
}

/** A domain error as an inline message; any other error is not ours to hide. */
export function failed(error: unknown): ActionState {
  if (error instanceof AppError) return { status: "error", message: error.message, fields: error.fields };
  throw error;
}
