import { getRetentionWindow } from "@/lib/retention/queries";
import type { Db } from "@/lib/db/client";

/** Under the delivery log: how far back it reaches, and why it stops there. */
export async function RetentionNote({ db, orgId, days }: { db: Db; orgId: string; days: number }) {
  const window = await getRetentionWindow(db, orgId, days);
  const oldest = window.oldest ? `The log reaches back to ${formatUtc(window.oldest)}.` : "No events are stored yet.";
  const rule =
    days === 0
      ? "Every delivery is kept (NOVAVMS_RETENTION_DAYS=0)."
      : `Events older than ${days} days whose deliveries have all succeeded or failed are removed with their attempts; a delivery still pending or retrying is kept until it settles.`;
  return (
    <p className="mt-4 text-sm text-slate-600" data-testid="retention-note">
      {oldest} {rule}
    </p>
  );
}

function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
