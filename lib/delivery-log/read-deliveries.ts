import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import { getDeliveryView, listDeliveryViews } from "./api-views";
import { fetchDelivery, type DeliveryFilters } from "./queries";

// The API's reads of the delivery log, each authorized for the caller and scoped to its org.

/** A page of the caller's org's deliveries. */
export async function readDeliveries({ db }: Pick<AppContext, "db">, caller: Caller, input: DeliveryFilters) {
  const { orgId } = authorize(caller, "delivery.read");
  return listDeliveryViews(db, orgId, input);
}

/** One delivery of the caller's org with every attempt, as the API shows it (404 for any other). */
export async function readDelivery({ db }: Pick<AppContext, "db">, caller: Caller, input: { deliveryId: string }) {
  const { orgId } = authorize(caller, "delivery.read");
  return getDeliveryView(db, orgId, input.deliveryId);
}

/** One delivery of the caller's org with its attempt rows, for the console's detail page. */
export async function readDeliveryRecord(
  { db }: Pick<AppContext, "db">,
  caller: Caller,
  input: { deliveryId: string },
) {
  const { orgId } = authorize(caller, "delivery.read");
  return fetchDelivery(db, orgId, input.deliveryId);
}
