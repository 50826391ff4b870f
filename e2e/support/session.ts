import { expect, type Browser, type Page } from "@playwright/test";

/** Fills in the sign-in form on `page` and submits it; where it lands is the caller's to check. */
export async function submitSignIn(page: Page, user: { email: string; password: string }) {
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * A browser context of its own, signed in as `user`: on `path` when given (sign-in's `next`),
 * otherwise on the delivery log, where sign-in lands by default.
 */
export async function signInAs(
  browser: Browser,
  user: { email: string; password: string },
  options: { path?: string; viewport?: { width: number; height: number } } = {},
) {
  const { path, viewport } = options;
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport });
  const page = await context.newPage();
  await page.goto(path ? `/sign-in?next=${encodeURIComponent(path)}` : "/sign-in");
  await submitSignIn(page, user);
  await expect(page).toHaveURL((url) => url.pathname === (path ?? "/deliveries"));
  return { context, page };
}
