import { expect, test } from "@playwright/test";
import { adminOrgApiToken, createUser } from "./support/database";
import { captureAction, replayAction, VIEWER_REFUSED } from "./support/forged-actions";
import { producerApi, waitForDelivery } from "./support/producer-api";
import { startReceiver } from "./support/receiver";
import { signInAs } from "./support/session";

// Replay changes things, so only admins get it: a viewer sees the delivery but no Replay button,
// and the admin's own Replay request sent again with the viewer's session is refused inline, with
// no attempt made.

test("a viewer sees no Replay button, and a forged replay server-action call is refused with no new attempt", async ({
  page,
  browser,
  request,
}) => {
  const receiver = await startReceiver({ status: 503, body: '{"error":"maintenance"}' });
  const { token, orgId } = await adminOrgApiToken();
  const api = producerApi(request, token);
  const webhook = await api.createWebhook(receiver.url, ["motion.detected"]);
  const viewer = await createUser("viewer", { orgId });
  try {
    const event = await api.sendEvent("motion.detected", { camera_id: "cam_gate_03", zone: "gate" });
    const deliveryId = event.deliveries[0].id;
    await waitForDelivery(api, deliveryId, (d) => d.attempt_count >= 1);

    // The admin replays once, and the request their browser sent is kept.
    await page.goto(`/deliveries/${deliveryId}`);
    const replayRequest = await captureAction(page, () =>
      page.getByRole("button", { name: "Replay", exact: true }).click(),
    );
    await expect(page.getByRole("alert").filter({ hasText: "Replay failed with HTTP 503" })).toBeVisible();
    const manualAttempts = async () =>
      (await api.getDelivery(deliveryId)).attempts.filter((a) => a.trigger === "manual").length;
    expect(await manualAttempts()).toBe(1);

    // The viewer reads the same delivery, without Replay.
    const { context, page: viewerPage } = await signInAs(browser, viewer);
    await viewerPage.goto(`/deliveries/${deliveryId}`);
    await expect(viewerPage.getByRole("heading", { level: 1 })).toContainText("motion.detected");
    await expect(viewerPage.getByRole("article").first().getByLabel("Response body")).toHaveText(/maintenance/);
    await expect(viewerPage.getByText("Only an admin can Replay a delivery.")).toBeVisible();
    await expect(viewerPage.getByRole("button", { name: /Replay/ })).toHaveCount(0);

    // The admin's request, sent with the viewer's session: refused inline, not a server error.
    const forged = await replayAction(context.request, replayRequest);
    expect(forged.status()).toBe(200);
    expect(await forged.text()).toContain(VIEWER_REFUSED);
    expect(await manualAttempts()).toBe(1);
    await context.close();
  } finally {
    await api.deleteWebhook(webhook.id);
    await receiver.close();
  }
});
