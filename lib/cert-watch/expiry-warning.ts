import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import { daysLeft } from "./peer-certificate";

// The certificate expiry watch's warning: shown on the webhooks list and the webhook's page when
// the endpoint's certificate expires within NOVAVMS_CERT_WARNING_DAYS, before deliveries fail.

export type CertificateWarning = { webhookId: string; host: string; expiresAt: string; daysLeft: number; text: string };

export function certificateWarning(
  webhook: { id: string; url: string; certificateExpiresAt: Date | null },
  options: { warningDays: number; now: Date },
): CertificateWarning | null {
  const expiresAt = webhook.certificateExpiresAt;
  if (!expiresAt) return null;
  const left = daysLeft(expiresAt, options.now);
  if (left >= options.warningDays) return null;
  const host = hostOf(webhook.url);
  const on = expiresAt.toISOString().slice(0, 10);
  const text =
    expiresAt <= options.now
      ? `The certificate of ${host} expired on ${on}. Deliveries fail with tls_certificate_expired until it is renewed.`
      : `The certificate of ${host} expires in ${left === 1 ? "1 day" : `${left} days`} (on ${on}). Deliveries will fail with tls_certificate_expired after that.`;
  return { webhookId: webhook.id, host, expiresAt: expiresAt.toISOString(), daysLeft: left, text };
}

/** The caller's org's webhooks whose certificate expires within the warning days, soonest first. */
export async function readCertificateWarnings(
  { db, config, now }: Pick<AppContext, "db" | "now"> & { config: { certWarningDays: number } },
  caller: Caller,
): Promise<CertificateWarning[]> {
  const { orgId } = authorize(caller, "webhook.read");
  const options = { warningDays: config.certWarningDays, now: now() };
  const until = new Date(options.now.getTime() + options.warningDays * 24 * 60 * 60 * 1000);
  const rows = await db.prisma.webhook.findMany({
    where: { orgId, certificateExpiresAt: { lt: until } },
    orderBy: { certificateExpiresAt: "asc" },
    select: { id: true, url: true, certificateExpiresAt: true },
    take: 50,
  });
  return rows.flatMap((row) => certificateWarning(row, options) ?? []);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
