"use client";

import { useRouter } from "next/navigation";
import { useEffect, useTransition } from "react";

export const AUTO_REFRESH_MS = 5_000;

export type AutoRefreshToggleProps = {
  /** On when the URL says `live=1`, so a shared link keeps refreshing too. */
  enabled: boolean;
  /** This view's URL with auto-refresh switched the other way. */
  toggleHref: string;
};

/** A switch that re-renders the log from the server every 5 s while it is on and the tab is visible. */
export function AutoRefreshToggle({ enabled, toggleHref }: AutoRefreshToggleProps) {
  const router = useRouter();
  const [switching, startSwitching] = useTransition();

  useEffect(() => {
    if (!enabled) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, AUTO_REFRESH_MS);
    return () => clearInterval(timer);
  }, [enabled, router]);

  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        role="switch"
        aria-checked={enabled}
        aria-describedby="auto-refresh-hint"
        disabled={switching}
        onClick={() => startSwitching(() => router.replace(toggleHref, { scroll: false }))}
        className="inline-flex items-center gap-2 rounded-md px-1 py-1 text-sm font-medium text-slate-800"
      >
        <span
          aria-hidden="true"
          className={`relative inline-block h-5 w-9 rounded-full transition-colors ${enabled ? "bg-brand-600" : "bg-slate-300"}`}
        >
          <span
            className={`absolute top-0.5 left-0.5 h-4 w-4 rounded-full bg-white shadow transition-transform ${enabled ? "translate-x-4" : ""}`}
          />
        </span>
        Auto-refresh
      </button>
      <span id="auto-refresh-hint" className="text-xs text-slate-500">
        {enabled ? "On: updates every 5 s" : "Off"}
      </span>
    </div>
  );
}
