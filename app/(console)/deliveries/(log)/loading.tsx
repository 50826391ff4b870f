import { LogSkeleton } from "@/components/deliveries/log-skeleton";
import { PageHeader } from "@/components/ui/page-header";

// Shown while the log's query runs (first visit, a new filter, another page).
export default function DeliveriesLoading() {
  return (
    <div>
      <PageHeader title="Deliveries" />
      <LogSkeleton />
    </div>
  );
}
