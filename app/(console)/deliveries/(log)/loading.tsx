import { LogSkeleton } from "@/components/deliveries/log-skeleton";
import { PageHeader } from "@/components/ui/page-header";

// Shown while the log's query runs (first visit, a new filter, another page). It lives in the
// (log) route group so that it does not wrap /deliveries/[id]: a loading boundary starts the
// response early with 200, and a delivery that is not the user's must answer with a real 404.
export default function DeliveriesLoading() {
  return (
    <div>
      <PageHeader title="Deliveries" />
      <LogSkeleton />
    </div>
  );
}
