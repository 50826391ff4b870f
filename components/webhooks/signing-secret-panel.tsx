"use client";

import { useActionState, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Select } from "@/components/ui/select";
import { RevealableSecret } from "@/components/ui/revealable-secret";
import { IDLE, type ActionState } from "@/lib/forms/action-state";
import { GRACE_PERIOD_CHOICES } from "@/lib/webhooks/form";

export type SigningSecretPanelProps = {
  /** `whsec_••••…` + the last 4 characters; the plain secret only ever arrives from an action. */
  masked: string;
  /** Admins get Reveal, Copy and Rotate; viewers only the masked secret. */
  canManage: boolean;
  reveal: (state: ActionState) => Promise<ActionState>;
  rotate: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** Facts about the current secret (its creation date), shown under it. */
  children?: ReactNode;
};

/** The current signing secret, masked, with Reveal/Copy/Rotate secret for admins. */
export function SigningSecretPanel({ masked, canManage, reveal, rotate, children }: SigningSecretPanelProps) {
  const [revealState, revealAction] = useActionState(reveal, IDLE);
  const [rotateState, rotateAction] = useActionState(rotate, IDLE);
  const [hidden, setHidden] = useState(false);
  const [grace, setGrace] = useState("86400");
  const error = [revealState, rotateState].find((s) => s.status === "error")?.message;
  const graceLabel = GRACE_PERIOD_CHOICES.find((choice) => choice.value === grace)?.label.toLowerCase();

  return (
    <div className="space-y-4">
      <RevealableSecret
        valueLabel="Signing secret value"
        copyLabel="Copy signing secret"
        masked={masked}
        // After a rotation the new secret is the one to show (and copy), whatever was revealed before.
        value={rotateState.value ?? revealState.value}
        hidden={hidden}
        onHiddenChange={setHidden}
        revealAction={revealAction}
        canManage={canManage}
      />
      {children}
      {canManage ? null : (
        <p className="text-sm text-slate-600">Only admins can reveal, copy or rotate the signing secret.</p>
      )}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {rotateState.status === "ok" && rotateState.message ? (
        <Alert tone="success" title="Secret rotated">
          {rotateState.message} The new secret is shown above.
        </Alert>
      ) : null}
      {canManage ? (
        <form
          action={rotateAction}
          onSubmit={() => setHidden(false)}
          aria-labelledby="rotate-secret-title"
          className="space-y-3 border-t border-slate-200 pt-4"
        >
          <h3 id="rotate-secret-title" className="text-sm font-semibold">
            Rotate secret
          </h3>
          <p className="text-sm text-slate-600">
            Rotate the secret if you suspect it was leaked. A new secret signs every delivery from then on; during the
            grace period the previous secret signs them too, so your endpoint keeps verifying while you update it.
          </p>
          <div className="max-w-sm">
            <Select
              label="Keep the previous secret valid for"
              name="grace_period_seconds"
              options={GRACE_PERIOD_CHOICES}
              value={grace}
              onChange={(event) => setGrace(event.target.value)}
              error={rotateState.fields?.grace_period_seconds}
            />
          </div>
          <ConfirmButton
            label="Rotate secret"
            title="Rotate the signing secret?"
            description={
              grace === "0"
                ? "A new secret is created and the current one stops working now: deliveries fail verification until your endpoint uses the new secret."
                : `A new secret is created. The current one keeps signing deliveries for ${graceLabel}; update your endpoint before then.`
            }
            confirmLabel="Rotate secret"
            pendingLabel="Rotating…"
          />
        </form>
      ) : null}
    </div>
  );
}
