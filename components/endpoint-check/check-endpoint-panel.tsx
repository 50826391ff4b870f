"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { CheckResult } from "@/lib/endpoint-check/types";
import { IDLE, type ActionState } from "@/lib/forms/action-state";
import { CheckReport } from "./check-report";

type CheckState = ActionState & { result?: CheckResult };

export type CheckEndpointPanelProps = {
  action: (state: CheckState) => Promise<CheckState>;
  /** The webhook's last check, shown until a new one is run. */
  last: CheckResult | null;
  canRun: boolean;
};

/** Check endpoint: runs the steps of one delivery and shows them as a checklist with the verdict. */
export function CheckEndpointPanel({ action, last, canRun }: CheckEndpointPanelProps) {
  const [state, formAction] = useActionState<CheckState>(action, IDLE);
  const result = state.result ?? last;
  return (
    <div className="space-y-3">
      {canRun ? (
        <form action={formAction} className="flex flex-wrap items-center gap-3">
          <SubmitButton pendingLabel="Checking…">Check endpoint</SubmitButton>
          <span className="text-sm text-slate-600">
            Runs DNS, TCP, TLS and a signed webhook.test event, and says which step fails and why.
          </span>
        </form>
      ) : (
        <p className="text-sm text-slate-600">Only an admin can run Check endpoint.</p>
      )}
      {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      {result ? (
        <>
          {state.result ? null : <p className="text-xs font-medium text-slate-500 uppercase">Last check</p>}
          <CheckReport result={result} />
        </>
      ) : (
        <p className="text-sm text-slate-600">This endpoint has not been checked yet.</p>
      )}
    </div>
  );
}
