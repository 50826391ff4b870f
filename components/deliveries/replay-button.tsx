"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/forms/action-state";
import type { ReplayState } from "@/lib/delivery-log/replay-outcome";

export type ReplayButtonProps = {
  deliveryId: string;
  action: (state: ReplayState, formData: FormData) => Promise<ReplayState>;
};

/**
 * Replay: one attempt now. The result shows here as soon as it is back; the server action also
 * revalidates the page, so the new attempt appears at the top of the timeline.
 */
export function ReplayButton({ deliveryId, action }: ReplayButtonProps) {
  const [state, formAction] = useActionState<ReplayState, FormData>(action, IDLE);
  const outcome = state.outcome;
  return (
    <div className="flex max-w-sm flex-col items-start gap-2 sm:items-end">
      <form action={formAction} aria-label="Replay delivery">
        <input type="hidden" name="deliveryId" value={deliveryId} />
        <SubmitButton pendingLabel="Replaying…">Replay</SubmitButton>
      </form>
      <p className="text-xs text-slate-500 sm:text-right">
        Sends the same body now, with a new request_id and the current secret.
      </p>
      {state.status === "error" ? (
        <Alert tone="error" title="Replay refused">
          {state.message}
        </Alert>
      ) : null}
      {outcome?.ok ? (
        <Alert tone="success" title={`Succeeded with HTTP ${outcome.status}`}>
          Replay delivered. request_id <code className="font-mono break-all">{outcome.requestId}</code>
        </Alert>
      ) : null}
      {outcome && !outcome.ok ? (
        <Alert tone="error" title={`Replay failed${outcome.status ? ` with HTTP ${outcome.status}` : ""}`}>
          <p>
            <code className="font-mono">{outcome.reason}</code>: {outcome.title}
          </p>
          {outcome.message ? <p className="mt-1 break-words">{outcome.message}</p> : null}
          <p className="mt-1">
            request_id <code className="font-mono break-all">{outcome.requestId}</code>
          </p>
        </Alert>
      ) : null}
    </div>
  );
}
