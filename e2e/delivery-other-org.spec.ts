import { expect, test } from "@playwright/test";
import { adminOrgApiToken, createUser } from "./support/database";
import { logRows } from "./support/delivery-log";
import { captureAction, replayAction } from "./support/forged-actions";
import { producerApi, waitForDelivery } from "./support/producer-api";
import { startReceiver } from "./support/receiver";
import { signInAs } from "./support/session";

// Everything is scoped to the signed-in user's org: another org's admin gets "not found" for a
// delivery URL of the first org, cannot find it in their log, and cannot replay it, not even by
// sending the first admin's own Replay server action with their session.

test("an admin of another org gets a 404 for the first org's delivery, does not see it in their log, and cannot replay it", async ({
  page: adminPage,
  browser,
  request,
}) => {
  const receiver = await startReceiver({ status: 200, body: '{"ok":true}' });
  const api = producerApi(request, (await adminOrgApiToken()).token);
  const webhook = await api.createWebhook(receiver.url, ["camera.online"]);
  const outsider = await createUser("admin", { orgName: "Globex Monitoring" });
  try {
    const event = await api.sendEvent("camera.online", { camera_id: "cam_dock_04" });
    const deliveryId = event.deliveries[0].id;
    const delivered = await waitForDelivery(api, deliveryId, (d) => d.status === "succeeded");
    const requestId = delivered.attempts[0].request_id;

    // The first org's admin replays it once; the request their browser sent is kept.
    await adminPage.goto(`/deliveries/${deliveryId}`);
    const replayRequest = await captureAction(adminPage, () =>
      adminPage.getByRole("button", { name: "Replay", exact: true }).click(),
    );
    await expect(adminPage.getByRole("status").filter({ hasText: "Succeeded with HTTP 200" })).toBeVisible();
    const manualAttempts = async () =>
      (await api.getDelivery(deliveryId)).attempts.filter((a) => a.trigger === "manual").length;
    expect(await manualAttempts()).toBe(1);

    const { context, page } = await signInAs(browser, outsider);
    const response = await page.goto(`/deliveries/${deliveryId}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByText("Delivery not found")).toBeVisible();
    await expect(page.getByText(requestId)).toHaveCount(0);
    expect((await page.goto(`/webhooks/${webhook.id}/deliveries`))?.status()).toBe(404);

    for (const q of ["", deliveryId, requestId, event.id]) {
      await page.goto(q ? `/deliveries?q=${q}` : "/deliveries");
      await expect(page.getByText("No deliveries match")).toBeVisible();
      await expect(logRows(page)).toHaveCount(0);
    }

    // The admin's Replay request, sent with the other org's admin session: "not found", no attempt.
    const forged = await replayAction(context.request, replayRequest);
    expect(forged.status()).toBe(200);
    expect(await forged.text()).toContain("Delivery not found.");
    expect(await manualAttempts()).toBe(1);
    expect(receiver.requests).toHaveLength(2);
    await context.close();
  } finally {
    await api.deleteWebhook(webhook.id);
    await receiver.close();
  }
});
