import { expect, test } from "@playwright/test";
import { adminOrgApiToken, createUser, recordWebhookCertificate } from "./support/database";
import { logRows } from "./support/delivery-log";
import { captureAction, replayAction, VIEWER_REFUSED } from "./support/forged-actions";
import { producerApi } from "./support/producer-api";
import { startReceiver, type TestReceiver } from "./support/receiver";
import { saveReadmeScreenshot } from "./support/screenshots";
import { signInAs } from "./support/session";

// "Why does my endpoint fail?" in one click: Check endpoint on an endpoint that rejects our
// signature names the failing step and its fix; the receiver's own request id is shown in the
// attempt and finds the delivery in the log; the certificate expiry banner warns ahead of time.

let receiver: TestReceiver;

test.beforeAll(async () => {
  receiver = await startReceiver({
    status: 401,
    body: '{"error":"invalid signature"}',
    headers: { "x-request-id": "rcv-7f3a9c" },
  });
});
test.afterAll(async () => {
  await receiver.close();
});

test("Check endpoint on a failing webhook shows the failing step and its fix, and the receiver's request id", async ({
  page,
  request,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const api = producerApi(request, (await adminOrgApiToken()).token);
  const { id: webhookId } = await api.createWebhook(receiver.url, ["camera.offline"], "Check journey");
  try {
    await page.goto(`/webhooks/${webhookId}`);
    const card = page.locator("#check-endpoint");
    await expect(card).toContainText("This endpoint has not been checked yet.");
    const checkAction = await captureAction(page, () => card.getByRole("button", { name: "Check endpoint" }).click());

    const result = card.getByRole("region", { name: "Check endpoint result" });
    await expect(result.getByRole("status")).toContainText("Verdict: Deliveries to your endpoint fail");
    const steps = result
      .getByRole("list", { name: "Check steps" })
      .getByRole("listitem")
      .filter({ hasText: /ms|Skipped/ });
    await expect(steps.filter({ hasText: "DNS" }).first()).toContainText("OK");
    await expect(steps.filter({ hasText: "TCP connect" }).first()).toContainText("OK");
    await expect(steps.filter({ hasText: "TLS" }).first()).toContainText("Skipped");
    const http = steps.filter({ hasText: "HTTP (signed webhook.test event)" }).first();
    await expect(http).toContainText("Failed");
    await expect(http).toContainText("Your endpoint answered HTTP 401: it refused the request");
    await expect(http).toContainText("not the org's API token");
    await expect(http).toContainText('{"error":"invalid signature"}');
    await saveReadmeScreenshot(page, testInfo, "endpoint-check.png", { fullPage: true });

    // Kept as the webhook's last check.
    await page.reload();
    await expect(card).toContainText("Last check");
    await expect(card.getByRole("status")).toContainText("Deliveries to your endpoint fail");

    // The attempt is in the log with trigger Check endpoint, and the receiver's id beside ours.
    await card.getByRole("link", { name: "see the attempt in the log" }).click();
    const attempt = page.getByRole("article").first();
    await expect(attempt).toContainText("Check endpoint");
    await expect(attempt.getByLabel("your request id", { exact: true })).toHaveText("rcv-7f3a9c");
    await expect(attempt.getByRole("button", { name: "Copy your request id of attempt 1" })).toBeVisible();
    const traceparent = receiver.requests.at(-1)!.headers.traceparent as string;
    await expect(attempt.getByLabel("Trace id of attempt 1")).toHaveText(traceparent.split("-")[1]);

    // The log's search box finds the delivery by the receiver's id.
    await page.goto(`/webhooks/${webhookId}/deliveries`);
    await page.getByLabel("Search").fill("rcv-7f3a9c");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]q=rcv-7f3a9c/);
    await expect(logRows(page)).toHaveCount(1);
    await expect(logRows(page).first()).toContainText("your request id: rcv-7f3a9c");

    // A failed delivery's detail offers the same check.
    const event = await api.sendEvent("camera.offline", { camera_id: "cam_gate" });
    const deliveryId = event.deliveries.find((d) => d.webhook_id === webhookId)!.id;
    await expect
      .poll(async () => (await api.getDelivery(deliveryId)).attempt_count, { timeout: 30_000 })
      .toBeGreaterThan(0);
    await page.goto(`/deliveries/${deliveryId}`);
    const why = page.locator("#check-endpoint");
    await expect(why).toContainText("Why does this endpoint fail?");
    await why.getByRole("button", { name: "Check endpoint" }).click();
    await expect(why.getByRole("status")).toContainText("Deliveries to your endpoint fail");

    // A viewer sees the last check but no button, and a forged check is refused and sends nothing.
    const viewer = await createUser("viewer", { orgId: (await adminOrgApiToken()).orgId });
    const { context, page: viewerPage } = await signInAs(browser, viewer, { path: `/webhooks/${webhookId}` });
    try {
      await expect(viewerPage.locator("#check-endpoint")).toContainText("Only an admin can run Check endpoint.");
      await expect(viewerPage.locator("#check-endpoint").getByRole("button", { name: "Check endpoint" })).toHaveCount(
        0,
      );
      // Counted by event type: the failed delivery above keeps being retried every 2 s meanwhile.
      const checksSent = () => receiver.requests.filter((r) => r.headers["x-novavms-event"] === "webhook.test").length;
      const sentBefore = checksSent();
      expect(await (await replayAction(context.request, checkAction)).text()).toContain(VIEWER_REFUSED);
      expect(checksSent()).toBe(sentBefore);
    } finally {
      await context.close();
    }
  } finally {
    await api.deleteWebhook(webhookId);
  }
});

test("the certificate expiry banner warns on the webhooks list and the webhook's page", async ({ page, request }) => {
  const api = producerApi(request, (await adminOrgApiToken()).token);
  const { id: webhookId } = await api.createWebhook("https://api.example.com/hooks", [], "Certificate journey");
  try {
    const expiresAt = new Date(Date.now() + 9 * 86_400_000 + 3_600_000);
    await recordWebhookCertificate(webhookId, expiresAt, "CN=Example CA");
    const text = `The certificate of api.example.com expires in 9 days (on ${expiresAt.toISOString().slice(0, 10)}). Deliveries will fail with tls_certificate_expired after that.`;
    await page.goto("/webhooks");
    await expect(page.getByRole("status").filter({ hasText: text })).toBeVisible();
    await page.goto(`/webhooks/${webhookId}`);
    await expect(page.getByRole("status").filter({ hasText: text })).toBeVisible();
  } finally {
    await api.deleteWebhook(webhookId);
  }
});
