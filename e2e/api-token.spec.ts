import { expect, test } from "@playwright/test";
import { attachScreenshot } from "./support/screenshots";

test("an admin reveals, copies and regenerates the org's API token after confirming", async ({
  page,
  context,
  request,
}, testInfo) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/settings");
  const token = page.getByLabel("API token value");
  await expect(token).toContainText("••••");
  await expect(page.getByRole("region", { name: "API token" })).toContainText("It is not a webhook's signing secret");

  await page.getByRole("button", { name: "Reveal" }).click();
  await expect(token).toHaveText(/^nvms_[A-Za-z0-9_-]{43}$/);
  const original = await token.innerText();

  await page.getByRole("button", { name: "Copy API token" }).click();
  await expect(page.getByText("Copied", { exact: true }).first()).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(original);

  // Cancel leaves the token alone.
  await page.getByRole("button", { name: "Regenerate API token" }).click();
  const dialog = page.getByRole("dialog", { name: "Regenerate the API token?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(token).toHaveText(original);

  await page.getByRole("button", { name: "Regenerate API token" }).click();
  await dialog.getByRole("button", { name: "Regenerate token" }).click();
  await expect(page.getByText("New API token created.")).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(token).toHaveText(/^nvms_[A-Za-z0-9_-]{43}$/);
  const fresh = await token.innerText();
  expect(fresh).not.toBe(original);

  // Producers: the old token is refused by the API at once, the new one works.
  const list = (bearer: string) => request.get("/api/v1/webhooks", { headers: { Authorization: `Bearer ${bearer}` } });
  expect((await list(original)).status()).toBe(401);
  expect((await list(fresh)).status()).toBe(200);

  await page.getByRole("button", { name: "Hide" }).click();
  // The masked form now starts with the new token's prefix.
  await expect(token).toHaveText(new RegExp(`^${fresh.slice(0, 9)}•+$`));
  await attachScreenshot(page, testInfo, "settings-admin.png", { fullPage: true });
});
