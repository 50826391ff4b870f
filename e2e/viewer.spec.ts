import { expect, test } from "@playwright/test";
import { attachScreenshot } from "./support/screenshots";
import { signInAs } from "./support/session";

const viewer = { email: `viewer-${Date.now()}@e2e.test`, name: "Vera Viewer", password: "viewer-password-1" };

test("an admin adds a viewer, who then sees settings read-only", async ({ page, browser }, testInfo) => {
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Add member" });

  // Inline validation, nothing created.
  await form.getByLabel("Email").fill("not-an-email");
  await form.getByLabel("Initial password").fill("short");
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(form.getByText("Enter a valid email address.")).toBeVisible();
  await expect(form.getByText("Use at least 8 characters.")).toBeVisible();
  await expect(form.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Email").fill(viewer.email);
  await form.getByLabel("Name").fill(viewer.name);
  await form.getByLabel("Role").selectOption("viewer");
  await form.getByLabel("Initial password").fill(viewer.password);
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(form.getByRole("status")).toHaveText(`Added ${viewer.email} as viewer.`);
  const row = page.getByRole("row", { name: new RegExp(viewer.email) });
  await expect(row).toContainText("viewer");

  // The same email again is refused inline.
  await form.getByLabel("Email").fill(viewer.email);
  await form.getByLabel("Initial password").fill(viewer.password);
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(form.getByText("A user with this email already exists.").first()).toBeVisible();

  // The viewer, in a browser of their own.
  const { context, page: viewerPage } = await signInAs(browser, viewer, { path: "/settings" });

  await expect(viewerPage.getByRole("banner")).toContainText("viewer");
  await expect(viewerPage.getByText("You are a viewer")).toBeVisible();
  await expect(viewerPage.getByLabel("API token value")).toContainText("••••");
  await expect(viewerPage.getByRole("row", { name: new RegExp(viewer.email) })).toBeVisible();
  for (const name of ["Reveal", "Regenerate API token", "Add member", "Copy API token", "Create token"]) {
    await expect(viewerPage.getByRole("button", { name })).toHaveCount(0);
  }
  await expect(viewerPage.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await expect(viewerPage.getByRole("combobox")).toHaveCount(0);

  await attachScreenshot(viewerPage, testInfo, "settings-viewer.png", { fullPage: true });
  await context.close();
});
