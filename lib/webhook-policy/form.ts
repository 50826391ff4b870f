import { updateWebhookInput, type UpdateWebhookInput } from "../webhooks/schemas";
import type { ActionState } from "../forms/action-state";

// The Settings tab's "Delivery policy" form as the API's update input. Custom header values are
// write-only: the form lists the current names, and new lines (`Name: value`) replace them all.

export type PolicyFormValues = {
  retry_schedule: string;
  rate_limit_per_second: string;
  headers: string;
  clear_headers: string;
};

export function parsePolicyForm(
  formData: FormData,
): { ok: true; data: UpdateWebhookInput; values: PolicyFormValues } | { ok: false; state: ActionState } {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const values: PolicyFormValues = {
    retry_schedule: text("retry_schedule").trim(),
    rate_limit_per_second: text("rate_limit_per_second").trim(),
    // Never echoed back: values may be secrets.
    headers: "",
    clear_headers: text("clear_headers") === "on" ? "on" : "",
  };
  const lines = text("headers")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const malformed = lines.find((line) => !/^[^:\s]+\s*:/.test(line));
  if (malformed) {
    return { ok: false, state: error({ headers: `Write each header as "Name: value", one per line.` }, values) };
  }
  const headers = lines.map((line) => {
    const colon = line.indexOf(":");
    return { name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() };
  });
  const rate = values.rate_limit_per_second === "" ? null : Number(values.rate_limit_per_second);
  const input = {
    retry_schedule: values.retry_schedule === "" ? null : values.retry_schedule,
    rate_limit_per_second: rate,
    ...(values.clear_headers ? { headers: [] } : headers.length ? { headers } : {}),
  };
  const parsed = updateWebhookInput.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "form");
    fields[key] ??= issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
  }
  return { ok: false, state: error(fields, values) };
}

function error(fields: Record<string, string>, values: PolicyFormValues): ActionState {
  return { status: "error", message: "Check the highlighted fields.", fields, values };
}
