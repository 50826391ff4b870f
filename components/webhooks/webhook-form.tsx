"use client";

import { useActionState, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { IDLE, type ActionState } from "@/lib/forms/action-state";
import type { WebhookFormValues } from "@/lib/webhooks/form";
import { KNOWN_EVENT_TYPES } from "@/lib/webhooks/schemas";

export type WebhookFormProps = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** What the form starts with: empty for a new webhook, the webhook's own values in Settings. */
  initial: WebhookFormValues;
  /** "create" shows the Enabled box; "edit" leaves enabling to its own button. */
  mode: "create" | "edit";
};

/** Create and edit a webhook. Errors come back from the server per field; what was typed stays. */
export function WebhookForm({ action, initial, mode }: WebhookFormProps) {
  const [state, formAction] = useActionState(action, IDLE);
  const values = state.values ?? initial;
  const ticked = new Set(values.event_types.split(",").filter(Boolean));
  const [allTypes, setAllTypes] = useState(ticked.size === 0 && values.other_event_types.trim() === "");

  // "All event types" follows the boxes and the text field as the admin changes them.
  function onEventTypesChange(event: FormEvent<HTMLFieldSetElement>) {
    const fieldset = event.currentTarget;
    const anyTicked = fieldset.querySelector("input[type=checkbox]:checked") !== null;
    const other = fieldset.querySelector<HTMLInputElement>("input[name=other_event_types]")?.value.trim() ?? "";
    setAllTypes(!anyTicked && other === "");
  }

  return (
    <form
      action={formAction}
      className="space-y-5"
      aria-label={mode === "create" ? "New webhook" : "Webhook settings"}
      noValidate
    >
      {state.status === "error" && state.message ? <Alert tone="error">{state.message}</Alert> : null}
      {state.status === "ok" && state.message ? <Alert tone="success">{state.message}</Alert> : null}
      <Input
        label="Endpoint URL"
        name="url"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        required
        placeholder="https://example.com/webhooks/novavms"
        hint="NovaVMS POSTs each event here. Use https:// in production."
        defaultValue={values.url}
        error={state.fields?.url}
      />
      <Textarea
        label="Description"
        name="description"
        rows={2}
        hint="Optional: who runs this endpoint, or what it is for."
        defaultValue={values.description}
        error={state.fields?.description}
      />
      <fieldset className="space-y-3" onChange={onEventTypesChange} aria-describedby="event-types-scope">
        <legend className="text-sm font-medium text-slate-800">Event types</legend>
        <p id="event-types-scope" className="text-xs text-slate-500" aria-live="polite">
          {allTypes
            ? "None chosen: this webhook receives all event types, including ones added later."
            : "This webhook receives only the event types chosen here."}
        </p>
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {KNOWN_EVENT_TYPES.map((type) => (
            <label key={type} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="event_types"
                value={type}
                defaultChecked={ticked.has(type)}
                className="size-4 rounded border-slate-300 accent-brand-600"
              />
              <code>{type}</code>
            </label>
          ))}
        </div>
        <Input
          label="Other event types"
          name="other_event_types"
          autoComplete="off"
          spellCheck={false}
          placeholder="door.opened, alarm.raised"
          hint="Separate several with commas or spaces."
          defaultValue={values.other_event_types}
          error={state.fields?.other_event_types}
        />
      </fieldset>
      {mode === "create" ? (
        <div className="space-y-1">
          <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
            <input
              type="checkbox"
              name="enabled"
              defaultChecked={values.enabled === "on"}
              className="size-4 rounded border-slate-300 accent-brand-600"
            />
            Enabled
          </label>
          <p className="text-xs text-slate-500">A disabled webhook receives nothing until it is enabled.</p>
        </div>
      ) : null}
      <SubmitButton pendingLabel={mode === "create" ? "Creating…" : "Saving…"}>
        {mode === "create" ? "Create webhook" : "Save changes"}
      </SubmitButton>
    </form>
  );
}
