"use client";

import { Button } from "./button";
import { CopyButton } from "./copy-button";
import { SubmitButton } from "./submit-button";

export type RevealableSecretProps = {
  /** Accessible name of the value, e.g. "API token value". */
  valueLabel: string;
  /** Accessible name of the Copy button, e.g. "Copy API token". */
  copyLabel: string;
  /** What is shown until the plain value is revealed. */
  masked: string;
  /** The plain value, once a server action returned it; undefined until then. */
  value: string | undefined;
  /** Hide keeps the revealed value in memory: showing it again needs no second request. */
  hidden: boolean;
  onHiddenChange: (hidden: boolean) => void;
  /** The form action that asks the server for the plain value. */
  revealAction: () => void;
  /** Admins get Reveal/Hide and Copy; viewers only the masked value. */
  canManage: boolean;
};

/**
 * A secret shown masked, with Reveal, Hide and Copy. Reveal asks the server (a server action), so
 * the page itself never carries the plain value. The state stays with the caller because its other
 * actions (regenerate, rotate) replace the value and show it again.
 */
export function RevealableSecret(props: RevealableSecretProps) {
  const { valueLabel, copyLabel, masked, value, hidden, onHiddenChange, revealAction, canManage } = props;
  const shown = value && !hidden ? value : null;

  return (
    <div className="flex flex-wrap items-center gap-2">
      <code
        aria-label={valueLabel}
        className="min-w-0 rounded-md bg-slate-100 px-3 py-2 font-mono text-sm break-all text-slate-900"
      >
        {shown ?? masked}
      </code>
      {canManage ? (
        <>
          {value ? (
            <Button size="sm" onClick={() => onHiddenChange(!hidden)}>
              {hidden ? "Reveal" : "Hide"}
            </Button>
          ) : (
            <form action={revealAction} onSubmit={() => onHiddenChange(false)}>
              <SubmitButton variant="secondary" size="sm" pendingLabel="Revealing…">
                Reveal
              </SubmitButton>
            </form>
          )}
          {shown ? <CopyButton text={shown} ariaLabel={copyLabel} /> : null}
        </>
      ) : null}
    </div>
  );
}
