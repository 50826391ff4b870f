"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type ActionState } from "@/lib/forms/action-state";

type BoundAction = (state: ActionState) => Promise<ActionState>;

/** Enable or Disable, whichever the webhook is not, with the result said in place. */
export function EnableWebhookForm({ enabled, action }: { enabled: boolean; action: BoundAction }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-3">
      <p className="text-sm text-slate-700">
        {enabled
          ? "Disabling stops deliveries to this endpoint. Deliveries already queued wait, and are sent when it is enabled again."
          : "This webhook is disabled: it receives no new events. Enabling it sends the deliveries that were queued."}
      </p>
      <SubmitButton variant={enabled ? "secondary" : "primary"} pendingLabel={enabled ? "Disabling…" : "Enabling…"}>
        {enabled ? "Disable webhook" : "Enable webhook"}
      </SubmitButton>
      {state.status === "ok" && state.message ? <Alert tone="success">{state.message}</Alert> : null}
      {state.status === "error" && state.message ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}

/** Delete, after a confirmation that says what goes with it. */
export function DeleteWebhookForm({ url, action }: { url: string; action: BoundAction }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-3">
      <p className="text-sm text-slate-700">
        Deleting removes the webhook, its signing secrets, and every delivery made to it with their log. It cannot be
        undone.
      </p>
      <ConfirmButton
        label="Delete webhook"
        title="Delete this webhook?"
        description={
          <>
            <span className="block font-mono break-all">{url}</span>
            <span className="mt-2 block">
              Its deliveries and their log are deleted too, and no further events are sent to it. This cannot be undone.
            </span>
          </>
        }
        confirmLabel="Delete webhook"
        pendingLabel="Deleting…"
      />
      {state.status === "error" && state.message ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}
