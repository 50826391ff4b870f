"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type ActionState } from "@/lib/forms/action-state";

export type ConsoleLinkFormProps = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  token: string;
};

export function ConsoleLinkForm({ action, token }: ConsoleLinkFormProps) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="mt-6 space-y-4">
      {state.status === "error" && state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <SubmitButton className="w-full" pendingLabel="Signing in…">
        Continue to the delivery log
      </SubmitButton>
    </form>
  );
}
