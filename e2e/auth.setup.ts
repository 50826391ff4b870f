import { expect, test as setup } from "@playwright/test";
import { ADMIN_STORAGE_STATE, E2E_ADMIN } from "../playwright.config";

// Signs in once as the first-run admin; the other specs start from this browser state.
setup("sign in as the admin", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/deliveries$/);
  await page.context().storageState({ path: ADMIN_STORAGE_STATE });
});
