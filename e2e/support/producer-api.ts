import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";

export type Api = ReturnType<typeof producerApi>;

/** The calls a producer makes with the org's API token. */
export function producerApi(request: APIRequestContext, token: string) {
  const headers = { Authorization: `Bearer ${token}` };
  const ok = async <T>(response: APIResponse): Promise<T> => {
    expect(response.ok(), `${response.url()} answered ${response.status()}: ${await response.text()}`).toBe(true);
    return response.status() === 204 ? (undefined as T) : ((await response.json()) as T);
  };
  return {
    createWebhook: (url: string, eventTypes: string[] = [], description = "") =>
      request
        .post("/api/v1/webhooks", { headers, data: { url, event_types: eventTypes, description } })
        .then((r) => ok<{ id: string }>(r)),
    updateWebhook: (id: string, data: Record<string, unknown>) =>
      request.patch(`/api/v1/webhooks/${id}`, { headers, data }).then((r) => ok<{ id: string }>(r)),
    deleteWebhook: (id: string) => request.delete(`/api/v1/webhooks/${id}`, { headers }).then((r) => ok<void>(r)),
    sendEvent: (type: string, data: Record<string, unknown>) =>
      request
        .post("/api/v1/events", { headers, data: { type, data } })
        .then((r) => ok<{ id: string; deliveries: { id: string; webhook_id: string }[] }>(r)),
    countDeliveries: (webhookId: string, status: string) =>
      request
        .get(`/api/v1/deliveries?webhook_id=${webhookId}&status=${status}&limit=100`, { headers })
        .then((r) => ok<{ data: unknown[] }>(r))
        .then((page) => page.data.length),
    getDelivery: (id: string) =>
      request.get(`/api/v1/deliveries/${id}`, { headers }).then((r) =>
        ok<{
          id: string;
          status: string;
          attempt_count: number;
          attempts: { request_id: string; trigger: string }[];
        }>(r),
      ),
  };
}

/** Waits (polling the API) until the delivery satisfies `check`. */
export async function waitForDelivery(
  api: Api,
  id: string,
  check: (d: Awaited<ReturnType<Api["getDelivery"]>>) => boolean,
  timeout = 30_000,
) {
  await expect.poll(async () => check(await api.getDelivery(id)), { timeout, intervals: [250] }).toBe(true);
  return api.getDelivery(id);
}
