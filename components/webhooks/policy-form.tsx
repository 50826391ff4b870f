"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { IDLE, type ActionState } from "@/lib/forms/action-state";

export type PolicyFormProps = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  initial: { retry_schedule: string; rate_limit_per_second: string };
  headerNames: string[];
  defaultSchedule: string;
};

/** A webhook's delivery policy: its own retry schedule, a rate limit, and custom headers. */
export function PolicyForm({ action, initial, headerNames, defaultSchedule }: PolicyFormProps) {
  const [state, formAction] = useActionState(action, IDLE);
  const values = { ...initial, ...state.values };
  return (
    <form action={formAction} className="space-y-5" aria-label="Delivery policy" noValidate>
      <Input
        label="Retry schedule"
        name="retry_schedule"
        defaultValue={values.retry_schedule}
        placeholder={defaultSchedule}
        hint={`Delays between attempts, e.g. 1m,5m,15m,1h,6h (at most 10 steps, each at most 7d). Empty: the default, ${defaultSchedule}.`}
        error={state.fields?.retry_schedule}
      />
      <Input
        label="Rate limit (attempts per second)"
        name="rate_limit_per_second"
        inputMode="numeric"
        defaultValue={values.rate_limit_per_second}
        hint="Held across every worker together. Empty: no limit."
        error={state.fields?.rate_limit_per_second}
      />
      <Textarea
        label="Custom headers"
        name="headers"
        rows={3}
        placeholder="Authorization: Bearer …"
        hint={
          headerNames.length
            ? `Now sent: ${headerNames.join(", ")} (values are stored encrypted and never shown). Lines here replace them all.`
            : "One Name: value per line, sent on every attempt; values are stored encrypted."
        }
        error={state.fields?.headers}
      />
      {headerNames.length ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="clear_headers" /> Remove every custom header
        </label>
      ) : null}
      {state.status === "error" && state.message ? <Alert tone="error">{state.message}</Alert> : null}
      {state.status === "ok" && state.message ? <Alert tone="success">{state.message}</Alert> : null}
      <SubmitButton pendingLabel="Saving…">Save delivery policy</SubmitButton>
    </form>
  );
}
