import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";
import { signInAs } from "./support/session";

const viewer = { email: `audit-viewer-${Date.now()}@e2e.test`, password: "viewer-password-1" };

test("an admin reads the audit log, filters it by action and actor, and a viewer is refused", async ({
  page,
  browser,
}) => {
  // A member change and a sign-in to find in the log.
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Add member" });
  await form.getByLabel("Email").fill(viewer.email);
  await form.getByLabel("Name").fill("Audit Viewer");
  await form.getByLabel("Role").selectOption("viewer");
  await form.getByLabel("Initial password").fill(viewer.password);
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(form.getByRole("status")).toHaveText(`Added ${viewer.email} as viewer.`);
  const asViewer = await signInAs(browser, viewer);

  await page.getByRole("link", { name: "Open the audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const table = page.getByRole("table", { name: "Audit log, newest first" });
  await expect(table.getByRole("row", { name: /member\.add/ }).first()).toContainText(E2E_ADMIN.email);
  await expect(table.getByRole("row", { name: /user\.sign_in/ }).first()).toBeVisible();

  await page.getByLabel("Action").selectOption("member.add");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/\/settings\/audit\?(.*&)?action=member\.add/);
  const rows = table.getByRole("row");
  await expect(rows.nth(1)).toContainText("member.add");
  for (const text of await rows.allInnerTexts()) expect(text).not.toContain("user.sign_in");

  await page.getByLabel("Action").selectOption("");
  await page.getByLabel("Actor").selectOption({ label: viewer.email });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(table.getByRole("row", { name: /user\.sign_in/ }).first()).toContainText(viewer.email);
  await expect(table.getByRole("row", { name: /member\.add/ })).toHaveCount(0);

  await asViewer.page.goto("/settings/audit");
  await expect(asViewer.page.getByText("Only admins can read the audit log.")).toBeVisible();
  await expect(asViewer.page.getByRole("table")).toHaveCount(0);
  await asViewer.context.close();
});
