import { expect, test } from "@playwright/test";
import { E2E_OPERATOR } from "../playwright.config";
import { operatorApi, waitForStatus } from "./support/operator-api";
import { startReceiver } from "./support/receiver";
import { signInAs } from "./support/session";

// Platform support signs in with the operator account and sees which customers are in trouble:
// each org with its webhooks, last-24-hours deliveries, failure rate and disabled endpoints. An
// org opens read-only; acting as admin is a separate, explicit step.

test("the operator view lists two orgs with their figures and opens one read-only", async ({ browser, request }) => {
  const healthy = await startReceiver({ status: 200, body: "ok" });
  const broken = await startReceiver({ status: 500, body: "down" });
  const suffix = Date.now().toString(36);
  const api = operatorApi(request);
  try {
    await api.createOrg(`Umbrella ${suffix}`, `umbrella-${suffix}`);
    await api.createOrg(`Hooli ${suffix}`, `hooli-${suffix}`);
    const umbrella = api.forOrg(`ext:umbrella-${suffix}`);
    const hooli = api.forOrg(`ext:hooli-${suffix}`);
    await umbrella.createWebhook(healthy.url);
    await umbrella.disableWebhook((await umbrella.createWebhook(healthy.url)).id);
    const ok = [
      await umbrella.sendEvent("camera.online", { camera_id: "a" }),
      await umbrella.sendEvent("camera.online", { camera_id: "b" }),
    ];
    await hooli.createWebhook(broken.url);
    const bad = await hooli.sendEvent("camera.offline", { camera_id: "c" });
    await waitForStatus(
      umbrella,
      ok.map((e) => e.deliveries[0].id),
      (d) => d.status === "succeeded",
    );
    await waitForStatus(hooli, [bad.deliveries[0].id], (d) => d.attempt_count >= 1);

    const { context, page } = await signInAs(browser, E2E_OPERATOR, { path: "/operator" });
    await expect(page.getByRole("heading", { name: "Organisations" })).toBeVisible();
    const cells = (name: string) =>
      page
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name }) })
        .getByRole("cell");
    // Webhooks, deliveries (24 h), failure rate, disabled endpoints.
    await expect(cells(`Umbrella ${suffix}`).nth(0)).toHaveText("2");
    await expect(cells(`Umbrella ${suffix}`).nth(1)).toHaveText("2");
    await expect(cells(`Umbrella ${suffix}`).nth(2)).toHaveText("0.0%");
    await expect(cells(`Umbrella ${suffix}`).nth(3)).toHaveText("1");
    await expect(cells(`Hooli ${suffix}`).nth(0)).toHaveText("1");
    await expect(cells(`Hooli ${suffix}`).nth(1)).toHaveText("1");
    await expect(cells(`Hooli ${suffix}`).nth(2)).toHaveText("100.0%");
    await expect(cells(`Hooli ${suffix}`).nth(3)).toHaveText("0");

    await page.getByRole("button", { name: `Open Hooli ${suffix}` }).click();
    await expect(page).toHaveURL(/\/deliveries$/);
    const banner = page.getByRole("region", { name: "Operator" });
    await expect(banner).toContainText(`Operator view of Hooli ${suffix} — read-only`);
    await expect(page.getByTitle("Organisation")).toHaveText(`Hooli ${suffix}`);
    await banner.getByRole("button", { name: "Act as admin" }).click();
    await expect(banner).toContainText("acting as admin (audited)");
    await banner.getByRole("button", { name: "Back to organisations" }).click();
    await expect(page).toHaveURL(/\/operator$/);
    await context.close();
  } finally {
    await healthy.close();
    await broken.close();
  }
});
