import type { DeliveryStatus } from "@prisma/client";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { STATUS_LABELS } from "@/lib/delivery-log/format";

const TONES: Record<DeliveryStatus, BadgeTone> = {
  pending: "neutral",
  retrying: "amber",
  succeeded: "green",
  failed: "red",
};

/** Pending / Retrying / Succeeded / Failed, as the troubleshooting article names them. */
export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  return <Badge tone={TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
