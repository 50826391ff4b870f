import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClasses } from "@/components/ui/button";

// A webhook id that is not in the user's org (another org's, deleted, or mistyped) lands here with
// a 404: the page says no more than "not found", whose ever it is.
export default function WebhookNotFound() {
  return (
    <EmptyState
      title="Webhook not found"
      action={
        <Link href="/webhooks" className={buttonClasses()}>
          All webhooks
        </Link>
      }
    >
      There is no webhook with this address in your organisation. It may have been deleted.
    </EmptyState>
  );
}
