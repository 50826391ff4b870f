import type { Db } from "../db/client";

// Test-only: many due deliveries of one webhook in two statements (ingesting them one by one
// would take longer than the fault being tested).

export async function insertDueDeliveries(db: Db, orgId: string, webhookId: string, count: number): Promise<void> {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  await db.pool.query(
    `INSERT INTO events (id, org_id, type, body, created_at)
     SELECT 'evt_' || $3 || '_' || i, $1, 'camera.offline',
            convert_to('{"id":"evt_' || $3 || '_' || i || '","type":"camera.offline","data":{"n":' || i || '}}', 'UTF8'), now()
       FROM generate_series(1, $2::int) AS i`,
    [orgId, count, tag],
  );
  await db.pool.query(
    `INSERT INTO deliveries (id, org_id, webhook_id, event_id, event_type, status, next_attempt_at, created_at, activity_at)
     SELECT 'dlv_' || $4 || '_' || i, $1, $2, 'evt_' || $4 || '_' || i, 'camera.offline', 'pending', now(), now(), now()
       FROM generate_series(1, $3::int) AS i`,
    [orgId, webhookId, count, tag],
  );
}
