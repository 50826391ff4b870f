import type { Prisma } from "@prisma/client";
import { recordAudit } from "../audit/record";
import { auditActor, type Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import type { Db } from "../db/client";
import { NotFoundError, RecoveryRunningError } from "../errors";
import { newId } from "../ids";
import { getRecovery, type RecoveryView } from "./queries";
import { matchDeliveries } from "./match";
import type { CreateRecoveryInput, RecoveryFilters } from "./schemas";

export type CreateRecoveryResult = { dryRun: true; count: number } | { dryRun: false; recovery: RecoveryView };

/**
 * Starts a bulk recovery, or with `dry_run` only counts what it would replay. The deliveries that
 * match are fixed as the recovery's items when it is created, in the same transaction as the
 * check that no other recovery is running for the webhook; the workers then replay them.
 */
export async function createRecovery(
  { db }: Pick<AppContext, "db">,
  caller: Caller,
  input: CreateRecoveryInput,
): Promise<CreateRecoveryResult> {
  const { orgId } = authorize(caller, "recovery.create");
  const { dry_run: dryRun, ...filters } = input;
  if (filters.webhook_id) {
    const webhook = await db.prisma.webhook.findFirst({
      where: { id: filters.webhook_id, orgId },
      select: { id: true },
    });
    if (!webhook) throw new NotFoundError("Webhook");
  }
  if (dryRun) return { dryRun: true, count: await countMatching(db, orgId, filters) };
  const id = newId("rcv");
  await db.prisma.$transaction(
    async (tx) => {
      // Recoveries of one org are started one at a time: the check below cannot race another.
      await tx.$executeRawUnsafe(`SELECT id FROM orgs WHERE id = $1 FOR UPDATE`, orgId);
      const running = await tx.recovery.findFirst({
        where: {
          orgId,
          status: "running",
          ...(filters.webhook_id ? { OR: [{ webhookId: filters.webhook_id }, { webhookId: null }] } : {}),
        },
        select: { id: true },
      });
      if (running) throw new RecoveryRunningError(running.id);
      await tx.recovery.create({
        data: {
          id,
          orgId,
          webhookId: filters.webhook_id ?? null,
          filters: toJson(filters),
          total: 0,
          actor: auditActor(caller),
        },
      });
      const match = matchDeliveries(orgId, filters, 2);
      const total = await tx.$executeRawUnsafe(
        `INSERT INTO recovery_items (recovery_id, delivery_id, webhook_id)
         SELECT $1, d.id, d.webhook_id FROM deliveries d WHERE ${match.where}`,
        id,
        ...match.params,
      );
      await tx.recovery.update({ where: { id }, data: { total } });
      await recordAudit(tx, {
        orgId,
        actor: caller,
        action: "recovery.create",
        targetType: "recovery",
        targetId: id,
        details: { ...toJson(filters), total },
      });
    },
    { timeout: 60_000 },
  );
  return { dryRun: false, recovery: await getRecovery(db, orgId, id) };
}

async function countMatching(db: Db, orgId: string, filters: RecoveryFilters): Promise<number> {
  const match = matchDeliveries(orgId, filters);
  const { rows } = await db.pool.query<{ count: string }>(
    `SELECT count(*) AS count FROM deliveries d WHERE ${match.where}`,
    match.params,
  );
  return Number(rows[0].count);
}

function toJson(filters: RecoveryFilters): Prisma.InputJsonObject {
  return {
    webhook_id: filters.webhook_id ?? null,
    since: filters.since.toISOString(),
    until: filters.until?.toISOString() ?? null,
    statuses: filters.statuses,
    reasons: filters.reasons ?? null,
    event_types: filters.event_types ?? null,
  };
}
