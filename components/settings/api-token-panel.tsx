"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { RevealableSecret } from "@/components/ui/revealable-secret";
import { IDLE, type ActionState } from "@/lib/forms/action-state";

type TokenAction = () => Promise<ActionState>;

export type ApiTokenPanelProps = {
  /** The first characters of the live token (shown before the mask); null when the org has none. */
  prefix: string | null;
  /** Admins get Reveal, Copy and Regenerate; viewers only the masked token. */
  canManage: boolean;
  reveal: TokenAction;
  regenerate: TokenAction;
};

/** The org's API token, masked, with Reveal/Copy/Regenerate for admins. */
export function ApiTokenPanel({ prefix, canManage, reveal, regenerate }: ApiTokenPanelProps) {
  const [revealState, revealAction] = useActionState(reveal, IDLE);
  const [regenerateState, regenerateAction] = useActionState(regenerate, IDLE);
  const [hidden, setHidden] = useState(false);
  const error = [revealState, regenerateState].find((s) => s.status === "error")?.message;

  return (
    <div className="space-y-3">
      <RevealableSecret
        valueLabel="API token value"
        copyLabel="Copy API token"
        masked={prefix ? `${prefix}${"•".repeat(24)}` : "No API token"}
        // After a regeneration the new token is the one to show, whatever was revealed before.
        value={regenerateState.value ?? revealState.value}
        hidden={hidden}
        onHiddenChange={setHidden}
        revealAction={revealAction}
        canManage={canManage}
      />
      {error ? <Alert tone="error">{error}</Alert> : null}
      {regenerateState.status === "ok" && regenerateState.message ? (
        <Alert tone="success">{regenerateState.message}</Alert>
      ) : null}
      {canManage ? (
        <form action={regenerateAction} onSubmit={() => setHidden(false)}>
          <ConfirmButton
            label="Regenerate"
            ariaLabel="Regenerate API token"
            title="Regenerate the API token?"
            description="A new token is created and the current one stops working immediately. Every producer that sends events must be switched to the new token."
            confirmLabel="Regenerate token"
            pendingLabel="Regenerating…"
          />
        </form>
      ) : null}
    </div>
  );
}
