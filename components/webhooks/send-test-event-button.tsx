"use client";

import Link from "next/link";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type ActionState } from "@/lib/forms/action-state";

export type SendTestEventButtonProps = { action: (state: ActionState) => Promise<ActionState> };

/** "Send test event" and, once sent, a link to the new delivery to watch it arrive (or fail). */
export function SendTestEventButton({ action }: SendTestEventButtonProps) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <div className="flex max-w-full flex-col gap-2 sm:items-end">
      <form action={formAction}>
        <SubmitButton variant="secondary" pendingLabel="Sending…">
          Send test event
        </SubmitButton>
      </form>
      <div role="status" className="text-sm break-all sm:text-right">
        {state.status === "ok" && state.value ? (
          <>
            Test event sent: delivery{" "}
            <Link href={`/deliveries/${state.value}`} className="font-mono text-brand-700 underline">
              {state.value}
            </Link>
          </>
        ) : null}
        {state.status === "error" ? <span className="text-red-700">{state.message}</span> : null}
      </div>
    </div>
  );
}
