import { expect, test, type Page, type Request } from "@playwright/test";

// The viewer's page has no admin controls, but server actions are plain POSTs: replay the admin's
// own requests with a viewer's session and check the server refuses every one of them.

const viewer = { email: `forger-${Date.now()}@e2e.test`, password: "forger-password-1" };
const REFUSED = "Only admins can do this. Your role is viewer.";

async function captureAction(page: Page, act: () => Promise<void>): Promise<Request> {
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]),
    act(),
  ]);
  return request;
}

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

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const viewerPage = await context.newPage();
  await viewerPage.goto("/sign-in?next=/settings");
  await viewerPage.getByLabel("Email").fill(viewer.email);
  await viewerPage.getByLabel("Password").fill(viewer.password);
  await viewerPage.getByRole("button", { name: "Sign in" }).click();
  await expect(viewerPage).toHaveURL((url) => url.pathname === "/settings");

  for (const forged of [reveal, regenerate, addMember]) {
    const headers = { ...forged.headers() };
    delete headers.cookie;
    const response = await context.request.post(forged.url(), { headers, data: forged.postDataBuffer() ?? "" });
    const text = await response.text();
    expect(text).toContain(REFUSED);
    expect(text).not.toContain(liveToken);
  }

  // Nothing changed: the token still works for producers, and no member was added.
  const api = await context.request.get("/api/v1/webhooks", { headers: { Authorization: `Bearer ${liveToken}` } });
  expect(api.status()).toBe(200);
  await page.reload();
  await expect(page.getByRole("row")).toHaveCount(memberCount);
  await context.close();
});
