import { LogSkeleton } from "@/components/deliveries/log-skeleton";

// The Deliveries tab's placeholder; the webhook's header and tabs (the layout) stay in place.
export default function WebhookDeliveriesLoading() {
  return <LogSkeleton />;
}
