import { emitOperationalEvent } from "../alerts/emit";
import { CERTIFICATE_ALERT_EVERY_MS } from "../alerts/types";
import type { Db } from "../db/client";
import { certificateWarning } from "./expiry-warning";

// endpoint.certificate_expiring: the certificate expiry watch's alert. Each pass finds the enabled
// webhooks whose recorded certificate expires within NOVAVMS_CERT_WARNING_DAYS and claims the
// alert in one statement: a webhook's row in certificate_alerts is written only when it names
// another certificate or its last alert is a day old, so every worker may run the pass and each
// certificate is still reported at most once per webhook per day.

const CLAIM_SQL = `WITH due AS (
   SELECT id, certificate_expires_at AS expires_at FROM webhooks
    WHERE enabled AND certificate_expires_at IS NOT NULL AND certificate_expires_at < $1
 )
 INSERT INTO certificate_alerts AS a (webhook_id, expires_at, last_sent_at)
 SELECT id, expires_at, $2 FROM due
 ON CONFLICT (webhook_id) DO UPDATE SET expires_at = excluded.expires_at, last_sent_at = excluded.last_sent_at
  WHERE a.expires_at IS DISTINCT FROM excluded.expires_at OR a.last_sent_at <= $3
 RETURNING webhook_id`;

/** Sends endpoint.certificate_expiring where it is due; returns the webhooks alerted about. */
export async function raiseCertificateAlerts(db: Db, options: { warningDays: number; now: Date }): Promise<string[]> {
  const { now } = options;
  const until = new Date(now.getTime() + options.warningDays * 24 * 60 * 60_000);
  const { rows } = await db.pool.query<{ webhook_id: string }>(CLAIM_SQL, [
    until,
    now,
    new Date(now.getTime() - CERTIFICATE_ALERT_EVERY_MS),
  ]);
  if (rows.length === 0) return [];
  const webhooks = await db.prisma.webhook.findMany({
    where: { id: { in: rows.map((row) => row.webhook_id) } },
    select: { id: true, orgId: true, url: true, certificateExpiresAt: true, certificateIssuer: true },
  });
  for (const webhook of webhooks) {
    const warning = certificateWarning(webhook, { warningDays: options.warningDays, now });
    if (!warning) continue;
    await emitOperationalEvent(
      db,
      {
        orgId: webhook.orgId,
        type: "endpoint.certificate_expiring",
        data: {
          webhook_id: webhook.id,
          url: webhook.url,
          host: warning.host,
          issuer: webhook.certificateIssuer,
          expires_at: warning.expiresAt,
          days_left: warning.daysLeft,
          message: warning.text,
        },
        sourceWebhookId: webhook.id,
      },
      now,
    );
  }
  return webhooks.map((webhook) => webhook.id);
}
