import { randomBytes } from "node:crypto";
import { createApiToken } from "../../lib/auth/api-tokens";
import { createCipher, type Cipher } from "../../lib/crypto/encryption";
import { connectDatabase, type Db } from "../../lib/db/client";
import { DELIVERIES_DUE_CHANNEL } from "../../lib/dispatch/wake";
import { newId } from "../../lib/ids";
import type { DbKind } from "./databases";
import { systemCaller } from "../../lib/auth/caller";
import { createWebhook } from "../../lib/webhooks/create-webhook";
import { waitFor } from "./stats";

// Bench data: an org with an API token and an admin, webhooks made the product's way (each with
// an encrypted signing secret), and deliveries queued in bulk with one INSERT … SELECT.

/** What a scenario runs against: a migrated database, a pool on it and the key of its secrets. */
export type BenchTarget = { kind: DbKind; url: string; db: Db; cipher: Cipher; encryptionKey: string };

export function openBenchTarget(
  kind: DbKind,
  url: string,
  poolSize = 10,
): BenchTarget & { close: () => Promise<void> } {
  const key = randomBytes(32);
  const db = connectDatabase(url, { poolSize });
  return { kind, url, db, cipher: createCipher(key), encryptionKey: key.toString("base64"), close: () => db.close() };
}

export type BenchOrg = { orgId: string; apiToken: string; userId: string };

export async function createBenchOrg(ctx: BenchTarget): Promise<BenchOrg> {
  const orgId = newId("org");
  const userId = newId("usr");
  // Bench orgs have as many webhooks as a scenario needs: the per-org limit is not what is measured.
  await ctx.db.prisma.org.create({ data: { id: orgId, name: "Bench org", maxWebhooks: 1_000_000 } });
  // Sessions are created directly in the bench, so the password is never checked.
  await ctx.db.prisma.user.create({
    data: { id: userId, orgId, email: `${userId}@bench.test`, role: "admin", name: "Bench", passwordHash: "x" },
  });
  const apiToken = await ctx.db.prisma.$transaction((tx) => createApiToken(tx, ctx.cipher, orgId));
  return { orgId, apiToken, userId };
}

/** One webhook per URL; `eventTypes[i]` subscribes webhook i to one type (none: every type). */
export async function createWebhooks(
  ctx: BenchTarget,
  orgId: string,
  urls: string[],
  eventTypes: string[] = [],
): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, url] of urls.entries()) {
    const types = eventTypes[i] ? [eventTypes[i]] : [];
    const webhook = await createWebhook(ctx, systemCaller(orgId), {
      url,
      description: "bench",
      event_types: types,
      enabled: true,
    });
    ids.push(webhook.id);
  }
  return ids;
}

/**
 * `events` events of about 300 bytes, each fanned out to every webhook of `webhookIds`, due now
 * (or at `dueAt`: then nothing is woken). Returns the number of deliveries queued. Ids carry `tag`
 * so several batches never collide.
 */
