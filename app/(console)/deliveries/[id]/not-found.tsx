import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

// Also what another org's delivery id shows: nothing says whether it exists elsewhere.
export default function DeliveryNotFound() {
  return (
    <EmptyState
      title="Delivery not found"
      action={
        <Link href="/deliveries" className={buttonClasses()}>
          Back to the delivery log
        </Link>
      }
    >
      There is no delivery with this id in your organisation. Search the log by request_id, event id or delivery id.
    </EmptyState>
  );
}
