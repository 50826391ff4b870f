import { expect, test } from "@playwright/test";
import { logRows } from "./support/delivery-log";
import { operatorApi, waitForStatus } from "./support/operator-api";
import { startReceiver } from "./support/receiver";

// The platform provisions a customer org by its own id, sends its events, and sends one of the
// customer's people into the console with a one-time link: they land on their org's delivery log,
// and the same link does not work twice.

test("a console link signs a customer's user into their org's delivery log, once", async ({ browser, request }) => {
  const receiver = await startReceiver({ status: 200, body: "ok" });
  const suffix = Date.now().toString(36);
  const api = operatorApi(request);
  try {
    await api.createOrg("Initech Security", `initech-${suffix}`);
    const org = api.forOrg(`ext:initech-${suffix}`);
    await org.createWebhook(receiver.url);
    const event = await org.sendEvent("camera.tampered", { camera_id: "cam_lobby_01" });
    await waitForStatus(org, [event.deliveries[0].id], (d) => d.status === "succeeded");

    const { url } = await org.consoleLink(`ops.${suffix}@initech.test`, "viewer");
    const first = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await first.newPage();
    await page.goto(url);
    await page.getByRole("button", { name: "Continue to the delivery log" }).click();
    await expect(page).toHaveURL(/\/deliveries$/);
    await expect(page.getByTitle("Organisation")).toHaveText("Initech Security");
    await expect(page.getByText(`ops.${suffix}@initech.test`)).toBeVisible();
    await expect(logRows(page)).toHaveCount(1);
    await expect(logRows(page).first()).toContainText("camera.tampered");
    await first.close();

    const second = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const again = await second.newPage();
    await again.goto(url);
    await again.getByRole("button", { name: "Continue to the delivery log" }).click();
    await expect(again.getByText("This sign-in link has expired or was already used.")).toBeVisible();
    await expect(again).toHaveURL(/\/console-link\//);
    await second.close();
  } finally {
    await receiver.close();
  }
});
