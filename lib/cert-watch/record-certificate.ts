import type { Db } from "../db/client";

/**
 * Keeps the webhook's certificate as Check endpoint saw it, writing only when it changed (the
 * attempts' own write does the same inside lib/dispatch/record-attempt.ts).
 */
export async function recordCertificate(
  db: Db,
  input: { orgId: string; webhookId: string; certificate: { expiresAt: Date; issuer: string }; now: Date },
): Promise<boolean> {
  const { expiresAt, issuer } = input.certificate;
  const changed = await db.prisma.webhook.updateMany({
    where: {
      id: input.webhookId,
      orgId: input.orgId,
      OR: [
        { certificateExpiresAt: null },
        { certificateExpiresAt: { not: expiresAt } },
        { certificateIssuer: null },
        { certificateIssuer: { not: issuer } },
      ],
    },
    data: { certificateExpiresAt: expiresAt, certificateIssuer: issuer, certificateCheckedAt: input.now },
  });
  return changed.count > 0;
}
