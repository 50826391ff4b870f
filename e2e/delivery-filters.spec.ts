import { expect, test } from "@playwright/test";
import { adminOrgApiToken } from "./support/database";
import { logRows } from "./support/delivery-log";
import { producerApi, waitForDelivery } from "./support/producer-api";
import { startReceiver } from "./support/receiver";

// The log's view lives in its URL: filtering by status, searching by request_id or event id, and
// paging all give a URL that shows the same rows after a reload; a bad value is explained, not a 500.

test("status filter, search by request_id and event id, time range and paging are kept in the URL", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  // Events whose data says "fail" get a 500; the rest a 200.
  const receiver = await startReceiver((body) =>
    body.includes('"fail"') ? { status: 500, body: '{"error":"boom"}' } : { status: 200, body: "" },
  );
  const api = producerApi(request, (await adminOrgApiToken()).token);
  const webhook = await api.createWebhook(receiver.url, ["recording.ready", "storage.low"]);
  try {
    const good = await api.sendEvent("recording.ready", { recording_id: "rec_1" });
    const bad = await api.sendEvent("recording.ready", { recording_id: "rec_2", outcome: "fail" });
    const badId = bad.deliveries[0].id;
    const goodId = good.deliveries[0].id;
    const goodDelivery = await waitForDelivery(api, goodId, (d) => d.status === "succeeded");
    await waitForDelivery(api, badId, (d) => d.status === "failed", 45_000);

    // Status, with the filter form; the URL reproduces the view after a reload. On this webhook's
    // own log, so that other journeys' failed deliveries in the org do not count.
    const webhookLog = `/webhooks/${webhook.id}/deliveries`;
    await page.goto(webhookLog);
    await expect(logRows(page)).toHaveCount(2);
    await page.getByLabel("Status").selectOption("failed");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(`${webhookLog}?status=failed`);
    await expect(logRows(page)).toHaveCount(1);
    await expect(logRows(page).first().getByRole("link")).toHaveAttribute("href", `/deliveries/${badId}`);
    await page.reload();
    await expect(page.getByLabel("Status")).toHaveValue("failed");
    await expect(logRows(page)).toHaveCount(1);
    await expect(logRows(page).first()).toContainText("Failed");

    // Search by request_id (of the succeeded delivery) and by event id, across the org's log.
    const requestId = goodDelivery.attempts[0].request_id;
    await page.goto("/deliveries");
    await page.getByLabel("Search").fill(requestId);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(`/deliveries?q=${requestId}`);
    await expect(logRows(page)).toHaveCount(1);
    await expect(logRows(page).first()).toContainText(requestId);
    await expect(logRows(page).first().getByRole("link")).toHaveAttribute("href", `/deliveries/${goodId}`);

    await page.goto(`/deliveries?q=${bad.id}&range=24h`);
    await expect(logRows(page)).toHaveCount(1);
    await expect(logRows(page).first().getByRole("link")).toHaveAttribute("href", `/deliveries/${badId}`);
    await page.reload();
    await expect(page.getByLabel("Search")).toHaveValue(bad.id);
    await expect(page.getByLabel("Time range")).toHaveValue("24h");
    await expect(logRows(page)).toHaveCount(1);

    // A range that excludes them, and a bad value: explained, never a server error.
    await page.goto(`/deliveries?q=${bad.id}&range=custom&until=2020-01-01T00:00`);
    await expect(page.getByText("No deliveries match")).toBeVisible();
    const broken = await page.goto("/deliveries?status=broken&range=2w");
    expect(broken?.status()).toBe(200);
    await expect(page.getByRole("main").getByRole("alert")).toContainText(
      "status: expected pending, retrying, succeeded or failed",
    );
    await expect(page.getByRole("main").getByRole("alert")).toContainText("range: expected 1h, 24h, 7d, all or custom");
    await expect(logRows(page)).toHaveCount(0);

    // Keyset paging on the webhook's own log: 50 a page, Older and back to Newest.
    for (let i = 0; i < 50; i++) await api.sendEvent("storage.low", { recorder_id: `nvr_${i}`, free_percent: 4 });
    // Paging is by latest activity: let every delivery be made first, so no row moves between pages.
    await expect.poll(() => api.countDeliveries(webhook.id, "pending"), { timeout: 30_000 }).toBe(0);
    await page.goto(`${webhookLog}?event_type=storage.low`);
    await expect(logRows(page)).toHaveCount(50);
    await page.goto(webhookLog);
    await expect(logRows(page)).toHaveCount(50);
    await page.getByRole("link", { name: "Older →" }).click();
    await expect(page).toHaveURL(/\?cursor=/);
    await expect(logRows(page)).toHaveCount(2);
    const olderUrl = page.url();
    await page.reload();
    expect(page.url()).toBe(olderUrl);
    await expect(logRows(page)).toHaveCount(2);
    await expect(page.getByRole("link", { name: "Older →" })).toHaveCount(0);
    await page.getByRole("link", { name: "← Newest" }).click();
    await expect(page).toHaveURL(webhookLog);
    await expect(logRows(page)).toHaveCount(50);
  } finally {
    await api.deleteWebhook(webhook.id);
    await receiver.close();
  }
});

test.describe("on a 375 px phone", () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test("the log and the detail scroll inside their boxes, never the page sideways", async ({ page, request }) => {
    const receiver = await startReceiver({ status: 500, body: JSON.stringify({ error: "x".repeat(300) }) });
    const api = producerApi(request, (await adminOrgApiToken()).token);
    const webhook = await api.createWebhook(`${receiver.url}/a/rather/long/path/for/a/phone/screen`, [
      "camera.offline",
    ]);
    try {
      const event = await api.sendEvent("camera.offline", { camera_id: "cam_lobby_01" });
      await waitForDelivery(api, event.deliveries[0].id, (d) => d.attempt_count >= 1);
      const overflow = () =>
        page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

      await page.goto("/deliveries");
      await expect(logRows(page).first()).toBeVisible();
      expect(await overflow()).toBeLessThanOrEqual(0);
      const region = page.getByRole("region", { name: "Delivery log" });
      expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

      await page.goto(`/deliveries/${event.deliveries[0].id}`);
      await expect(page.getByRole("article").first()).toBeVisible();
      expect(await overflow()).toBeLessThanOrEqual(0);
    } finally {
      await api.deleteWebhook(webhook.id);
      await receiver.close();
    }
  });
});
