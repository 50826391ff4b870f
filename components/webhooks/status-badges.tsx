import { Badge } from "@/components/ui/badge";

/** Enabled / Disabled. */
export function WebhookStatusBadge({ enabled }: { enabled: boolean }) {
  return <Badge tone={enabled ? "green" : "neutral"}>{enabled ? "Enabled" : "Disabled"}</Badge>;
}

/** 0.9731 → "97.3%"; null (nothing settled yet) → an em dash with a reason for screen readers. */
export function SuccessRate({ value }: { value: number | null }) {
  if (value === null) {
    return (
      <span className="text-slate-500" title="No delivery has succeeded or failed in this period">
        —<span className="sr-only">no finished deliveries</span>
      </span>
    );
  }
  const percent = value * 100;
  return <span>{percent === 100 || percent === 0 ? percent.toFixed(0) : percent.toFixed(1)}%</span>;
}
