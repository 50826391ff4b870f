import createClient, { type Client } from "openapi-fetch";
import type { components, paths } from "./schema";

export type NovaVmsClient = Client<paths>;
export type Webhook = components["schemas"]["Webhook"];
export type Delivery = components["schemas"]["Delivery"];
export type DeliveryDetail = components["schemas"]["DeliveryDetail"];
export type Attempt = components["schemas"]["Attempt"];
export type ApiError = components["schemas"]["Error"];

/**
 * A typed client for the NovaVMS Webhooks API. `baseUrl` is the console's origin
 * (`https://webhooks.example.com`); `token` the organisation's API token.
 */
export function createNovaVmsClient(options: {
  baseUrl: string;
  token: string;
  /** Another fetch (a proxy, a test harness); the global one by default. */
  fetch?: (request: Request) => Promise<Response>;
}): NovaVmsClient {
  return createClient<paths>({
    baseUrl: `${options.baseUrl.replace(/\/$/, "")}/api/v1`,
    headers: { Authorization: `Bearer ${options.token}` },
    ...(options.fetch && { fetch: options.fetch }),
  });
}
