import type { AnyCaller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";

/** One row of the operator's list: which customers are in trouble. */
export type OrgFigures = {
  id: string;
  name: string;
  externalId: string | null;
  webhooks: number;
  disabledWebhooks: number;
  deliveries24h: number;
  failed24h: number;
  /** Failed or retrying among the last 24 h's deliveries, 0–1; null when there were none. */
  failureRate: number | null;
};

export const OPERATOR_LIST_LIMIT = 200;

/**
 * Every organisation (the first `OPERATOR_LIST_LIMIT`, newest first) with its webhook count,
 * disabled endpoints and the last 24 hours' deliveries and failures: one query, each figure counted
 * through indexes (deliveries webhook by webhook: they are indexed by time per webhook only).
 */
export async function listOrgFigures(
  { db, now }: Pick<AppContext, "db" | "now">,
  caller: AnyCaller,
): Promise<OrgFigures[]> {
  authorize(caller, "org.list");
  const since = new Date(now().getTime() - 24 * 3_600_000);
  const { rows } = await db.pool.query<{
    id: string;
    name: string;
    external_id: string | null;
    webhooks: string;
    disabled: string;
    deliveries: string;
    failed: string;
  }>(
    `SELECT o.id, o.name, o.external_id,
            (SELECT count(*) FROM webhooks w WHERE w.org_id = o.id) AS webhooks,
            (SELECT count(*) FROM webhooks w WHERE w.org_id = o.id AND NOT w.enabled) AS disabled,
            d.deliveries, d.failed
       FROM orgs o
       CROSS JOIN LATERAL (
         SELECT count(*) AS deliveries, count(*) FILTER (WHERE dl.status IN ('failed', 'retrying')) AS failed
           FROM webhooks w JOIN deliveries dl ON dl.webhook_id = w.id
          WHERE w.org_id = o.id AND dl.created_at >= $1
       ) d
      ORDER BY o.created_at DESC, o.id DESC
      LIMIT $2`,
    [since, OPERATOR_LIST_LIMIT],
  );
  return rows.map((r) => {
    const deliveries = Number(r.deliveries);
    const failed = Number(r.failed);
    return {
      id: r.id,
      name: r.name,
      externalId: r.external_id,
      webhooks: Number(r.webhooks),
      disabledWebhooks: Number(r.disabled),
      deliveries24h: deliveries,
      failed24h: failed,
      failureRate: deliveries === 0 ? null : failed / deliveries,
    };
  });
}
