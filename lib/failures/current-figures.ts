import { connection } from "next/server";
import { getConfig } from "../config";
import { deliveryFigures, type DeliveryFigures } from "./figures";

/**
 * The figures of the running process, for the docs pages: rendered per request, so a changed
 * NOVAVMS_DELIVERY_TIMEOUT_MS or NOVAVMS_RETRY_SCHEDULE shows at once, not the build's values.
 */
export async function currentFigures(): Promise<DeliveryFigures> {
  await connection();
  return deliveryFigures(getConfig());
}
