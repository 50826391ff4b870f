import { expect, test } from "@playwright/test";
import { adminOrgApiToken } from "./support/database";
import { logRows } from "./support/delivery-log";
import { producerApi, waitForDelivery } from "./support/producer-api";
import { startReceiver } from "./support/receiver";

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the home page sends a visitor to sign-in, and the health route answers from the built app", async ({
    page,
    request,
  }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

    // The worker `npm start` runs beats within seconds of starting.
    await expect
      .poll(async () => (await (await request.get("/api/health")).json()).worker, { timeout: 30_000 })
      .toBe("ok");
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({
      ok: true,
      database: "ok",
      migrations: "current",
      worker: "ok",
      worker_last_seen_at: expect.any(String),
    });
  });
});

test("the home page sends a signed-in user to the delivery log, showing the org's latest delivery first", async ({
  page,
  request,
}) => {
  const receiver = await startReceiver({ status: 200, body: '{"ok":true}' });
  const api = producerApi(request, (await adminOrgApiToken()).token);
  const webhook = await api.createWebhook(receiver.url, ["camera.tampered"]);
  try {
    const event = await api.sendEvent("camera.tampered", { camera_id: "cam_home_01" });
    const deliveryId = event.deliveries[0].id;
    await waitForDelivery(api, deliveryId, (d) => d.status === "succeeded");

    await page.goto("/");
    await expect(page).toHaveURL(/\/deliveries$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const top = logRows(page).first();
    await expect(top.getByRole("link")).toHaveAttribute("href", `/deliveries/${deliveryId}`);
    await expect(top).toContainText("camera.tampered");
    await expect(top).toContainText("Succeeded");
  } finally {
    await api.deleteWebhook(webhook.id);
    await receiver.close();
  }
});
