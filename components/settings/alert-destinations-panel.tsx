"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type ActionState } from "@/lib/forms/action-state";

export type AlertDestinationsPanelProps = {
  destinations: Array<{ id: string; url: string; enabled: boolean }>;
  canManage: boolean;
  add: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

/** The org's alert destinations, and (admins) a form to add one. */
export function AlertDestinationsPanel({ destinations, canManage, add }: AlertDestinationsPanelProps) {
  const [state, formAction] = useActionState(add, IDLE);
  return (
    <div className="space-y-4">
      {destinations.length ? (
        <ul className="space-y-1 text-sm">
          {destinations.map((destination) => (
            <li key={destination.id} className="flex flex-wrap items-center gap-2">
              <Link href={`/webhooks/${destination.id}`} className="font-mono break-all underline">
                {destination.url}
              </Link>
              <span className="text-slate-500">{destination.enabled ? "Enabled" : "Disabled"}</span>
              <Link href={`/webhooks/${destination.id}/signing`} className="text-brand-700 underline">
                Signing secret
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">No alert destinations yet.</p>
      )}
      {canManage ? (
        <form action={formAction} className="space-y-3" aria-label="Add alert destination" noValidate>
          <Input
            label="Alert destination URL"
            name="url"
            defaultValue={state.values?.url ?? ""}
            placeholder="https://ops.example.com/novavms-alerts"
            error={state.fields?.url}
          />
          {state.status === "ok" && state.message ? <Alert tone="success">{state.message}</Alert> : null}
          {state.status === "error" && state.message ? <Alert tone="error">{state.message}</Alert> : null}
          <SubmitButton pendingLabel="Adding…">Add alert destination</SubmitButton>
        </form>
      ) : null}
    </div>
  );
}
