import type { Db } from "../db/client";
import { fetchDelivery, listDeliveries, type DeliveryFilters } from "./queries";
import { serializeAttempt, serializeDelivery } from "./serialize";

// The API's shapes of the log: `GET /deliveries` and `GET /deliveries/{id}`.

export async function listDeliveryViews(db: Db, orgId: string, filters: DeliveryFilters) {
  const { rows, next_cursor } = await listDeliveries(db, orgId, filters);
  return { data: rows.map(serializeDelivery), next_cursor };
}

export async function getDeliveryView(db: Db, orgId: string, id: string) {
  const { row, attemptRows } = await fetchDelivery(db, orgId, id);
  return { ...serializeDelivery(row), attempts: attemptRows.map(serializeAttempt) };
}
