import { expect, test } from "@playwright/test";
import { adminOrgApiToken } from "./support/database";
import { logRows } from "./support/delivery-log";
import { producerApi } from "./support/producer-api";
import { lastRequestId, startReceiver, type TestReceiver } from "./support/receiver";

// The troubleshooting article, step by step: the log shows the failed delivery at the top, its
// Response body field shows what the endpoint returned, the request_id is the one the endpoint
// received, Replay succeeds with 200 once the endpoint is fixed, and the log's top entry says so.

const FAILURE_BODY = JSON.stringify({ error: "database unavailable", retry: true });
let receiver: TestReceiver;

test.beforeAll(async () => {
  receiver = await startReceiver({ status: 500, body: FAILURE_BODY });
});
test.afterAll(async () => {
  await receiver.close();
});

test("a failed delivery: find it in the log, read the Response body, fix the endpoint, Replay, see Succeeded at the top", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const api = producerApi(request, (await adminOrgApiToken()).token);

  // The admin registers the endpoint in the console.
  await page.goto("/webhooks/new");
  await page.getByLabel("Endpoint URL").fill(receiver.url);
  await page.getByRole("checkbox", { name: "camera.offline" }).check();
  await page.getByRole("button", { name: "Create webhook" }).click();
  await expect(page).toHaveURL(/\/webhooks\/wh_[a-z0-9]+$/);
  const webhookId = new URL(page.url()).pathname.split("/").pop()!;

  try {
    const event = await api.sendEvent("camera.offline", { camera_id: "cam_lobby_01", site: "HQ" });
    const deliveryId = event.deliveries.find((d) => d.webhook_id === webhookId)!.id;

    // The log, with auto-refresh on, shows it at the top: Retrying, then Failed after 6 attempts.
    await page.goto("/deliveries");
    await page.getByRole("switch", { name: "Auto-refresh" }).click();
    await expect(page).toHaveURL(/[?&]live=1/);
    const top = logRows(page).first();
    await expect(top.getByRole("link", { name: "camera.offline" })).toHaveAttribute(
      "href",
      `/deliveries/${deliveryId}`,
    );
    await expect(top).toContainText("webhook_delivery_failed");
    await expect(top).toContainText(/Retrying|Failed/);
    await expect(top).toContainText("500");
    // Nothing but the auto-refresh reloads the page from here on.
    await expect(top).toContainText("Failed", { timeout: 45_000 });
    await expect(top).toContainText("attempt 6 of 6");
    expect(receiver.requests).toHaveLength(6);
    await expect(top).toContainText(lastRequestId(receiver));

    // The detail: the Response body field and the request_id the endpoint received.
    await top.getByRole("link", { name: "camera.offline" }).click();
    await expect(page).toHaveURL(`/deliveries/${deliveryId}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("camera.offline");
    const latest = page.getByRole("article").first();
    await expect(latest.getByRole("heading", { name: "Attempt 6" })).toBeVisible();
    await expect(latest.getByLabel("Response body")).toHaveText(JSON.stringify(JSON.parse(FAILURE_BODY), null, 2));
    await expect(latest.getByLabel("request_id", { exact: true })).toHaveText(lastRequestId(receiver));
    await expect(latest).toContainText("Quote this request_id to support");
    await expect(latest).toContainText("Your endpoint returned a non-2xx response");
    await expect(latest).toContainText("The Response body field shows the first 1 KB your endpoint returned.");
    await expect(latest.getByRole("link", { name: "Troubleshooting: Webhook delivery failed" })).toHaveAttribute(
      "href",
      "/docs/troubleshooting#non-2xx",
    );
    const signature = receiver.requests.at(-1)!.headers["x-novavms-signature"] as string;
    await expect(latest.getByLabel("Request headers of attempt 6")).toContainText(`X-NovaVMS-Signature${signature}`);
    await expect(latest.getByLabel("curl command", { exact: true })).toContainText(
      `-H 'X-NovaVMS-Signature: ${signature}'`,
    );
    await expect(page.getByRole("definition").filter({ hasText: "attempt 6 of 6" })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("delivery-detail-failed.png"), fullPage: true });

    // The endpoint is fixed; Replay shows the result in place.
    receiver.answer = { status: 200, body: '{"ok":true}', delayMs: 600 };
    await page.getByRole("button", { name: "Replay", exact: true }).click();
    await expect(page.getByRole("button", { name: "Replaying…" })).toBeDisabled();
    await expect(page.getByRole("status").filter({ hasText: "Succeeded with HTTP 200" })).toBeVisible();
    const replayRequestId = lastRequestId(receiver);
    await expect(page.getByRole("status").filter({ hasText: "Succeeded with HTTP 200" })).toContainText(
      replayRequestId,
    );
    expect(receiver.requests.at(-1)!.body).toBe(receiver.requests[0].body);

    // The new attempt is at the top of the timeline, and the delivery is Succeeded.
    const replayed = page.getByRole("article").first();
    await expect(replayed.getByRole("heading", { name: "Attempt 7" })).toBeVisible();
    await expect(replayed).toContainText("Replay (manual)");
    await expect(replayed.getByLabel("request_id", { exact: true })).toHaveText(replayRequestId);
    await expect(replayed.getByLabel("Response body")).toHaveText('{\n  "ok": true\n}');
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Succeeded");
    await page.screenshot({ path: testInfo.outputPath("delivery-detail-replayed.png"), fullPage: true });

    // Back on the log, the top entry is that delivery: Succeeded, 200, the Replay's request_id.
    await page.getByRole("link", { name: "← All deliveries" }).click();
    await expect(page).toHaveURL(/\/deliveries$/);
    const first = logRows(page).first();
    await expect(first.getByRole("link", { name: "camera.offline" })).toHaveAttribute(
      "href",
      `/deliveries/${deliveryId}`,
    );
    await expect(first).toContainText("Succeeded");
    await expect(first.getByRole("cell", { name: "200", exact: true })).toBeVisible();
    await expect(first).toContainText(replayRequestId);
    await expect(first).toContainText("attempt 6 of 6 + 1 Replay");
    await page.screenshot({ path: testInfo.outputPath("delivery-log.png"), fullPage: true });
  } finally {
    await api.deleteWebhook(webhookId);
  }
});
