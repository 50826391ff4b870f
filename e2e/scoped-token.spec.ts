import { expect, test } from "@playwright/test";
import { attachScreenshot } from "./support/screenshots";

test("an admin creates a producer token with events:write in Settings; the API lets it send events and nothing else", async ({
  page,
  request,
}, testInfo) => {
  await page.goto("/settings");
  const panel = page.getByRole("region", { name: "Named tokens" });
  const name = `producer ${Date.now()}`;

  // No scope ticked: refused inline, nothing created.
  await panel.getByLabel("Token name").fill(name);
  await panel.getByRole("button", { name: "Create token" }).click();
  await expect(panel.getByText("Choose at least one scope.")).toBeVisible();

  await panel.getByLabel("Token name").fill(name);
  await panel.getByRole("checkbox", { name: /^events:write/ }).check();
  await panel.getByRole("button", { name: "Create token" }).click();
  await expect(panel.getByText(`Token "${name}" created. Copy it now: it is not shown again.`)).toBeVisible();
  const value = panel.getByLabel("New token value");
  await expect(value).toHaveText(/^nvms_[A-Za-z0-9_-]{43}$/);
  const token = await value.innerText();

  // Listed with its scope, masked, never used yet.
  const row = panel.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("events:write");
  await expect(row).toContainText(`${token.slice(0, 9)}••••`);
  await expect(row).not.toContainText(token);
  await expect(row).toContainText("never");
  await attachScreenshot(page, testInfo, "settings-named-token-created.png", { fullPage: true });

  const api = (method: "GET" | "POST", path: string, data?: unknown) =>
    request.fetch(`/api/v1${path}`, { method, headers: { Authorization: `Bearer ${token}` }, data });
  const sent = await api("POST", "/events", { type: "camera.offline", data: { camera_id: "cam_scoped" } });
  expect(sent.status()).toBe(202);

  for (const refused of [api("GET", "/deliveries"), api("GET", "/webhooks"), api("GET", "/audit-events")]) {
    const response = await refused;
    expect(response.status()).toBe(403);
    const body = await response.json();
    expect(body.error).toMatchObject({ code: "insufficient_scope", request_id: expect.stringMatching(/^api_/) });
  }
  expect((await (await api("GET", "/deliveries")).json()).error.message).toContain("`deliveries:read`");

  // Its last use shows after a reload; a page reload never shows the value again.
  await page.reload();
  await expect(row).not.toContainText("never");
  await expect(panel.getByLabel("New token value")).toHaveCount(0);

  await row.getByRole("button", { name: `Revoke token ${name}` }).click();
  await page
    .getByRole("dialog", { name: `Revoke the token "${name}"?` })
    .getByRole("button", { name: "Revoke token" })
    .click();
  await expect(panel.getByText("Token revoked: it no longer works.")).toBeVisible();
  await expect(panel.getByRole("row", { name: new RegExp(name) })).toHaveCount(0);
  expect((await api("POST", "/events", { type: "camera.offline", data: {} })).status()).toBe(401);
});
