"use client";

import { useEffect, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { RecoveryView } from "@/lib/recovery/queries";
import type { RecoveryRequest } from "@/lib/recovery/log-filters";
import { RecoveryProgress, type RateSample } from "./recovery-progress";

type Actions = {
  count: (request: RecoveryRequest) => Promise<{ status: string; count?: number; message?: string }>;
  start: (request: RecoveryRequest) => Promise<{ status: string; recovery?: RecoveryView; message?: string }>;
  progress: (id: string) => Promise<RecoveryView | null>;
  cancel: (id: string) => Promise<{ status: string; recovery?: RecoveryView; message?: string }>;
};

export type RecoverButtonProps = {
  request: RecoveryRequest;
  /** "https://…" or "every webhook". */
  target: string;
  /** A recovery already running in this scope: its progress shows at once. */
  running: RecoveryView | null;
  actions: Actions;
};

type Phase =
  | { name: "idle" }
  | { name: "confirm"; count: number }
  | { name: "running"; recovery: RecoveryView; first: RateSample };

/**
 * Recover failed deliveries: a dry run's count to confirm, then a live progress bar (polled every
 * second) with Cancel, ending with the outcome.
 */
export function RecoverButton({ request, target, running, actions }: RecoverButtonProps) {
  const [phase, setPhase] = useState<Phase>(
    // A recovery already running is measured from its start.
    running
      ? { name: "running", recovery: running, first: { at: Date.parse(running.created_at), done: 0 } }
      : { name: "idle" },
  );
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [now, setNow] = useState(() => Date.now());
  const recoveryId = phase.name === "running" ? phase.recovery.id : null;
  const active = phase.name === "running" && phase.recovery.status === "running";

  useEffect(() => {
    if (!recoveryId || !active) return;
    let stopped = false;
    const timer = setInterval(async () => {
      const latest = await actions.progress(recoveryId);
      if (!latest || stopped) return;
      setNow(Date.now());
      setPhase((current) => (current.name === "running" ? { ...current, recovery: latest } : current));
    }, 1_000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [recoveryId, active, actions]);

  const run = (work: () => Promise<void>) => {
    setError(null);
    startTransition(async () => {
      try {
        await work();
      } catch {
        setError("The request did not reach the server; try again.");
      }
    });
  };

  if (phase.name === "running") {
    const { recovery } = phase;
    return (
      <section aria-label="Recovery" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 className="font-medium">
            {recovery.status === "running"
              ? `Recovering ${recovery.total.toLocaleString("en-US")} deliveries to ${target}`
              : recovery.status === "completed"
                ? "Recovery completed"
                : "Recovery cancelled"}
          </h3>
          {recovery.status === "running" ? (
            <Button
              variant="danger"
              size="sm"
              disabled={pending}
              onClick={() =>
                run(async () => {
                  const result = await actions.cancel(recovery.id);
                  if (result.status === "ok" && result.recovery) setPhase({ ...phase, recovery: result.recovery });
                  else setError(result.message ?? "Cancel failed.");
                })
              }
            >
              Cancel recovery
            </Button>
          ) : (
            <Button size="sm" onClick={() => setPhase({ name: "idle" })}>
              Close
            </Button>
          )}
        </div>
        <RecoveryProgress recovery={recovery} first={phase.first} now={now} />
        {recovery.status === "cancelled" ? (
          <p className="text-sm text-slate-600">
            Cancelled: no more deliveries are sent; the {recovery.done.toLocaleString("en-US")} attempts made stay in
            the log.
          </p>
        ) : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
      </section>
    );
  }

  if (phase.name === "confirm") {
    const between = `${formatTime(request.since)} and ${request.until ? formatTime(request.until) : "now"}`;
    return (
      <section aria-label="Confirm recovery" className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-4">
        <p className="text-sm">
          {phase.count === 0
            ? `No ${request.statuses.join(" or ")} deliveries to ${target} were sent between ${between}.`
            : `Replay ${phase.count.toLocaleString("en-US")} ${request.statuses.join(" or ")} deliveries to ${target} sent between ${between}?`}
        </p>
        <p className="text-xs text-slate-600">
          Each gets one new attempt (trigger Recovery) with a new request_id and the current secret, paced for the
          endpoint. Success marks it Succeeded; a failure leaves it as it is.
        </p>
        <div className="flex gap-2">
          {phase.count > 0 ? (
            <Button
              variant="primary"
              disabled={pending}
              onClick={() =>
                run(async () => {
                  const result = await actions.start(request);
                  if (result.status === "ok" && result.recovery) {
                    setNow(Date.now());
                    setPhase({ name: "running", recovery: result.recovery, first: { at: Date.now(), done: 0 } });
                  } else setError(result.message ?? "The recovery could not start.");
                })
              }
            >
              Start recovery
            </Button>
          ) : null}
          <Button onClick={() => setPhase({ name: "idle" })}>Back</Button>
        </div>
        {error ? <Alert tone="error">{error}</Alert> : null}
      </section>
    );
  }

  return (
    <div className="flex flex-col items-start gap-2">
      <Button
        disabled={pending}
        onClick={() =>
          run(async () => {
            const result = await actions.count(request);
            if (result.status === "ok") setPhase({ name: "confirm", count: result.count ?? 0 });
            else setError(result.message ?? "Counting failed.");
          })
        }
      >
        {pending ? "Counting…" : "Recover failed deliveries"}
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}

function formatTime(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}
