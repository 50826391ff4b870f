import { z } from "zod";
import type { ActionState } from "../forms/action-state";
import { KNOWN_EVENT_TYPES } from "./schemas";

// The console's webhook form as the API's zod input: ticked event types plus free-text ones, and
// field errors keyed by the form's own inputs, so each message shows under the field that caused it.

/** What the form shows again after an error: the user's input, as typed. */
export type WebhookFormValues = {
  url: string;
  description: string;
  /** The ticked known event types, comma-separated. */
  event_types: string;
  other_event_types: string;
  /** "on" when ticked, "" when not. */
  enabled: string;
};

export type WebhookFormInput = { url: string; description: string; event_types: string[]; enabled?: boolean };

/** Reads the form. `withEnabled`: the create form has the Enabled box; the settings form toggles it apart. */
export function readWebhookForm(formData: FormData, options: { withEnabled: boolean }) {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const known = formData
    .getAll("event_types")
    .filter((value): value is string => typeof value === "string" && value !== "");
  const other = splitEventTypes(text("other_event_types"));
  const values: WebhookFormValues = {
    url: text("url"),
    description: text("description"),
    event_types: known.join(","),
    other_event_types: text("other_event_types"),
    enabled: text("enabled") === "on" ? "on" : "",
  };
  const input: WebhookFormInput = {
    url: values.url,
    description: values.description.trim(),
    event_types: [...new Set([...known, ...other])],
    ...(options.withEnabled ? { enabled: values.enabled === "on" } : {}),
  };
  return { input, values };
}

/** Validates the form with `schema` (the API's create or update input). */
export function parseWebhookForm<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  options: { withEnabled: boolean },
): { ok: true; data: z.infer<S>; values: WebhookFormValues } | { ok: false; state: ActionState } {
  const { input, values } = readWebhookForm(formData, options);
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  return {
    ok: false,
    state: {
      status: "error",
      message: "Check the highlighted fields.",
      fields: fieldErrors(parsed.error, input),
      values,
    },
  };
}

/** Free-text event types: separated by commas, spaces or new lines. */
export function splitEventTypes(text: string): string[] {
  return text.split(/[\s,]+/).filter((part) => part !== "");
}

/** The event types of a webhook as the form's two inputs: ticked boxes and the rest as text. */
export function eventTypeFormValues(
  eventTypes: readonly string[],
): Pick<WebhookFormValues, "event_types" | "other_event_types"> {
  const known = new Set<string>(KNOWN_EVENT_TYPES);
  return {
    event_types: eventTypes.filter((type) => known.has(type)).join(","),
    other_event_types: eventTypes.filter((type) => !known.has(type)).join(", "),
  };
}

/** A webhook id from a bound action argument: anything but a short string is refused before lib/. */
export const webhookIdParam = z.string().min(1).max(100);

/** The grace periods the Rotate secret form offers (the API accepts any 0–604800 s). */
export const GRACE_PERIOD_CHOICES = [
  { value: "0", label: "None: the old secret stops working now" },
  { value: "3600", label: "1 hour" },
  { value: "86400", label: "24 hours" },
  { value: "604800", label: "7 days" },
] as const;

export const rotateSecretForm = z.strictObject({
  grace_period_seconds: z
    .string()
    .refine(
      (value) => GRACE_PERIOD_CHOICES.some((choice) => choice.value === value),
      "Choose how long the old secret stays valid.",
    )
    .transform(Number),
});

// A known event type comes from a checkbox and cannot be wrong, so every event type error belongs
// to the free-text field, and names the value it is about.
function fieldErrors(error: z.ZodError, input: WebhookFormInput): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const [key, index] = issue.path;
    if (key === "event_types") {
      const value = typeof index === "number" ? input.event_types[index] : undefined;
      fields.other_event_types ??=
        value === undefined ? capitalise(issue.message) : `"${value}" is not a valid event type: ${issue.message}.`;
    } else {
      fields[String(key ?? "form")] ??= capitalise(issue.message);
    }
  }
  return fields;
}

function capitalise(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
