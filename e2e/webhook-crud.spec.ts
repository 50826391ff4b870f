import { expect, test } from "@playwright/test";

// One admin journey through a webhook's whole life: create (after an inline error), find it in the
// list, edit, disable and re-enable, delete after confirming.

test("an admin creates a webhook after fixing a bad URL, edits it, disables and re-enables it, then deletes it", async ({
  page,
}) => {
  const url = `https://hooks-${Date.now()}.example.com/novavms`;
  await page.goto("/webhooks");
  await page.getByRole("link", { name: "New webhook" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "New webhook" })).toBeVisible();
  const form = page.getByRole("form", { name: "New webhook" });
  await expect(form.getByText("None chosen: this webhook receives all event types")).toBeVisible();

  // A bad URL is refused inline; everything typed stays.
  await form.getByLabel("Endpoint URL").fill("ftp://example.com/hooks");
  await form.getByLabel("Description").fill("Lobby cameras");
  await form.getByLabel("camera.offline").check();
  await form.getByLabel("Other event types").fill("door.opened");
  await expect(form.getByText("This webhook receives only the event types chosen here.")).toBeVisible();
  await form.getByRole("button", { name: "Create webhook" }).click();
  await expect(form.getByText("Only https:// and http:// URLs can receive webhooks, not ftp: URLs.")).toBeVisible();
  await expect(form.getByLabel("Endpoint URL")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Endpoint URL")).toHaveValue("ftp://example.com/hooks");
  await expect(form.getByLabel("Description")).toHaveValue("Lobby cameras");
  await expect(form.getByLabel("camera.offline")).toBeChecked();
  await expect(form.getByLabel("Other event types")).toHaveValue("door.opened");
  await expect(form.getByLabel("Enabled")).toBeChecked();
  await expect(page).toHaveURL(/\/webhooks\/new$/);

  await form.getByLabel("Endpoint URL").fill(url);
  await form.getByRole("button", { name: "Create webhook" }).click();
  await expect(page).toHaveURL(/\/webhooks\/wh_[0-9a-z]+$/);
  const webhookPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(url);
  const sections = page.getByRole("navigation", { name: "Webhook sections" });
  await expect(sections.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");

  // In the list, with what was entered.
  await page.getByRole("link", { name: "← Webhooks" }).click();
  const row = page.getByRole("row", { name: new RegExp(url.replace(/[.]/g, "\\.")) });
  await expect(row).toContainText("Lobby cameras");
  await expect(row).toContainText("camera.offline, door.opened");
  await expect(row).toContainText("Enabled");
  await expect(row).toContainText("No deliveries yet");

  // Edit: the same form, prefilled.
  await row.getByRole("link", { name: url }).click();
  await sections.getByRole("link", { name: "Settings" }).click();
  const settings = page.getByRole("form", { name: "Webhook settings" });
  await expect(settings.getByLabel("Endpoint URL")).toHaveValue(url);
  await expect(settings.getByLabel("camera.offline")).toBeChecked();
  await expect(settings.getByLabel("Other event types")).toHaveValue("door.opened");
  await settings.getByLabel("Description").fill("Front door cameras");
  await settings.getByLabel("camera.offline").uncheck();
  await settings.getByLabel("Other event types").fill("");
  await settings.getByRole("button", { name: "Save changes" }).click();
  await expect(settings.getByRole("status")).toHaveText("Changes saved.");
  const header = page.getByRole("main");
  await expect(header).toContainText("Front door cameras");
  await expect(header).toContainText("All event types");

  // Disable, then enable again.
  await page.getByRole("button", { name: "Disable webhook" }).click();
  await expect(page.getByText(/^Webhook disabled\./)).toBeVisible();
  await expect(page.getByText("Disabled", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send test event" })).toHaveCount(0);
  await page.getByRole("button", { name: "Enable webhook" }).click();
  await expect(page.getByText(/^Webhook enabled\./)).toBeVisible();
  await expect(page.getByText("Enabled", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Disable webhook" })).toBeVisible();

  // Delete: Cancel keeps it; confirming deletes it, with its deliveries and their log.
  await page.getByRole("button", { name: "Delete webhook" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this webhook?" });
  await expect(dialog).toContainText("Its deliveries and their log are deleted too");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Delete webhook" }).click();
  await dialog.getByRole("button", { name: "Delete webhook" }).click();
  await expect(page).toHaveURL(/\/webhooks\?deleted=1$/);
  await expect(page.getByText("Webhook deleted, with its deliveries and their log.")).toBeVisible();
  await expect(page.getByRole("link", { name: url })).toHaveCount(0);

  const gone = await page.goto(webhookPath);
  expect(gone?.status()).toBe(404);
  await expect(page.getByText("Webhook not found")).toBeVisible();
});
