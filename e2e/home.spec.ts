import { expect, test } from "@playwright/test";

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the home page sends a visitor to sign-in, and the health route answers from the built app", async ({
    page,
    request,
  }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ ok: true, database: "reachable", migrations: "current" });
  });
});

test("the home page sends a signed-in user to the delivery log", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/deliveries$/);
});
