import type { Db } from "../db/client";

// The certificate expiry watch's write: the endpoint's leaf certificate as the latest HTTPS attempt
// or check saw it, stored on the webhook only when it changed. Each process remembers what it last
// stored per webhook, so an unchanged certificate costs no statement at all on the attempt's path.

export type SeenCertificate = { expiresAt: Date; issuer: string };

const MAX_REMEMBERED = 10_000;
const stored = new Map<string, string>();

/** Records the certificates of HTTPS attempts (one statement for those that changed, none otherwise). */
export async function recordSeenCertificates(
  db: Db,
  attempts: Array<{ webhookId: string; result: { startedAt: Date; certificate?: SeenCertificate | null } }>,
): Promise<void> {
  const changed = new Map<string, { certificate: SeenCertificate; seenAt: Date }>();
  for (const { webhookId, result } of attempts) {
    const certificate = result.certificate;
    if (certificate && stored.get(webhookId) !== keyOf(certificate)) {
      changed.set(webhookId, { certificate, seenAt: result.startedAt });
    }
  }
  if (changed.size === 0) return;
  const rows = [...changed].map(([webhookId, { certificate, seenAt }]) => ({
    id: webhookId,
    expires_at: certificate.expiresAt,
    issuer: certificate.issuer,
    seen_at: seenAt,
  }));
  await db.pool.query(
    `UPDATE webhooks w SET certificate_expires_at = c.expires_at, certificate_issuer = c.issuer, certificate_checked_at = c.seen_at
       FROM json_to_recordset($1::json) AS c(id text, expires_at timestamptz, issuer text, seen_at timestamptz)
      WHERE w.id = c.id
        AND (w.certificate_expires_at IS DISTINCT FROM c.expires_at OR w.certificate_issuer IS DISTINCT FROM c.issuer)`,
    [JSON.stringify(rows)],
  );
  if (stored.size + changed.size > MAX_REMEMBERED) stored.clear();
  for (const [webhookId, { certificate }] of changed) stored.set(webhookId, keyOf(certificate));
}

/**
 * Check endpoint's write, for a webhook of the org: the same rule (only when changed), checked in
 * the database since a check is rare and must not trust another process's memory.
 */
export async function recordCertificate(
  db: Db,
  input: { orgId: string; webhookId: string; certificate: SeenCertificate; now: Date },
): Promise<boolean> {
  const { expiresAt, issuer } = input.certificate;
  const result = await db.pool.query(
    `UPDATE webhooks SET certificate_expires_at = $3, certificate_issuer = $4, certificate_checked_at = $5
      WHERE id = $1 AND org_id = $2
        AND (certificate_expires_at IS DISTINCT FROM $3 OR certificate_issuer IS DISTINCT FROM $4)`,
    [input.webhookId, input.orgId, expiresAt, issuer, input.now],
  );
  if ((result.rowCount ?? 0) > 0) stored.set(input.webhookId, keyOf(input.certificate));
  return (result.rowCount ?? 0) > 0;
}

function keyOf(certificate: SeenCertificate): string {
  return `${certificate.expiresAt.getTime()}|${certificate.issuer}`;
}
