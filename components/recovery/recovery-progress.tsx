"use client";

import type { RecoveryView } from "@/lib/recovery/queries";

export type RateSample = { at: number; done: number };

/** done/total as a bar, the counts, the rate since the first sample and the time left. */
export function RecoveryProgress({ recovery, first, now }: { recovery: RecoveryView; first: RateSample; now: number }) {
  const percent = recovery.total === 0 ? 100 : Math.round((recovery.done / recovery.total) * 100);
  const elapsed = (now - first.at) / 1000;
  const rate = elapsed >= 1 ? (recovery.done - first.done) / elapsed : null;
  const left = recovery.total - recovery.done;
  const eta = rate && rate > 0 && recovery.status === "running" ? Math.ceil(left / rate) : null;
  return (
    <div className="space-y-2">
      <div
        role="progressbar"
        aria-label="Recovery progress"
        aria-valuemin={0}
        aria-valuemax={recovery.total}
        aria-valuenow={recovery.done}
        aria-valuetext={`${recovery.done} of ${recovery.total}`}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="bg-brand-600 h-full transition-all" style={{ width: `${percent}%` }} />
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-5">
        <Item label="Done">
          {recovery.done.toLocaleString("en-US")} / {recovery.total.toLocaleString("en-US")}
        </Item>
        <Item label="Succeeded">{recovery.succeeded.toLocaleString("en-US")}</Item>
        <Item label="Failed">{recovery.failed.toLocaleString("en-US")}</Item>
        <Item label="Rate">{rate === null ? "…" : `${rate.toFixed(1)}/s`}</Item>
        <Item label="Time left">{eta === null ? "…" : formatSeconds(eta)}</Item>
      </dl>
    </div>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500 uppercase">{label}</dt>
      <dd className="font-medium tabular-nums">{children}</dd>
    </div>
  );
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}
