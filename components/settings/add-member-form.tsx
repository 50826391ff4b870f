"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type ActionState } from "@/lib/forms/action-state";

export const ROLE_OPTIONS = [
  { value: "viewer", label: "Viewer: can read everything, change nothing" },
  { value: "admin", label: "Admin: can change webhooks, secrets, tokens and members" },
] as const;

export type AddMemberFormProps = { action: (state: ActionState, formData: FormData) => Promise<ActionState> };

/** Adds a member to the admin's org with an initial password the admin hands over. */
export function AddMemberForm({ action }: AddMemberFormProps) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-4" aria-labelledby="add-member-title" noValidate>
      <h3 id="add-member-title" className="text-sm font-semibold">
        Add member
      </h3>
      {state.status === "error" && state.message ? <Alert tone="error">{state.message}</Alert> : null}
      {state.status === "ok" && state.message ? <Alert tone="success">{state.message}</Alert> : null}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Input
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          required
          defaultValue={state.values?.email}
          error={state.fields?.email}
        />
        <Input
          label="Name"
          name="name"
          autoComplete="off"
          defaultValue={state.values?.name}
          error={state.fields?.name}
        />
        <Select
          label="Role"
          name="role"
          options={ROLE_OPTIONS}
          defaultValue={state.values?.role ?? "viewer"}
          error={state.fields?.role}
        />
        <Input
          label="Initial password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          hint="At least 8 characters. Give it to the new member over a channel you trust."
          error={state.fields?.password}
        />
      </div>
      <SubmitButton pendingLabel="Adding…">Add member</SubmitButton>
    </form>
  );
}
