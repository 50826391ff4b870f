import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { CertificateWarning } from "@/lib/cert-watch/expiry-warning";

/** One banner per endpoint whose TLS certificate expires soon (or has expired). */
export function CertificateWarnings({ warnings, linked }: { warnings: CertificateWarning[]; linked: boolean }) {
  return warnings.map((warning) => (
    <Alert key={warning.webhookId} tone={warning.daysLeft < 0 ? "error" : "warning"} title="Certificate expiring">
      {warning.text}{" "}
      {linked ? (
        <Link href={`/webhooks/${warning.webhookId}`} className="underline">
          Open the webhook
        </Link>
      ) : null}
    </Alert>
  ));
}
