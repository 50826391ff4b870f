"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type ActionState } from "@/lib/forms/action-state";
import type { SecretVerification } from "@/lib/secret-check/verify-new-secret";

type VerifyState = ActionState & { verification?: SecretVerification };

export type VerifySecretPanelProps = {
  verify: (state: VerifyState) => Promise<VerifyState>;
  endGrace: (state: ActionState) => Promise<ActionState>;
  /** The current secret's latest verification, kept across visits. */
  last: SecretVerification | null;
  /** Whether a previous secret still signs (a grace period is running). */
  inGracePeriod: boolean;
  canManage: boolean;
};

/**
 * Verify new secret: whether the endpoint already accepts deliveries signed with the new secret
 * alone, and then End grace period now, so the previous secret stops signing before it expires.
 */
export function VerifySecretPanel({ verify, endGrace, last, inGracePeriod, canManage }: VerifySecretPanelProps) {
  const [verifyState, verifyAction] = useActionState<VerifyState>(verify, IDLE);
  const [endState, endAction] = useActionState<ActionState>(endGrace, IDLE);
  const verification = verifyState.verification ?? last;
  const ended = endState.status === "ok";
  return (
    <div className="space-y-3">
      {canManage ? (
        <form action={verifyAction} className="flex flex-wrap items-center gap-3">
          <SubmitButton variant="secondary" pendingLabel="Verifying…">
            Verify new secret
          </SubmitButton>
          <span className="text-sm text-slate-600">
            Sends a <code>webhook.secret_check</code> event signed only with the current secret.
          </span>
        </form>
      ) : null}
      {verifyState.status === "error" ? <Alert tone="error">{verifyState.message}</Alert> : null}
      {verification?.accepted ? (
        <Alert tone="success" title="The new secret works">
          Your endpoint accepted a delivery signed only with the new secret at{" "}
          <time dateTime={verification.checked_at}>{formatTime(verification.checked_at)}</time> (HTTP{" "}
          {verification.response_status}, request_id <code className="font-mono">{verification.request_id}</code>).
        </Alert>
      ) : null}
      {verification && !verification.accepted ? (
        <Alert tone="error" title="Not accepted yet">
          {verification.response_status !== null ? (
            <p>
              Still rejected ({verification.response_status}): your endpoint still uses the previous secret. Update it
              to the current secret (Reveal, Copy above), deploy, then verify again; keep the grace period running until
              then.
            </p>
          ) : (
            <p>
              Your endpoint could not be reached ({verification.reason ?? "no response"}): run Check endpoint on the
              Overview to see which step fails.
            </p>
          )}
          <p className="mt-1">
            Checked <time dateTime={verification.checked_at}>{formatTime(verification.checked_at)}</time>, request_id{" "}
            <code className="font-mono">{verification.request_id}</code>
          </p>
        </Alert>
      ) : null}
      {canManage && inGracePeriod && verification?.accepted && !ended ? (
        <form action={endAction}>
          <SubmitButton pendingLabel="Ending…">End grace period now</SubmitButton>
        </form>
      ) : null}
      {endState.status === "ok" ? <Alert tone="success">{endState.message}</Alert> : null}
      {endState.status === "error" ? <Alert tone="error">{endState.message}</Alert> : null}
    </div>
  );
}

function formatTime(iso: string): string {
  return `${iso.slice(0, 19).replace("T", " ")} UTC`;
}
