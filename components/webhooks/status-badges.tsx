import { Badge, type BadgeTone } from "@/components/ui/badge";

/** Enabled / Disabled. */
export function WebhookStatusBadge({ enabled }: { enabled: boolean }) {
  return <Badge tone={enabled ? "green" : "neutral"}>{enabled ? "Enabled" : "Disabled"}</Badge>;
}

export const DELIVERY_STATUSES = ["pending", "retrying", "succeeded", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  pending: "Pending",
  retrying: "Retrying",
  succeeded: "Succeeded",
  failed: "Failed",
};

const TONES: Record<DeliveryStatus, BadgeTone> = { pending: "neutral", retrying: "amber", succeeded: "green", failed: "red" };

/** A delivery's status as the console names it everywhere: Pending / Retrying / Succeeded / Failed. */
export function DeliveryStatusBadge({ status }: { status: string }) {
  const known = (DELIVERY_STATUSES as readonly string[]).includes(status) ? (status as DeliveryStatus) : null;
  return <Badge tone={known ? TONES[known] : "neutral"}>{known ? DELIVERY_STATUS_LABELS[known] : status}</Badge>;
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
