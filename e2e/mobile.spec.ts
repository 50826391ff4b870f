import { expect, test } from "@playwright/test";

test.use({ viewport: { width: 375, height: 812 } });

test("on a 375 px phone the console shell shows every nav link without scrolling sideways", async ({ page }) => {
  await page.goto("/settings");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of ["Webhooks", "Deliveries", "Settings", "Docs"]) {
    const link = nav.getByRole("link", { name });
    await expect(link).toBeInViewport({ ratio: 1 });
  }
  await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport({ ratio: 1 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);

  // Keyboard: the first Tab reaches the skip link, which moves focus past the header.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
});
