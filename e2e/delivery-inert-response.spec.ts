import { expect, test } from "@playwright/test";
import { adminOrgApiToken } from "./support/database";
import { logRows } from "./support/delivery-log";
import { producerApi, waitForDelivery } from "./support/producer-api";
import { startReceiver } from "./support/receiver";

// Whatever a receiver answers is shown as text: a body (and a header) full of markup is visible
// literally on the delivery detail, and none of it runs or becomes an element.

const HOSTILE = `<script>window.__owned = true</script><img src=x onerror="window.__owned=true">`;

test("a receiver's HTML and script in its response are rendered as inert text on the delivery detail", async ({
  page,
  request,
}) => {
  const receiver = await startReceiver({
    status: 500,
    body: HOSTILE,
    contentType: "text/html",
    headers: { "x-debug": `<b onmouseover="window.__owned=true">bold</b>` },
  });
  const api = producerApi(request, (await adminOrgApiToken()).token);
  const webhook = await api.createWebhook(receiver.url, ["recording.failed"]);
  try {
    const event = await api.sendEvent("recording.failed", { camera_id: "cam_yard_02", reason: "disk full" });
    const deliveryId = event.deliveries[0].id;
    await waitForDelivery(api, deliveryId, (d) => d.attempt_count >= 1);

    await page.goto(`/deliveries?q=${deliveryId}`);
    await expect(logRows(page)).toHaveCount(1);
    await logRows(page).first().getByRole("link", { name: "recording.failed" }).click();
    await expect(page).toHaveURL(`/deliveries/${deliveryId}`);

    const latest = page.getByRole("article").first();
    const body = latest.getByLabel("Response body");
    await expect(body).toHaveText(HOSTILE);
    await expect(body).toBeVisible();
    await latest.getByText("Response headers").click();
    await expect(latest.getByLabel(/^Response headers of attempt/)).toContainText(
      `x-debug<b onmouseover="window.__owned=true">bold</b>`,
    );

    // Nothing of it ran, and no element came from it.
    expect(await page.evaluate(() => (window as unknown as { __owned?: boolean }).__owned)).toBeUndefined();
    expect(
      await page.evaluate(
        () => [...document.scripts].filter((s) => s.textContent?.trim() === "window.__owned = true").length,
      ),
    ).toBe(0);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await expect(page.locator("b[onmouseover]")).toHaveCount(0);
    await body.hover();
    expect(await page.evaluate(() => (window as unknown as { __owned?: boolean }).__owned)).toBeUndefined();
  } finally {
    await api.deleteWebhook(webhook.id);
    await receiver.close();
  }
});
