"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { ConsoleTable } from "@/components/ui/console-table";
import { CopyButton } from "@/components/ui/copy-button";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { Time } from "@/components/ui/time";
import { SCOPE_DESCRIPTIONS, TOKEN_SCOPES } from "@/lib/auth/token-scopes";
import { IDLE, type ActionState } from "@/lib/forms/action-state";
import type { NamedTokenSummary } from "@/lib/org/queries";

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

export type NamedTokensPanelProps = {
  tokens: NamedTokenSummary[];
  /** Admins create and revoke; viewers see the list only. */
  canManage: boolean;
  create: FormAction;
  revoke: FormAction;
};

/** The org's named tokens with their scopes and last use; admins create (shown once) and revoke. */
export function NamedTokensPanel({ tokens, canManage, create, revoke }: NamedTokensPanelProps) {
  const [state, createAction] = useActionState(create, IDLE);
  const [revokeState, revokeAction] = useActionState(revoke, IDLE);
  return (
    <div className="space-y-4">
      {tokens.length ? (
        <ConsoleTable
          caption="Named API tokens"
          columns={["Name", "Token", "Scopes", "Created", "Last used", canManage ? "Revoke" : null]}
          minWidth="min-w-[40rem]"
        >
          {tokens.map((token) => (
            <tr key={token.id} className="align-top">
              <th scope="row" className="px-4 py-3 font-medium break-all sm:px-2">
                {token.name}
              </th>
              <td className="px-2 py-3 font-mono text-xs">{`${token.prefix}${"•".repeat(8)}`}</td>
              <td className="px-2 py-3">
                <span className="flex flex-wrap gap-1">
                  {token.scopes.map((scope) => (
                    <Badge key={scope} tone={scope === "all" ? "amber" : "blue"}>
                      {scope}
                    </Badge>
                  ))}
                </span>
              </td>
              <td className="px-2 py-3 whitespace-nowrap">
                <Time value={token.createdAt} />
              </td>
              <td className="px-2 py-3 whitespace-nowrap">
                <Time value={token.lastUsedAt} />
              </td>
              {canManage ? (
                <td className="px-2 py-3">
                  <form action={revokeAction}>
                    <input type="hidden" name="tokenId" value={token.id} />
                    <ConfirmButton
                      label="Revoke"
                      ariaLabel={`Revoke token ${token.name}`}
                      title={`Revoke the token "${token.name}"?`}
                      description="It stops working with the next request. Whoever uses it needs a new token."
                      confirmLabel="Revoke token"
                      pendingLabel="Revoking…"
                      size="sm"
                    />
                  </form>
                </td>
              ) : null}
            </tr>
          ))}
        </ConsoleTable>
      ) : (
        <p className="text-sm text-slate-600">No named tokens yet.</p>
      )}
      {revokeState.message ? (
        <Alert tone={revokeState.status === "ok" ? "success" : "error"}>{revokeState.message}</Alert>
      ) : null}
      {canManage ? (
        <form action={createAction} className="space-y-3 border-t border-slate-200 pt-4" aria-label="Create token">
          <Input
            label="Token name"
            name="name"
            // The Add member form has a "name" field too: ids must stay unique on the page.
            id="token-name"
            defaultValue={state.values?.name ?? ""}
            placeholder="camera-service producer"
            error={state.fields?.name}
          />
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium text-slate-800">Scopes</legend>
            {TOKEN_SCOPES.map((scope) => (
              <label key={scope} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="scopes" value={scope} className="mt-1" />
                <span>
                  <code>{scope}</code> <span className="text-slate-600">{SCOPE_DESCRIPTIONS[scope]}</span>
                </span>
              </label>
            ))}
            {state.fields?.scopes ? (
              <p role="alert" className="text-sm text-red-700">
                {state.fields.scopes}
              </p>
            ) : null}
          </fieldset>
          {state.status === "ok" && state.value ? (
            <Alert tone="success">
              <p>{state.message}</p>
              <p className="mt-2 flex flex-wrap items-center gap-2">
                <code aria-label="New token value" className="font-mono break-all">
                  {state.value}
                </code>
                <CopyButton text={state.value} ariaLabel="Copy new token" />
              </p>
            </Alert>
          ) : null}
          {state.status === "error" && state.message ? <Alert tone="error">{state.message}</Alert> : null}
          <SubmitButton pendingLabel="Creating…">Create token</SubmitButton>
        </form>
      ) : null}
    </div>
  );
}
