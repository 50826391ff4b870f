import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { E2E_OPERATOR } from "../../playwright.config";

type Delivery = { id: string; status: string; attempt_count: number };

/** The calls a platform makes with the operator token: orgs, and any org's routes under /orgs/{id}/. */
export function operatorApi(request: APIRequestContext) {
  const headers = { Authorization: `Bearer ${E2E_OPERATOR.token}` };
  const ok = async <T>(response: APIResponse): Promise<T> => {
    expect(response.ok(), `${response.url()} answered ${response.status()}: ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };
  return {
    createOrg: (name: string, externalId: string) =>
      request
        .post("/api/v1/orgs", { headers, data: { name, external_id: externalId } })
        .then((r) => ok<{ id: string; name: string }>(r)),
    forOrg: (ref: string) => {
      const base = `/api/v1/orgs/${encodeURIComponent(ref)}`;
      return {
        createWebhook: (url: string) =>
          request.post(`${base}/webhooks`, { headers, data: { url } }).then((r) => ok<{ id: string }>(r)),
        disableWebhook: (id: string) =>
          request.patch(`${base}/webhooks/${id}`, { headers, data: { enabled: false } }).then((r) => ok(r)),
        sendEvent: (type: string, data: Record<string, unknown>) =>
          request
            .post(`${base}/events`, { headers, data: { type, data } })
            .then((r) => ok<{ id: string; deliveries: { id: string }[] }>(r)),
        getDelivery: (id: string) => request.get(`${base}/deliveries/${id}`, { headers }).then((r) => ok<Delivery>(r)),
        consoleLink: (email: string, role: "admin" | "viewer") =>
          request
            .post(`${base}/console-links`, { headers, data: { email, role } })
            .then((r) => ok<{ url: string; expires_at: string }>(r)),
      };
    },
  };
}

/** Waits until every delivery of the org's event has settled as `status`. */
export async function waitForStatus(
  org: ReturnType<ReturnType<typeof operatorApi>["forOrg"]>,
  ids: string[],
  check: (d: Delivery) => boolean,
) {
  await expect
    .poll(async () => (await Promise.all(ids.map((id) => org.getDelivery(id)))).every(check), {
      timeout: 30_000,
      intervals: [250],
    })
    .toBe(true);
}