export async function queueDeliveries(
  db: Db,
  orgId: string,
  webhookIds: string[],
  events: number,
  tag = randomBytes(3).toString("hex"),
  dueAt?: Date,
): Promise<number> {
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO events (id, org_id, type, body, created_at)
       SELECT 'evt_bench_' || $2 || '_' || n, $1, 'camera.offline',
              convert_to(json_build_object(
                'id', 'evt_bench_' || $2 || '_' || n, 'type', 'camera.offline', 'created_at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                'data', json_build_object('camera_id', 'cam_' || lpad((n % 5000)::text, 5, '0'), 'site_id', 'site_lobby_east',
                  'reason', 'heartbeat_missed', 'last_seen_at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                  'firmware', '4.12.7', 'labels', json_build_array('entrance', 'ground-floor', 'ptz'), 'sequence', n))::text, 'UTF8'),
              now()
         FROM generate_series(1, $3::int) AS n`,
      [orgId, tag, events],
    );
    const { rowCount } = await client.query(
      `INSERT INTO deliveries (id, org_id, webhook_id, event_id, event_type, status, next_attempt_at, created_at, activity_at)
       SELECT 'dlv_bench_' || $2 || '_' || n || '_' || w.i, $1, w.id, 'evt_bench_' || $2 || '_' || n, 'camera.offline', 'pending',
              coalesce($5::timestamptz, now()), now(), now()
         FROM generate_series(1, $3::int) AS n CROSS JOIN unnest($4::text[]) WITH ORDINALITY AS w(id, i)
        ORDER BY n, w.i`,
      [orgId, tag, events, webhookIds, dueAt ?? null],
    );
    if (!dueAt) await client.query(`SELECT pg_notify('${DELIVERIES_DUE_CHANNEL}', '')`);
    await client.query("COMMIT");
    return rowCount ?? 0;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Every delivery of `orgId` still waiting for a later attempt made due now, in one statement, as
 * retries come due together when an endpoint's outage ends; resolves with that moment.
 */
export async function makeDue(db: Db, orgId: string): Promise<Date> {
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("UPDATE deliveries SET next_attempt_at = now() WHERE org_id = $1 AND next_attempt_at > now()", [
      orgId,
    ]);
    // now() is the transaction's start: the moment the UPDATE made them due.
    const { rows } = await client.query<{ now: Date }>("SELECT now()");
    await client.query(`SELECT pg_notify('${DELIVERIES_DUE_CHANNEL}', '')`);
    await client.query("COMMIT");
    return rows[0].now;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Waits (up to 30 s) until the planner's row count of `deliveries` (`pg_class.reltuples`, as the
 * last ANALYZE or vacuum left it) is at least half the rows the table holds, as on a platform that
 * has been running: a table filled by one large transaction is planned for as an empty one until
 * the worker's upkeep or autovacuum analyzes it (a vacuum that runs during the insert counts none
 * of its rows). A table never counted since it was emptied (`reltuples` -1) is measured by the
 * planner itself at each plan. Resolves with whether it came to that.
 */
export async function plannerCountsDeliveries(target: BenchTarget): Promise<boolean> {
  return waitFor(
    async () => {
      const { rows } = await target.db.pool.query<{ ok: boolean }>(
        `SELECT reltuples < 0 OR reltuples >= (SELECT count(*) FROM deliveries) / 2 AS ok
           FROM pg_class WHERE oid = 'deliveries'::regclass`,
      );
      return rows[0].ok;
    },
    30_000,
    200,
  );
}

/** Deliveries not settled yet, and attempts recorded, of the whole database. */
export async function progress(db: Db): Promise<{ open: number; succeeded: number; attempts: number }> {
  const { rows } = await db.pool.query<{ open: number; succeeded: number; attempts: number }>(
    `SELECT (SELECT count(*)::int FROM deliveries WHERE status IN ('pending', 'retrying')) AS open,
            (SELECT count(*)::int FROM deliveries WHERE status = 'succeeded') AS succeeded,
            (SELECT count(*)::int FROM delivery_attempts) AS attempts`,
  );
  return rows[0];
}

/** Duplicate attempts in the database: attempts beyond the first of any delivery. */
export async function duplicateAttempts(db: Db): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>(
    "SELECT coalesce(sum(n - 1), 0)::int AS n FROM (SELECT count(*) AS n FROM delivery_attempts GROUP BY delivery_id HAVING count(*) > 1) x",
  );
  return rows[0].n;
}

/**
 * Empties the delivery tables between runs on one database. Worker processes may be running (and
 * claiming: a claim reads `deliveries` and then `events`), and TRUNCATE takes its locks one table
 * after the other, so PostgreSQL may end it as a deadlock's victim (seen once under load): then it
 * is tried again, the claim having gone through.
 */
export async function clearDeliveries(db: Db): Promise<void> {
  for (let tries = 1; ; tries++) {
    try {
      await db.pool.query("TRUNCATE events, deliveries, delivery_attempts");
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== DEADLOCK_DETECTED || tries >= 5) throw error;
    }
  }
}

const DEADLOCK_DETECTED = "40P01";
