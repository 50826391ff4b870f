import { expect, test } from "@playwright/test";
import { captureAction, replayAction, VIEWER_REFUSED } from "./support/forged-actions";
import { signInAs } from "./support/session";

// The viewer's page has no admin controls, but server actions are plain POSTs: replay the admin's
// own requests with a viewer's session and check the server refuses every one of them.

const viewer = { email: `forger-${Date.now()}@e2e.test`, password: "forger-password-1" };

test("a viewer replaying the admin's server actions is refused and changes nothing", async ({ page, browser }) => {
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Add member" });
  await form.getByLabel("Email").fill(viewer.email);
  await form.getByLabel("Initial password").fill(viewer.password);
  const addMember = await captureAction(page, () => form.getByRole("button", { name: "Add member" }).click());
  await expect(form.getByRole("status")).toContainText(viewer.email);

  const reveal = await captureAction(page, () => page.getByRole("button", { name: "Reveal" }).click());
  const token = page.getByLabel("API token value");
  await expect(token).toHaveText(/^nvms_/);
  await page.getByRole("button", { name: "Regenerate API token" }).click();
  const regenerate = await captureAction(page, () =>
    page.getByRole("dialog").getByRole("button", { name: "Regenerate token" }).click(),
  );
  await expect(page.getByText("New API token created.")).toBeVisible();
  const liveToken = await token.innerText();
  const memberCount = await page.getByRole("row").count();

  const { context } = await signInAs(browser, viewer, { path: "/settings" });

  for (const forged of [reveal, regenerate, addMember]) {
    const response = await replayAction(context.request, forged);
    const text = await response.text();
    expect(text).toContain(VIEWER_REFUSED);
    expect(text).not.toContain(liveToken);
  }

  // Nothing changed: the token still works for producers, and no member was added.
  const api = await context.request.get("/api/v1/webhooks", { headers: { Authorization: `Bearer ${liveToken}` } });
  expect(api.status()).toBe(200);
  await page.reload();
  await expect(page.getByRole("row")).toHaveCount(memberCount);
  await context.close();
});
