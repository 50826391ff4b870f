import type { AnyCaller } from "../auth/caller";
import { auditActor } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import type { Db } from "../db/client";
import { ConflictError } from "../errors";
import { findOrgByRef } from "./find-org";
import { forgetOrgLimits } from "./limits";

/** How many rows of each kind a deletion removed. */
export type DeletedCounts = {
  webhooks: number;
  signing_secrets: number;
  events: number;
  deliveries: number;
  attempts: number;
  recoveries: number;
  api_tokens: number;
  users: number;
  sessions: number;
  console_links: number;
  audit_logs: number;
};

/** Rows per statement: each batch is a short transaction, so the dispatcher and ingest keep going. */
export const DELETE_BATCH_SIZE = 5_000;

/**
 * Deletes an organisation and everything of it, in batches of `batchSize`, and says how many of
 * each went. The API tokens go first, so the org's own producers stop adding while it runs. Every
 * statement names the org, so nothing of another org can go.
 */
export async function deleteOrg(
  { db, log }: Pick<AppContext, "db" | "log">,
  caller: AnyCaller,
  input: { ref: string; batchSize?: number },
): Promise<DeletedCounts> {
  authorize(caller, "org.delete");
  const org = await findOrgByRef(db, input.ref);
  const operators = await db.prisma.user.count({ where: { orgId: org.id, isOperator: true } });
  if (operators > 0) throw new ConflictError("This organisation holds the operator's console account.");
  const n = input.batchSize ?? DELETE_BATCH_SIZE;
  const id = org.id;
  const counts: DeletedCounts = {
    api_tokens: await run(db, `DELETE FROM api_tokens WHERE org_id = $1`, [id]),
    console_links: await run(db, `DELETE FROM console_links WHERE org_id = $1`, [id]),
    attempts: 0,
    recoveries: 0,
    deliveries: 0,
    events: 0,
    signing_secrets: 0,
    webhooks: 0,
    sessions: 0,
    users: 0,
    audit_logs: 0,
  };
  // Bulk recoveries first (their items go with each by cascade), so none starts another attempt.
  counts.recoveries = await batched(db, "recoveries", "org_id = $1", [id], n);
  // A batch of deliveries with their attempts (attempts are found through their delivery's index).
  for (;;) {
    const { rows } = await db.pool.query<{ attempts: string; deliveries: string }>(
      `WITH d AS (SELECT id FROM deliveries WHERE org_id = $1 LIMIT $2),
            a AS (DELETE FROM delivery_attempts WHERE delivery_id IN (SELECT id FROM d) RETURNING 1),
            x AS (DELETE FROM deliveries WHERE id IN (SELECT id FROM d) RETURNING 1)
       SELECT (SELECT count(*) FROM a) AS attempts, (SELECT count(*) FROM x) AS deliveries`,
      [id, n],
    );
    counts.attempts += Number(rows[0].attempts);
    counts.deliveries += Number(rows[0].deliveries);
    if (Number(rows[0].deliveries) === 0) break;
  }
  counts.events = await batched(db, "events", "org_id = $1", [id], n);
  counts.signing_secrets = await batched(
    db,
    "signing_secrets",
    "webhook_id IN (SELECT id FROM webhooks WHERE org_id = $1)",
    [id],
    n,
  );
  counts.webhooks = await batched(db, "webhooks", "org_id = $1", [id], n);
  counts.sessions = await batched(db, "sessions", "user_id IN (SELECT id FROM users WHERE org_id = $1)", [id], n);
  // An operator who has this org open stays signed in, back in their own org.
  await run(db, `UPDATE sessions SET acting_org_id = NULL, acting_role = NULL WHERE acting_org_id = $1`, [id]);
  counts.users = await batched(db, "users", "org_id = $1", [id], n);
  counts.audit_logs = await batched(db, "audit_logs", "org_id = $1", [id], n);
  await run(db, `DELETE FROM org_rate_windows WHERE org_id = $1`, [id]);
  // Whatever arrived during the batches (an event ingested meanwhile) goes with the org by cascade.
  await run(db, `DELETE FROM orgs WHERE id = $1`, [id]);
  forgetOrgLimits(id);
  log.info({ org_id: id, actor: auditActor(caller), deleted: counts }, "organisation deleted");
  return counts;
}

async function batched(db: Db, table: string, where: string, params: unknown[], size: number): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await run(
      db,
      `DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE ${where} LIMIT $${params.length + 1})`,
      [...params, size],
    );
    total += count;
    if (count < size) return total;
  }
}

async function run(db: Db, sql: string, params: unknown[]): Promise<number> {
  return (await db.pool.query(sql, params)).rowCount ?? 0;
}
