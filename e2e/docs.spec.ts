import { expect, test } from "@playwright/test";

test.use({ storageState: { cookies: [], origins: [] } });

test("the docs are public: signing shows Node and Python verification, error codes and troubleshooting link together", async ({
  page,
}) => {
  await page.goto("/docs");
  await page.getByRole("link", { name: "Webhook signing" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Webhook signing" })).toBeVisible();
  await expect(page.getByLabel("Node.js code", { exact: true })).toContainText("crypto.timingSafeEqual");
  await expect(page.getByLabel("Python code", { exact: true })).toContainText("hmac.compare_digest");
  await expect(page.getByLabel("Node.js with standardwebhooks code", { exact: true })).toContainText(
    'from "standardwebhooks"',
  );
  await expect(page.getByRole("cell", { name: "X-NovaVMS-Request-Id" })).toBeVisible();

  await page.goto("/docs/error-codes#timeout");
  await expect(page.locator("#timeout")).toContainText("The request timed out");
  await expect(page.locator("#unauthorized")).toContainText("401");
  await page.locator("#timeout").getByRole("link", { name: "Webhook delivery failed" }).click();
  await expect(page).toHaveURL(/\/docs\/troubleshooting#timeout$/);
  await expect(page.getByRole("heading", { level: 1, name: "Webhook delivery failed" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "If the request timed out" })).toBeInViewport();
  await expect(page.getByText("Return 200 OK within 10 seconds.")).toBeVisible();
  await page.getByRole("link", { name: "webhook signing", exact: true }).click();
  await expect(page).toHaveURL(/\/docs\/webhook-signing$/);
});
