import { expect, test } from "@playwright/test";
import { adminOrgApiToken } from "./support/database";
import { failedDeliveries, latestRecovery, recoveryAttempts } from "./support/recovery";
import { startReceiver, type TestReceiver } from "./support/receiver";

// After an outage: the endpoint failed every delivery; once it is back, the admin recovers them
// from the webhook's log: the dry-run count to confirm, a progress bar that moves, and Cancel,
// which stops the recovery; the webhook's page lists it with its outcome.

const EVENTS = 200;
let receiver: TestReceiver;

test.beforeAll(async () => {
  receiver = await startReceiver({ status: 503, body: '{"error":"down"}' });
});
test.afterAll(async () => {
  await receiver.close();
});

test("Recover failed deliveries: count, progress bar, Cancel", async ({ page, request }) => {
  test.setTimeout(180_000);
  const headers = { Authorization: `Bearer ${(await adminOrgApiToken()).token}` };
  const created = await request.post("/api/v1/webhooks", {
    headers,
    data: { url: receiver.url, event_types: ["storage.low"], retry_schedule: "1s" },
  });
  expect(created.status()).toBe(201);
  const webhookId = ((await created.json()) as { id: string }).id;

  // The outage: every delivery fails twice and is given up.
  for (let i = 0; i < EVENTS; i++) {
    const sent = await request.post("/api/v1/events", { headers, data: { type: "storage.low", data: { i } } });
    expect(sent.status()).toBe(202);
  }
  await expect.poll(() => failedDeliveries(webhookId), { timeout: 90_000 }).toBe(EVENTS);

  // The endpoint is back, answering slowly enough for the bar to be watched.
  receiver.answer = { status: 200, body: '{"ok":true}', delayMs: 150 };
  await page.goto(`/webhooks/${webhookId}/deliveries?status=failed`);
  await page.getByRole("button", { name: "Recover failed deliveries" }).click();
  const confirm = page.getByRole("region", { name: "Confirm recovery" });
  await expect(confirm).toContainText(`Replay ${EVENTS} failed deliveries to ${receiver.url} sent between`);
  await confirm.getByRole("button", { name: "Start recovery" }).click();

  const panel = page.getByRole("region", { name: "Recovery", exact: true });
  const bar = panel.getByRole("progressbar", { name: "Recovery progress" });
  await expect(bar).toHaveAttribute("aria-valuemax", String(EVENTS));
  await expect
    .poll(async () => Number(await bar.getAttribute("aria-valuenow")), { timeout: 30_000 })
    .toBeGreaterThan(0);
  const first = Number(await bar.getAttribute("aria-valuenow"));
  await expect
    .poll(async () => Number(await bar.getAttribute("aria-valuenow")), { timeout: 30_000 })
    .toBeGreaterThan(first);
  await expect(panel).toContainText(/\d+\.\d\/s/);

  await panel.getByRole("button", { name: "Cancel recovery" }).click();
  await expect(panel.getByRole("heading", { name: "Recovery cancelled" })).toBeVisible();
  const recovery = await latestRecovery(webhookId);
  expect(recovery?.status).toBe("cancelled");
  // Within a second of Cancel nothing new is started: the count settles below the total.
  await page.waitForTimeout(1_500);
  const settled = await recoveryAttempts(webhookId);
  await page.waitForTimeout(2_000);
  expect(await recoveryAttempts(webhookId)).toBe(settled);
  expect(settled).toBeGreaterThan(first);
  expect(settled).toBeLessThan(EVENTS);

  // The webhook's page lists the recovery with its outcome.
  await page.goto(`/webhooks/${webhookId}`);
  const row = page.getByRole("table", { name: "Recoveries of this webhook" }).getByRole("row").nth(1);
  await expect(row).toContainText("Cancelled");
  await expect(row).toContainText(`${settled} / ${EVENTS}`);
});
