import { expect, test as setup } from "@playwright/test";
import { ADMIN_STORAGE_STATE, E2E_ADMIN } from "../playwright.config";
import { submitSignIn } from "./support/session";

// Signs in once as the first-run admin; the other specs start from this browser state.
setup("sign in as the admin", async ({ page }) => {
  await page.goto("/sign-in");
  await submitSignIn(page, E2E_ADMIN);
  await expect(page).toHaveURL(/\/deliveries$/);
  await page.context().storageState({ path: ADMIN_STORAGE_STATE });
});
