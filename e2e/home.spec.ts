import { expect, test } from "@playwright/test";

test("the home page and the health route answer from the built app", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "NovaVMS Webhooks" })).toBeVisible();

  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ ok: true, database: "reachable", migrations: "current" });
});
