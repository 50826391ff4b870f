"use client";

import { useActionState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type ActionState } from "@/lib/forms/action-state";

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

export type MemberActionsProps = {
  member: { id: string; email: string; role: "admin" | "viewer" };
  changeRole: FormAction;
  remove: FormAction;
};

const ROLES = [
  { value: "viewer", label: "Viewer" },
  { value: "admin", label: "Admin" },
] as const;

/** An admin's controls for one member row: change role, remove; refusals show inline. */
export function MemberActions({ member, changeRole, remove }: MemberActionsProps) {
  const [roleState, roleAction] = useActionState(changeRole, IDLE);
  const [removeState, removeAction] = useActionState(remove, IDLE);
  const error = [roleState, removeState].find((s) => s.status === "error")?.message;

  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-end gap-2">
        <form action={roleAction} className="flex items-end gap-2">
          <input type="hidden" name="userId" value={member.id} />
          <Select
            label={`Role for ${member.email}`}
            hideLabel
            name="role"
            id={`role-${member.id}`}
            options={ROLES}
            defaultValue={member.role}
            className="w-28"
          />
          <SubmitButton
            variant="secondary"
            size="sm"
            pendingLabel="Saving…"
            aria-label={`Save role for ${member.email}`}
          >
            Save
          </SubmitButton>
        </form>
        <form action={removeAction}>
          <input type="hidden" name="userId" value={member.id} />
          <ConfirmButton
            label="Remove"
            ariaLabel={`Remove ${member.email}`}
            title={`Remove ${member.email}?`}
            description="They are signed out everywhere and can no longer sign in. Their past actions stay in the audit log."
            confirmLabel="Remove member"
            pendingLabel="Removing…"
            size="sm"
          />
        </form>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
